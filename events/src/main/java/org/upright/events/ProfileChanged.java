package org.upright.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's profile as it is after a change, as published on {@link Topics#PROFILES} (contract v1).
 *
 * <p>Each record is the whole profile, not the difference, so the topic's latest record per user
 * is the profile. {@code timeZone} is the IANA zone the person's weeks are counted in;
 * {@code birthYear}, when set, gives the age for heart-rate zones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileChanged(
        String userId,
        String timeZone,
        Integer birthYear,
        Instant updatedAt) {

    /** Reads a record of {@link Topics#PROFILES}; throws {@link MalformedRecordException} for one a consumer cannot use. */
    public static ProfileChanged fromRecord(String json) {
        if (json == null) {
            throw new MalformedRecordException("the record has no value");
        }
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

    /** The newest of each person's profiles: what an upsert of a batch keeps (it may touch a row only once). */
    public static Collection<ProfileChanged> newestPerPerson(List<ProfileChanged> profiles) {
        Map<String, ProfileChanged> newest = new HashMap<>();
        profiles.forEach(profile -> newest.merge(profile.userId(), profile,
                (one, other) -> other.updatedAt().isAfter(one.updatedAt()) ? other : one));
        return newest.values();
    }
}
