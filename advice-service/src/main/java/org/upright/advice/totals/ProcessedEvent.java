package org.upright.advice.totals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event whose effect is already in the totals; its id is the dedupe key. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    public static ProcessedEvent of(UUID eventId, String userId, Instant processedAt) {
        ProcessedEvent processed = new ProcessedEvent();
        processed.eventId = eventId;
        processed.userId = userId;
        processed.processedAt = processedAt;
        return processed;
    }
}
