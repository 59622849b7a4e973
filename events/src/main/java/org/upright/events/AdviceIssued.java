package org.upright.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A piece of advice for one person, as published on {@link Topics#ADVICE_ISSUED} (contract v1).
 *
 * <p>It explains itself: the rule that fired, the person's figure against the target, and the
 * source with the point the rule rests on. {@code adviceId} is the consumers' dedupe key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdviceIssued(
        UUID adviceId,
        String userId,
        String ruleId,
        Severity severity,
        String message,
        double figure,
        double target,
        String unit,
        Source source,
        String period,
        Instant issuedAt) {

    /** The document, its section, and the point it makes, in Upright's own words. */
    public record Source(String document, String section, String point) {
    }
}
