package dev.bouncekit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** Reading request bodies and writing answers of the HTTP API: JSON, bytes, 204, 405 with {@code Allow}, HEAD. */
final class HttpIo {

    static final int MAX_BODY = 1024 * 1024;
    static final long MAX_DRAIN = 16L * 1024 * 1024;
    static final String JSON = "application/json; charset=utf-8";

    private HttpIo() {
    }

    /**
     * A part of the request target as the client meant it: the JDK's server reads the request
     * line's octets as ISO-8859-1, so UTF-8 sent without percent-encoding ({@code query=café}, as
     * curl sends it) arrives as {@code cafÃ©}. Text of such characters only is read again as the
     * UTF-8 it was; anything else is returned as it is.
     */
    static String octetsAsUtf8(String requestTargetPart) {
        boolean high = false;
        for (int i = 0; i < requestTargetPart.length(); i++) {
            char c = requestTargetPart.charAt(i);
            if (c > 0xff) {
                return requestTargetPart;
            }
            high |= c > 0x7f;
        }
        if (!high) {
            return requestTargetPart;
        }
        byte[] octets = requestTargetPart.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(octets)).toString();
        } catch (CharacterCodingException notUtf8) {
            return requestTargetPart; // Latin-1 after all
        }
    }

    static void allow(String method, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        String allow = String.join(", ", allowed).replace("GET", "GET, HEAD");
        throw new ApiError(405, "method " + method + " not allowed here; use " + String.join(" or ", allowed))
                .allow(allow + ", OPTIONS");
    }

    /**
     * The request body as UTF-8 text, at most {@link #MAX_BODY} octets (413 past that); a body that is not UTF-8 (a
     * file saved as UTF-16 or Latin-1) is a 400 rather than text with U+FFFD where its characters were.
     */
    static String body(HttpExchange http) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = http.getRequestBody()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > MAX_BODY) {
                    drain(in, buffer);
                    throw new ApiError(413, "request body larger than " + MAX_BODY / 1024 + " KB");
                }
                out.write(buffer, 0, n);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new ApiError(400, "request body: not UTF-8 text; send it as UTF-8");
        }
    }

    /** Reads and drops what is left of a body (bounded), so that the client is reading when the answer comes. */
    static void drain(InputStream in, byte[] buffer) throws IOException {
        long dropped = 0;
        int n;
        while (dropped < MAX_DRAIN && (n = in.read(buffer)) > 0) {
            dropped += n;
        }
    }

    static void sendJson(HttpExchange http, int status, JsonNode body) throws IOException {
        send(http, status, JSON, ApiJson.MAPPER.writeValueAsBytes(body));
    }

    static void sendEmpty(HttpExchange http) throws IOException {
        http.sendResponseHeaders(204, -1);
    }

    /**
     * Sends an answer; to a HEAD request, its status and headers with the {@code Content-Length}
     * of the body a GET gets, and no body.
     */
    static void send(HttpExchange http, int status, String contentType, byte[] body) throws IOException {
        http.getResponseHeaders().set("Content-Type", contentType);
        if ("HEAD".equals(http.getRequestMethod())) {
            http.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            http.sendResponseHeaders(status, -1);
            return;
        }
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }
    }

}
