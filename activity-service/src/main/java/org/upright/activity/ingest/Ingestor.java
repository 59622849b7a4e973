package org.upright.activity.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.upright.activity.profile.Profiles;
import org.upright.events.ActivityEvent;
import org.upright.problems.FieldError;

/**
 * Takes what a device posted: validates each item, answers a retried event as a duplicate, and
 * publishes the rest. Returns only once the broker has acknowledged every accepted event; when it
 * cannot in time, nothing is recorded as accepted and the caller is told to retry.
 */
@ApplicationScoped
public class Ingestor {

    @Inject
    EventValidator validator;

    @Inject
    AcceptedEvents acceptedEvents;

    @Inject
    EventPublisher publisher;

    @Inject
    Profiles profiles;

    public List<ItemResult> ingest(String userId, String source, List<ParsedItem> items) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ItemResult[] results = new ItemResult[items.size()];
        Map<UUID, ParsedItem> valid = new LinkedHashMap<>();
        for (ParsedItem item : items) {
            List<FieldError> errors = item.event() == null ? item.errors() : validator.validate(item.event(), now);
            if (!errors.isEmpty()) {
                results[item.index()] = rejected(item, errors);
            } else if (valid.containsKey(item.event().eventId())) {
                results[item.index()] = new ItemResult(item.index(), item.event().eventId(), ItemResult.Status.duplicate, List.of());
            } else {
                valid.put(item.event().eventId(), item);
            }
        }
        Set<UUID> seenBefore = acceptedEvents.alreadyAccepted(userId, valid.keySet());
        String profileZone = valid.isEmpty() ? null : profiles.timeZoneOf(userId).orElse(null);
        List<ActivityEvent> toPublish = new ArrayList<>();
        for (ParsedItem item : valid.values()) {
            UUID eventId = item.event().eventId();
            boolean duplicate = seenBefore.contains(eventId);
            results[item.index()] = new ItemResult(item.index(), eventId,
                    duplicate ? ItemResult.Status.duplicate : ItemResult.Status.accepted, List.of());
            if (!duplicate) {
                toPublish.add(toActivityEvent(userId, source, item.event(), profileZone));
            }
        }
        publish(toPublish);
        acceptedEvents.record(userId, toPublish.stream().map(ActivityEvent::eventId).toList());
        return List.of(results);
    }

    private void publish(List<ActivityEvent> events) {
        if (!events.isEmpty()) {
            publisher.awaitAcknowledged(publisher.publishAll(events),
                    "The events could not be stored durably in time and were not accepted; retry them");
        }
    }

    private static ItemResult rejected(ParsedItem item, List<FieldError> errors) {
        UUID eventId = item.event() == null ? null : item.event().eventId();
        List<FieldError> indexed = errors.stream().map(error -> error.atIndex(item.index())).toList();
        return new ItemResult(item.index(), eventId, ItemResult.Status.rejected, indexed);
    }

    /** The event's own zone wins; else the profile's; else none, and its offset decides its week. */
    static ActivityEvent toActivityEvent(String userId, String source, EventRequest request, String profileZone) {
        String zone = request.timeZone() != null ? request.timeZone() : profileZone;
        return new ActivityEvent(request.eventId(), userId, source, request.type(), request.start(), request.end(),
                zone, request.activity(), request.intensity(), request.mets(), request.avgHeartRate(),
                request.muscleStrengthening(), request.posture(), request.level(), request.bodySite(),
                request.severity(), request.kind(), request.radiatesTo(), request.boutId());
    }
}
