package org.upright.advice.totals;

import java.time.Duration;
import java.util.Set;
import org.upright.advice.rules.RulesConfig;

/** The thresholds that decide how an event is counted, as opposed to when a rule fires. */
public record Counting(Set<String> poorPostures, int highStressLevel, Duration longBout) {

    public static Counting from(RulesConfig rules) {
        return new Counting(rules.posture().poor(), rules.stress().highLevel(), rules.sitting().longBout());
    }
}
