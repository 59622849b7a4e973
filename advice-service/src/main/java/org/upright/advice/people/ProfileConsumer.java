package org.upright.advice.people;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.upright.events.ProfileChanged;
import org.upright.events.Topics;

/**
 * Keeps each person's zone and birth year from {@link Topics#PROFILES}. The newest profile wins,
 * so a record replayed out of order changes nothing.
 */
@ApplicationScoped
public class ProfileConsumer {

    @Incoming(Topics.PROFILES)
    @Blocking
    @Transactional
    public void consume(String json) {
        ProfileChanged profile = ProfileChanged.fromRecord(json);
        Person person = Person.<Person>findByIdOptional(profile.userId()).orElseGet(() -> {
            Person created = new Person();
            created.userId = profile.userId();
            return created;
        });
        if (person.updatedAt != null && !profile.updatedAt().isAfter(person.updatedAt)) {
            return;
        }
        person.timeZone = profile.timeZone();
        person.birthYear = profile.birthYear();
        person.updatedAt = profile.updatedAt();
        person.persist();
    }
}
