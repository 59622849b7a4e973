package org.upright.activity.ingest;

import java.util.List;
import org.upright.problems.FieldError;

/** One item of a request body: the event it held, or why it could not be read. */
record ParsedItem(int index, EventRequest event, List<FieldError> errors) {

    static ParsedItem of(int index, EventRequest event) {
        return new ParsedItem(index, event, List.of());
    }

    static ParsedItem unreadable(int index, List<FieldError> errors) {
        return new ParsedItem(index, null, errors);
    }
}
