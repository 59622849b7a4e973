package org.upright.activity.profile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

@ApplicationScoped
public class Profiles {

    /** The zone a person's weeks are counted in, if they set one. */
    @Transactional
    public Optional<String> timeZoneOf(String userId) {
        return Profile.<Profile>findByIdOptional(userId).map(profile -> profile.timeZone);
    }
}
