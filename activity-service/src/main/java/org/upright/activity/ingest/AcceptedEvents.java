package org.upright.activity.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The event ids each person's devices have had accepted, so a retried post is answered as a
 * duplicate. One query and one insert per request, whatever the batch length.
 */
@ApplicationScoped
public class AcceptedEvents {

    @Inject
    EntityManager entityManager;

    @Transactional
    public Set<UUID> alreadyAccepted(String userId, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> found = entityManager.createNativeQuery(
                        "select event_id from {h-schema}accepted_event where user_id = :user and event_id in (:ids)", UUID.class)
                .setParameter("user", userId)
                .setParameter("ids", eventIds)
                .getResultList();
        return new HashSet<>(found);
    }

    @Transactional
    public void record(String userId, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        String idArray = eventIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        entityManager.createNativeQuery("insert into {h-schema}accepted_event (user_id, event_id, accepted_at)"
                        + " select :user, id, now() from unnest(cast(:ids as uuid[])) as id on conflict do nothing")
                .setParameter("user", userId)
                .setParameter("ids", idArray)
                .executeUpdate();
    }
}
