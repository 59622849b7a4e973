package org.upright.advice.totals;

import java.time.LocalDate;

/** One person's local day: the key of the day totals. */
public record UserDay(String userId, LocalDate day) {

    public IsoWeek week() {
        return IsoWeek.of(day);
    }
}
