package org.upright.activity.profile;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Profiles as ingestion needs them. Every event posted needs its owner's zone, and zones rarely
 * change, so they are kept for a short while; a change reaches another instance within that time.
 */
@ApplicationScoped
public class Profiles {

    static final Duration CACHED_FOR = Duration.ofSeconds(30);

    private final Cache<String, Optional<String>> zones = Caffeine.newBuilder()
            .expireAfterWrite(CACHED_FOR)
            .maximumSize(100_000)
            .build();

    /** The zone a person's weeks are counted in, if they set one. */
    public Optional<String> timeZoneOf(String userId) {
        return zones.get(userId, id -> QuarkusTransaction.requiringNew().call(() ->
                Profile.<Profile>findByIdOptional(id).map(profile -> profile.timeZone)));
    }

    /** Stores the profile, and forgets the cached zone only once the change is committed. */
    public Profile save(String userId, String timeZone, Integer birthYear) {
        Profile saved = QuarkusTransaction.requiringNew().call(() -> {
            Profile profile = Profile.<Profile>findByIdOptional(userId).orElseGet(() -> {
                Profile created = new Profile();
                created.userId = userId;
                return created;
            });
            profile.timeZone = timeZone;
            profile.birthYear = birthYear;
            profile.updatedAt = Instant.now();
            profile.persist();
            return profile;
        });
        zones.invalidate(userId);
        return saved;
    }
}
