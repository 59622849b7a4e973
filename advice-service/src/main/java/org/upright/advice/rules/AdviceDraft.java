package org.upright.advice.rules;

import org.upright.events.AdviceIssued;
import org.upright.events.Severity;

/** What a rule concluded, before it is issued: the rule, the person's figure, the target and why. */
public record AdviceDraft(String ruleId, String period, Severity severity, String message,
                          double figure, double target, String unit, AdviceIssued.Source source) {
}
