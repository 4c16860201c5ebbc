package dev.bouncekit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReceivedMessage;
import dev.bouncekit.receiver.ReplyCatalog;
import dev.bouncekit.server.scenario.Scenario;
import dev.bouncekit.server.scenario.ScenarioException;
import dev.bouncekit.server.scenario.ScenarioWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake receiver's HTTP JSON API, for tests written in any language:
 * <pre>
 * GET    /api/messages            stored messages: id, connectionId, from, to[], subject, size, receivedAt
 * GET    /api/messages/{id}       one of them
 * GET    /api/messages/{id}/raw   the message as stored (message/rfc822)
 * DELETE /api/messages            forget stored messages
 * GET    /api/transcript          connections with their exchanges: command, stage, code, reply[], rule, at
 * DELETE /api/transcript          forget recorded connections
 * GET    /api/rules               installed rules, in the scenario schema
 * PUT    /api/rules               replace the rules; body: a scenario (JSON or YAML); 400 with a message if bad
 * DELETE /api/rules               remove all rules
 * GET    /api/catalog             catalog entries with their magic addresses and aliases
 * </pre>
 * Errors are JSON objects {@code {"error": "..."}}, never stack traces: 400 for a body that is not a
 * valid scenario, 404, 405, and 413 for a body over 1 MiB (the rest of it is read and dropped, up
 * to 16 MiB, so that the client sees the answer). Binds loopback unless told otherwise.
 */
public final class ReceiverHttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiverHttpApi.class);
    private static final int MAX_BODY = 1024 * 1024;
    private static final long MAX_DRAIN = 16L * 1024 * 1024;
    private static final String JSON = "application/json; charset=utf-8";
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final FakeReceiver receiver;
    private final HttpServer server;
    private final ExecutorService executor;

    private ReceiverHttpApi(FakeReceiver receiver, HttpServer server, ExecutorService executor) {
        this.receiver = receiver;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Serves the API for a receiver on 127.0.0.1.
     *
     * @param port port, 0 for a free one
     * @throws IOException when the port cannot be bound
     */
    public static ReceiverHttpApi start(FakeReceiver receiver, int port) throws IOException {
        return start(receiver, "127.0.0.1", port);
    }

    /**
     * Serves the API for a receiver. Any address but loopback exposes stored mail and the rules,
     * without authentication, to the network.
     *
     * <p>The JDK's HTTP server writes headers and body separately; without {@code TCP_NODELAY}
     * every answer then waits about 40 ms for a delayed ACK. Unless the JVM was told otherwise,
     * this sets {@code sun.net.httpserver.nodelay=true}, which the JDK reads when its first HTTP
     * server starts.
     *
     * @param bind address to listen on, e.g. {@code 127.0.0.1}
     * @param port port, 0 for a free one
     * @throws IOException when the port cannot be bound
     */
    public static ReceiverHttpApi start(FakeReceiver receiver, String bind, int port) throws IOException {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bouncekit-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ReceiverHttpApi api = new ReceiverHttpApi(receiver, server, executor);
        server.createContext("/", api::handle);
        server.setExecutor(executor);
        server.start();
        return api;
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address and port actually bound. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops serving. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            try {
                route(http);
            } catch (ApiError e) {
                sendJson(http, e.status, ApiJson.error(e.getMessage()));
            } catch (RuntimeException e) {
                LOG.warn("HTTP API failed on {} {}", http.getRequestMethod(), http.getRequestURI(), e);
                sendJson(http, 500, ApiJson.error("internal error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage())));
            }
        }
    }

    private void route(HttpExchange http) throws IOException {
        String method = http.getRequestMethod();
        String path = http.getRequestURI().getPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        switch (path) {
            case "/":
            case "/api":
                allow(method, "GET");
                sendJson(http, 200, index());
                return;
            case "/api/messages":
                if ("DELETE".equals(method)) {
                    receiver.clearMessages();
                    sendEmpty(http);
                    return;
                }
                allow(method, "GET", "DELETE");
                sendJson(http, 200, ApiJson.messages(receiver.receivedMessages()));
                return;
            case "/api/transcript":
                if ("DELETE".equals(method)) {
                    receiver.clearTranscript();
                    sendEmpty(http);
                    return;
                }
                allow(method, "GET", "DELETE");
                sendJson(http, 200, ApiJson.transcript(receiver.transcript()));
                return;
            case "/api/rules":
                rules(http, method);
                return;
            case "/api/catalog":
                allow(method, "GET");
                sendJson(http, 200, ApiJson.catalog(ReplyCatalog.builtIn()));
                return;
            default:
                if (path.startsWith("/api/messages/")) {
                    message(http, method, path.substring("/api/messages/".length()));
                    return;
                }
                throw new ApiError(404, "no such endpoint: " + path + "; see GET /api");
        }
    }

    private void rules(HttpExchange http, String method) throws IOException {
        switch (method) {
            case "GET":
                sendJson(http, 200, ScenarioWriter.tree(receiver.rules()));
                return;
            case "PUT":
                Scenario scenario;
                try {
                    scenario = Scenario.parse("request body", body(http));
                } catch (ScenarioException e) {
                    throw new ApiError(400, e.getMessage());
                }
                receiver.setRules(scenario.rules());
                sendJson(http, 200, ScenarioWriter.tree(receiver.rules()));
                return;
            case "DELETE":
                receiver.clearRules();
                sendEmpty(http);
                return;
            default:
                allow(method, "GET", "PUT", "DELETE");
        }
    }

    private void message(HttpExchange http, String method, String rest) throws IOException {
        allow(method, "GET");
        boolean raw = rest.endsWith("/raw");
        String idText = raw ? rest.substring(0, rest.length() - "/raw".length()) : rest;
        int id;
        try {
            id = Integer.parseInt(idText);
        } catch (NumberFormatException e) {
            throw new ApiError(404, "no such message: '" + idText + "'; ids are numbers from GET /api/messages");
        }
        Optional<ReceivedMessage> message = receiver.receivedMessage(id);
        if (message.isEmpty()) {
            throw new ApiError(404, "no such message: " + id);
        }
        if (raw) {
            send(http, 200, "message/rfc822", message.get().raw());
        } else {
            sendJson(http, 200, ApiJson.message(message.get()));
        }
    }

    private static ObjectNode index() {
        ObjectNode node = ApiJson.MAPPER.createObjectNode();
        node.putArray("endpoints")
                .add("GET /api/messages").add("GET /api/messages/{id}").add("GET /api/messages/{id}/raw")
                .add("DELETE /api/messages").add("GET /api/transcript").add("DELETE /api/transcript")
                .add("GET /api/rules").add("PUT /api/rules").add("DELETE /api/rules").add("GET /api/catalog");
        return node;
    }

    private static void allow(String method, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        throw new ApiError(405, "method " + method + " not allowed here; use " + String.join(" or ", allowed));
    }

    private static String body(HttpExchange http) throws IOException {
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
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Reads and drops what is left of a body (bounded), so that the client is reading when the answer comes. */
    private static void drain(InputStream in, byte[] buffer) throws IOException {
        long dropped = 0;
        int n;
        while (dropped < MAX_DRAIN && (n = in.read(buffer)) > 0) {
            dropped += n;
        }
    }

    private static void sendJson(HttpExchange http, int status, JsonNode body) throws IOException {
        send(http, status, JSON, ApiJson.MAPPER.writeValueAsBytes(body));
    }

    private static void sendEmpty(HttpExchange http) throws IOException {
        http.sendResponseHeaders(204, -1);
    }

    private static void send(HttpExchange http, int status, String contentType, byte[] body) throws IOException {
        http.getResponseHeaders().set("Content-Type", contentType);
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** An HTTP error with its status and message. */
    private static final class ApiError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        ApiError(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
