package org.upright.notification.policy;

import java.time.LocalTime;

/**
 * A nightly window without pushed nudges, such as 22:00 to 07:00. It belongs to the day it starts
 * on and may run past midnight into the next; {@code from} equal to {@code to} is no window at all.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public boolean crossesMidnight() {
        return to.isBefore(from);
    }

    public boolean isEmpty() {
        return from.equals(to);
    }
}
