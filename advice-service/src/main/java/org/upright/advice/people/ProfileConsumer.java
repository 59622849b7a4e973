package org.upright.advice.people;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.upright.events.EventJson;
import org.upright.events.MalformedRecordException;
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
        ProfileChanged profile = read(json);
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

    static ProfileChanged read(String json) {
        ProfileChanged profile = EventJson.read(json, ProfileChanged.class);
        if (profile.userId() == null || profile.updatedAt() == null) {
            throw new MalformedRecordException("a profile needs userId and updatedAt");
        }
        if (profile.timeZone() != null) {
            try {
                ZoneId.of(profile.timeZone());
            } catch (DateTimeException e) {
                throw new MalformedRecordException("profile of " + profile.userId() + " has an unknown time zone: " + profile.timeZone());
            }
        }
        return profile;
    }
}
