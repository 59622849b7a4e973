package org.upright.notification.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** What was pushed to a person before: what the cap and the cooldowns count. */
public interface PushHistory {

    /** Advice pushed on this local day (in the person's zone), on any channel, each advice once. */
    int pushedOn(LocalDate day);

    /** When advice of this rule was last pushed, on any channel. */
    Optional<Instant> lastPushOf(String ruleId);
}
