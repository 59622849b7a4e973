package org.upright.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.UUID;

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
        if (e.getOriginalMessage().startsWith("Trailing token")) { // FAIL_ON_TRAILING_TOKENS has no exception type of its own
            return "goes on after its JSON value ends: send one JSON value";
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "should be " + jsonKindOf(mismatched.getTargetType());
        }
        return "has the wrong type";
    }

    /** What a value of this Java type looks like in JSON. */
    private static String jsonKindOf(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum() || type == UUID.class
                || Temporal.class.isAssignableFrom(type) || type == ZoneId.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
