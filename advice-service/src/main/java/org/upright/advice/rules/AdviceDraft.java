package org.upright.advice.rules;

import org.upright.events.AdviceIssued;
import org.upright.events.Severity;

/**
 * What a rule concluded, before it is issued: the rule, the person's figure against the target, and
 * why. {@code cause} is what the rule fires once for (a week, a day, a bout, a pain spell);
 * {@code period} is the week, day or interval the advice concerns, as ISO 8601.
 */
public record AdviceDraft(String ruleId, String cause, String period, Severity severity, String message,
                          double figure, double target, String unit, AdviceIssued.Source source) {
}
