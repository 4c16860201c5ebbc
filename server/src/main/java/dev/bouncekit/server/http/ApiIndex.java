package dev.bouncekit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code GET /api/v1} answers, the address {@code bouncekit serve} prints for its API: every endpoint of the
 * OpenAPI document ({@code "GET /api/v1/messages"}, ...), read from it so that the two cannot differ, and where the
 * document is.
 */
final class ApiIndex {

    /** The OpenAPI document, a resource of this module. */
    static final String OPENAPI_RESOURCE = "/dev/bouncekit/server/openapi.json";

    private ApiIndex() {
    }

    /** The OpenAPI document's bytes, as {@code GET /api/v1/openapi.json} sends them. */
    static byte[] openApi() throws IOException {
        try (InputStream in = ApiIndex.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IOException("missing resource " + OPENAPI_RESOURCE);
            }
            return in.readAllBytes();
        }
    }

    /** {@code {"endpoints": ["GET /api/v1/messages", ...], "openapi": "/api/v1/openapi.json"}}. */
    static ObjectNode of() {
        JsonNode paths;
        try {
            paths = ApiJson.MAPPER.readTree(openApi()).path("paths");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode index = ApiJson.MAPPER.createObjectNode();
        ArrayNode endpoints = index.putArray("endpoints");
        for (Iterator<Map.Entry<String, JsonNode>> path = paths.fields(); path.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = path.next();
            for (Iterator<String> method = entry.getValue().fieldNames(); method.hasNext(); ) {
                endpoints.add(method.next().toUpperCase(Locale.ROOT) + " " + entry.getKey());
            }
        }
        index.put("openapi", "/api/v1/openapi.json");
        return index;
    }
}
