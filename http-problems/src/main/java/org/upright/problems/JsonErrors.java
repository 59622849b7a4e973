package org.upright.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/** Says what is wrong with a JSON body in the caller's terms: Jackson's own messages name Java classes. */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** The JSON path of the field at fault ({@code start}, {@code [3].mets}), or "" for the body itself. */
    public static String fieldOf(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    public static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return "is not accepted: " + e.getCause().getMessage();
        }
        if (e instanceof InvalidFormatException invalid) {
            return "has the wrong format: '" + invalid.getValue() + "'";
        }
        if (!(e instanceof JsonMappingException)) {
            return "is not valid JSON: " + e.getOriginalMessage();
        }
        return "has the wrong type";
    }
}
