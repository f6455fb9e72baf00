package org.neuralstyle.studio;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A request body that is not the JSON the API expects, said in the API's words: where (line and column, or the
 * field) and what was expected, never a Java type or the parser's own phrasing.
 */
final class JsonErrors {

    private JsonErrors() {
    }

    static String describe(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException reason) {
            return reason.getMessage();
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = field(mapping.getPath());
            if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return "field " + field + ": " + expected(mismatch.getTargetType()) + " was expected";
            }
            return "field " + field + ": not a value this field takes";
        }
        if (e instanceof StreamReadException) {
            JsonLocation at = e.getLocation();
            return "the request is not valid JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        }
        return "the request is not the JSON expected";
    }

    /** "styles[0]", "options.--width". */
    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder name = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                name.append(name.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                name.append('[').append(r.getIndex()).append(']');
            }
        }
        return "'" + name + "'";
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.getPackageName().startsWith("org.neuralstyle")) {
            return "an object";
        }
        return "another kind of value";
    }

}
