package org.upright.events;

import java.util.List;

/**
 * The rules advice-service issues advice under, as {@code ruleId} on advice-issued, in the order its
 * catalogue ({@code GET /api/v1/rules}) lists them. advice-service's tests keep the two equal.
 */
public final class RuleIds {

    public static final List<String> ALL = List.of("cdc-aerobic", "cdc-strength", "sitting-hourly-break", "sitting-long-day",
            "posture-poor", "overuse-spike", "stress-high", "pain-see-doctor", "stay-active", "weekly-summary");

    private RuleIds() {
    }
}
