package dev.bouncekit.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReceivedMessage;
import dev.bouncekit.receiver.ReplyCatalog;
import dev.bouncekit.server.scenario.ScenarioWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake receiver's HTTP server: the web page at {@code /}, the API v1 under {@code /api/v1}
 * ({@link ApiV1}, described by {@code /api/v1/openapi.json}), {@code /livez} and {@code /readyz},
 * CORS for the origins of a {@link Cors} policy (preflights answered), and the unversioned API,
 * kept as an alias:
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
 * Every GET answers HEAD too, with the same status and headers and no body.
 * Errors are JSON objects {@code {"error": "..."}}, never stack traces: 400 for a body that is not a
 * valid scenario, 404, 405, and 413 for a body over 1 MiB (the rest of it is read and dropped, up
 * to 16 MiB, so that the client sees the answer); anything else that fails in a handler, an
 * {@link Error} too, is logged once and answered 500, and the server goes on. A request target that is not a valid URI (a
 * lone {@code %} in a query) never reaches a handler: the JDK's server answers it with its own
 * HTML 400. Binds loopback unless told otherwise.
 */
public final class ReceiverHttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiverHttpApi.class);
    private static final String NODELAY = "sun.net.httpserver.nodelay";
    /** The JDK server's limit, in seconds, on the time a request (its head and body) takes to arrive. */
    private static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";
    private static final String MAX_REQUEST_SECONDS = "30";
    /**
     * Requests served at once. Each holds its thread while it reads a body, so a few clients that stop half-way
     * through one (four, with the four threads there were) would leave none for the web page or {@code /livez}.
     */
    static final int THREADS = 64;

    private final FakeReceiver receiver;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Cors cors;
    private final ApiV1 v1;

    private ReceiverHttpApi(FakeReceiver receiver, HttpServer server, ExecutorService executor, Cors cors) {
        this.receiver = receiver;
        this.server = server;
        this.executor = executor;
        this.cors = cors;
        this.v1 = new ApiV1(receiver);
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
     * server starts; and {@code sun.net.httpserver.maxReqTime=30}, read the same way, so that a client
     * that stops half-way through a request has its connection closed after 30 seconds rather than
     * holding one of the {@value #THREADS} request threads for good.
     *
     * @param bind address to listen on, e.g. {@code 127.0.0.1}
     * @param port port, 0 for a free one
     * @throws IOException when the port cannot be bound
     */
    public static ReceiverHttpApi start(FakeReceiver receiver, String bind, int port) throws IOException {
        return start(receiver, bind, port, Cors.loopback());
    }

    /**
     * Serves the API with its own CORS policy.
     *
     * @param cors which browser origins may call the API
     * @throws IOException when the port cannot be bound
     */
    public static ReceiverHttpApi start(FakeReceiver receiver, String bind, int port, Cors cors) throws IOException {
        Objects.requireNonNull(receiver, "receiver");
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        if (System.getProperty(MAX_REQUEST_TIME) == null) {
            System.setProperty(MAX_REQUEST_TIME, MAX_REQUEST_SECONDS);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "bouncekit-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true); // started as requests come, ended when idle
        ReceiverHttpApi api = new ReceiverHttpApi(receiver, server, executor, cors);
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
                boolean preflight = cors.apply(http, () -> allowedMethods(http));
                if (preflight) {
                    return;
                }
                route(http);
            } catch (ApiError e) {
                if (e.allow != null) {
                    http.getResponseHeaders().set("Allow", e.allow);
                }
                HttpIo.sendJson(http, e.status, ApiJson.error(e.getMessage()));
            } catch (IOException e) {
                throw e; // the exchange itself failed: no answer can be sent
            } catch (Throwable e) {
                // an Error too (a StackOverflowError, a class that failed to load): left to the JDK's
                // server it closed the connection without an answer and took the worker thread with it
                LOG.warn("HTTP API failed on {} {}", http.getRequestMethod(), http.getRequestURI(), e);
                if (http.getResponseCode() == -1) {
                    HttpIo.sendJson(http, 500, ApiJson.error("internal error: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage())));
                }
            }
        }
    }

    /**
     * The methods the path of an {@code OPTIONS} request answers, for its {@code Allow}: every
     * route refuses OPTIONS with a 405 naming them, before it reads or changes anything; a path
     * that is not there throws its 404.
     */
    private String allowedMethods(HttpExchange http) {
        try {
            route(http);
        } catch (ApiError e) {
            if (e.allow != null) {
                return e.allow;
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("OPTIONS routed to " + http.getRequestURI().getPath());
    }

    private void route(HttpExchange http) throws IOException {
        // HEAD is GET without the body (RFC 9110, 9.3.2): HttpIo.send leaves the body out
        String method = "HEAD".equals(http.getRequestMethod()) ? "GET" : http.getRequestMethod();
        String path = http.getRequestURI().getPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals("/api/v1") || path.startsWith("/api/v1/")) {
            v1.route(http, method, path.substring("/api/v1".length()));
            return;
        }
        switch (path) {
            case "/livez":
                HttpIo.allow(method, "GET");
                HttpIo.sendJson(http, 200, ApiJson.MAPPER.createObjectNode().put("status", "ok"));
                return;
            case "/readyz":
                HttpIo.allow(method, "GET");
                Integer smtpPort = ApiJson.runningSmtpPort(receiver);
                boolean ready = smtpPort != null;
                HttpIo.sendJson(http, ready ? 200 : 503, ApiJson.MAPPER.createObjectNode()
                        .put("status", ready ? "ready" : "not ready").put("smtpPort", smtpPort));
                return;
            case "/":
                HttpIo.allow(method, "GET");
                WebPage.send(http, "index.html");
                return;
            case "/api":
                HttpIo.allow(method, "GET");
                HttpIo.sendJson(http, 200, index());
                return;
            case "/api/messages":
                if ("DELETE".equals(method)) {
                    receiver.clearMessages();
                    HttpIo.sendEmpty(http);
                    return;
                }
                HttpIo.allow(method, "GET", "DELETE");
                HttpIo.sendJson(http, 200, ApiJson.messages(receiver.receivedMessages()));
                return;
            case "/api/transcript":
                if ("DELETE".equals(method)) {
                    receiver.clearTranscript();
                    HttpIo.sendEmpty(http);
                    return;
                }
                HttpIo.allow(method, "GET", "DELETE");
                HttpIo.sendJson(http, 200, ApiJson.transcript(receiver.transcript()));
                return;
            case "/api/rules":
                rules(http, method);
                return;
            case "/api/catalog":
                HttpIo.allow(method, "GET");
                HttpIo.sendJson(http, 200, ApiJson.catalog(ReplyCatalog.builtIn()));
                return;
            default:
                if (path.startsWith("/ui/")) {
                    HttpIo.allow(method, "GET");
                    WebPage.send(http, path.substring("/ui/".length()));
                    return;
                }
                if (path.startsWith("/api/messages/")) {
                    message(http, method, path.substring("/api/messages/".length()));
                    return;
                }
                throw new ApiError(404, "no such endpoint: " + path + "; see GET /api/v1/openapi.json");
        }
    }

    private void rules(HttpExchange http, String method) throws IOException {
        switch (method) {
            case "GET":
                HttpIo.sendJson(http, 200, ScenarioWriter.tree(receiver.rules()));
                return;
            case "PUT":
                ApiV1.replaceRules(receiver, http);
                HttpIo.sendJson(http, 200, ScenarioWriter.tree(receiver.rules()));
                return;
            case "DELETE":
                receiver.clearRules();
                HttpIo.sendEmpty(http);
                return;
            default:
                HttpIo.allow(method, "GET", "PUT", "DELETE");
        }
    }

    private void message(HttpExchange http, String method, String rest) throws IOException {
        HttpIo.allow(method, "GET");
        boolean raw = rest.endsWith("/raw");
        String idText = raw ? rest.substring(0, rest.length() - "/raw".length()) : rest;
        int id = ApiV1.messageId(idText, "/api/messages");
        Optional<ReceivedMessage> message = receiver.receivedMessage(id);
        if (message.isEmpty()) {
            throw new ApiError(404, "no such message: " + id);
        }
        if (raw) {
            HttpIo.send(http, 200, "message/rfc822", message.get().raw());
        } else {
            HttpIo.sendJson(http, 200, ApiJson.message(message.get()));
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
}
