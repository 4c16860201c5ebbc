package dev.bouncekit.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a {@code classify --input jsonl} request that are read, and what is wrong with a request's fields:
 * one of them given as something other than a string (its value would be lost), or a field spelt like one of them
 * that is not it ({@code remote_host}, {@code Reply}), which would be passed over. Other fields are left alone.
 */
final class JsonlFields {

    /** The fields read, in the order the help names them. */
    static final List<String> READ = List.of("id", "reply", "stage", "remoteHost", "recipient");

    private JsonlFields() {
    }

    /**
     * What is wrong with the fields of {@code request}, a JSON object, or empty; {@code reply} is left to the caller,
     * which says it is required.
     */
    static Optional<String> problem(JsonNode request) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = request.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (!READ.contains(name)) {
                Optional<String> meant = READ.stream().filter(read -> folded(read).equals(folded(name))).findFirst();
                if (meant.isPresent()) {
                    return Optional.of("field '" + name + "' is not read; did you mean '" + meant.get() + "'?");
                }
            } else if (!name.equals("reply") && !value.isNull() && !value.isTextual() && !isId(name, value)) {
                return Optional.of("field '" + name + "' must be a string" + (name.equals("id") ? " or a number" : "")
                        + ", not " + kindOf(value));
            }
        }
        return Optional.empty();
    }

    /** The request's id as its answer repeats it: a string, or a number as written; null for none or another kind. */
    static String id(JsonNode request) {
        JsonNode id = request.get("id");
        return id != null && isId("id", id) ? id.asText() : null;
    }

    /** A JSON value that is no string, as a message names it: "the number 550", "an array". */
    static String kindOf(JsonNode value) {
        if (value.isNumber() || value.isBoolean()) {
            return "the " + (value.isNumber() ? "number " : "boolean ") + value;
        }
        return value.isArray() ? "an array" : value.isObject() ? "an object" : "a " + value.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isId(String name, JsonNode value) {
        return name.equals("id") && (value.isTextual() || value.isNumber());
    }

    /** A field name without case, '_', '-' or white space: remote_host and remoteHost are one. */
    private static String folded(String name) {
        return name.replaceAll("[_\\-\\s]", "").toLowerCase(Locale.ROOT);
    }
}
