package org.upright.problems;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Query parameters read as values, or a 400 naming the parameter: the paging cursors' parts. */
public final class QueryParams {

    private QueryParams() {
    }

    public static Instant instant(String name, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, "must be an instant such as 2026-11-25T08:00:00Z");
        }
    }

    public static UUID uuid(String name, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(name, "must be an id such as 6f1c2a7e-3b9d-4c55-9a8e-2f0d1b7c9e41");
        }
    }
}
