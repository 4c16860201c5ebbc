package dev.bouncekit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bouncekit.classify.Classification;

/** The JSON form of a {@link Classification}, as {@code classify} writes it. */
final class ClassificationJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private ClassificationJson() {
    }

    static ObjectNode of(String id, Classification c) {
        ObjectNode node = MAPPER.createObjectNode();
        if (id != null) {
            node.put("id", id);
        }
        node.put("reason", c.reason().id());
        node.put("hard", c.hard());
        node.put("owner", c.owner().id());
        node.put("action", c.action().id());
        if (c.provider() == null) {
            node.putNull("provider");
        } else {
            node.put("provider", c.provider());
        }
        if (c.code() == null) {
            node.putNull("code");
        } else {
            node.put("code", c.code());
        }
        if (c.status() == null) {
            node.putNull("status");
        } else {
            node.put("status", c.status().toString());
        }
        node.put("rule", c.rule());
        node.put("evidence", c.evidence().id());
        return node;
    }

    static ObjectNode error(String id, int line, String message) {
        ObjectNode node = MAPPER.createObjectNode();
        if (id != null) {
            node.put("id", id);
        }
        node.put("line", line);
        node.put("error", message);
        return node;
    }
}
