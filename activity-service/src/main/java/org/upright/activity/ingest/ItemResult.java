package org.upright.activity.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.upright.problems.FieldError;

/** What became of one item of a request: accepted, a duplicate of one accepted before, or rejected and why. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ItemResult(int index, UUID eventId, Status status, List<FieldError> errors) {

    public enum Status {
        accepted, duplicate, rejected
    }
}
