package org.upright.advice.rules;

import org.upright.events.AdviceIssued;
import org.upright.events.Severity;

/** A rule as the catalogue shows it: what it watches, when it fires with today's settings, and why. */
public interface Rule {

    Description description();

    record Description(String id, String title, String firesWhen, Severity severity, AdviceIssued.Source source) {
    }
}
