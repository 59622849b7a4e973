package org.upright.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

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
}
