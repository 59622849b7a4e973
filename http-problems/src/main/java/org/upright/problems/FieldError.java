package org.upright.problems;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What is wrong with one field of a request body, named by its JSON path ({@code end},
 * {@code events[3].mets}); {@code index} is the item's position in a batch, or null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, Integer index) {

    public FieldError(String field, String message) {
        this(field, message, null);
    }

    public FieldError atIndex(int batchIndex) {
        return new FieldError(field, message, batchIndex);
    }
}
