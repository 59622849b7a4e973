package org.upright.activity.profile;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;

/**
 * Profile look-ups for ingestion. Every event posted needs its owner's zone, and zones rarely
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
        return zones.get(userId, this::loadZone);
    }

    void forget(String userId) {
        zones.invalidate(userId);
    }

    @Transactional
    Optional<String> loadZone(String userId) {
        return Profile.<Profile>findByIdOptional(userId).map(profile -> profile.timeZone);
    }
}
