package dev.bouncekit.server.http;

import com.sun.net.httpserver.HttpExchange;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReceivedMessage;
import dev.bouncekit.receiver.ReplyCatalog;
import dev.bouncekit.receiver.gate.ReleaseGate;
import dev.bouncekit.server.scenario.Scenario;
import dev.bouncekit.server.scenario.ScenarioException;
import dev.bouncekit.server.scenario.ScenarioWriter;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The endpoints under {@code /api/v1}, as {@code /api/v1/openapi.json} describes them: messages
 * (paged, searched, parsed, raw, deleted), refusals and transcript (each cleared with DELETE),
 * rules (replaced, cleared, or one deleted by its position), catalog, the release gate, and one reset.
 */
final class ApiV1 {

    private final FakeReceiver receiver;

    ApiV1(FakeReceiver receiver) {
        this.receiver = receiver;
    }

    void route(HttpExchange http, String method, String path) throws IOException {
        Map<String, String> query = query(http.getRequestURI().getRawQuery());
        switch (path) {
            case "/messages":
                if ("DELETE".equals(method)) {
                    receiver.clearMessages();
                    HttpIo.sendEmpty(http);
                    return;
                }
                HttpIo.allow(method, "GET", "DELETE");
                QueryParameters.requireSpelling(query, "start", "limit", "query");
                MessageQuery page = MessageQuery.of(receiver.receivedMessages(), query.get("query"),
                        number(query, "start", 0, Integer.MAX_VALUE),
                        number(query, "limit", MessageQuery.DEFAULT_LIMIT, MessageQuery.MAX_LIMIT));
                HttpIo.sendJson(http, 200, ApiJson.page(page, receiver.evictions()));
                return;
            case "/rejections":
                if ("DELETE".equals(method)) {
                    receiver.clearRefusals();
                    HttpIo.sendEmpty(http);
                    return;
                }
                HttpIo.allow(method, "GET", "DELETE");
                HttpIo.sendJson(http, 200, ApiJson.refusals(receiver.refusals(), receiver.evictions()));
                return;
            case "/transcript":
                if ("DELETE".equals(method)) {
                    receiver.clearTranscript();
                    HttpIo.sendEmpty(http);
                    return;
                }
                HttpIo.allow(method, "GET", "DELETE");
                HttpIo.sendJson(http, 200, ApiJson.transcriptPage(receiver.transcript(), receiver.evictions()));
                return;
            case "/rules":
                rules(http, method);
                return;
            case "/catalog":
                HttpIo.allow(method, "GET");
                HttpIo.sendJson(http, 200, ApiJson.catalog(ReplyCatalog.builtIn()));
                return;
            case "/reset":
                HttpIo.allow(method, "POST");
                var rules = receiver.rules();
                receiver.reset();
                receiver.setRules(rules); // the rules stay; their use counts start again
                HttpIo.sendEmpty(http);
                return;
            case "/gate":
                HttpIo.allow(method, "GET");
                QueryParameters.requireSpelling(query, "maxBounceRate");
                double max = percent(query, "maxBounceRate", ReleaseGate.DEFAULT_MAX_BOUNCE_RATE);
                var connections = receiver.transcript();
                HttpIo.sendJson(http, 200, ApiJson.gate(ReleaseGate.over(connections, max), max, connections.size(),
                        receiver.evictions()));
                return;
            case "/status":
                HttpIo.allow(method, "GET");
                HttpIo.sendJson(http, 200, ApiJson.status(receiver));
                return;
            case "/openapi.json":
                HttpIo.allow(method, "GET");
                HttpIo.send(http, 200, HttpIo.JSON, ApiIndex.openApi());
                return;
            case "", "/":
                // the API's own address, as serve prints it
                HttpIo.allow(method, "GET");
                HttpIo.sendJson(http, 200, ApiIndex.of());
                return;
            default:
                if (path.startsWith("/messages/")) {
                    message(http, method, path.substring("/messages/".length()));
                    return;
                }
                if (path.startsWith("/rules/")) {
                    HttpIo.allow(method, "DELETE");
                    deleteRule(http, path.substring("/rules/".length()));
                    return;
                }
                throw new ApiError(404, "no such endpoint: /api/v1" + path + "; see GET /api/v1/openapi.json");
        }
    }

    private void rules(HttpExchange http, String method) throws IOException {
        if ("DELETE".equals(method)) {
            receiver.clearRules();
            HttpIo.sendEmpty(http);
            return;
        }
        if ("PUT".equals(method)) {
            replaceRules(receiver, http);
        } else {
            HttpIo.allow(method, "GET", "PUT", "DELETE");
        }
        HttpIo.sendJson(http, 200, ScenarioWriter.tree(receiver.rules()));
    }

    /**
     * Removes the rule at a position of {@code GET /rules}, from 1 as scenario errors number rules;
     * the others keep their use counts. A position that holds no rule is a 404.
     */
    private void deleteRule(HttpExchange http, String positionText) throws IOException {
        int position = positionText.matches("[1-9][0-9]{0,8}") ? Integer.parseInt(positionText) : 0;
        if (position == 0 || receiver.removeRule(position - 1).isEmpty()) {
            int count = receiver.rules().size();
            throw new ApiError(404, "no such rule: " + positionText + (count == 0 ? "; there are no rules"
                    : "; there " + (count == 1 ? "is 1 rule" : "are " + count + " rules")
                    + ", numbered from 1 as GET /api/v1/rules lists them"));
        }
        HttpIo.sendEmpty(http);
    }

    /** Replaces the receiver's rules by the scenario in the request body; a bad scenario is a 400. */
    static void replaceRules(FakeReceiver receiver, HttpExchange http) throws IOException {
        Scenario scenario;
        try {
            scenario = Scenario.parse("request body", HttpIo.body(http));
        } catch (ScenarioException e) {
            throw new ApiError(400, e.getMessage());
        }
        receiver.setRules(scenario.rules());
    }

    /** The message id in a path, or a 404 that says where ids come from ({@code listPath}). */
    static int messageId(String idText, String listPath) {
        try {
            return Integer.parseInt(idText);
        } catch (NumberFormatException e) {
            if (idText.matches("[0-9]+")) {
                throw new ApiError(404, "no such message: " + idText); // a number, larger than any id
            }
            throw new ApiError(404, "no such message: '" + idText + "'; ids are numbers from GET " + listPath);
        }
    }

    private void message(HttpExchange http, String method, String rest) throws IOException {
        boolean raw = rest.endsWith("/raw");
        String idText = raw ? rest.substring(0, rest.length() - "/raw".length()) : rest;
        int id = messageId(idText, "/api/v1/messages");
        if (!raw && "DELETE".equals(method)) {
            if (!receiver.deleteMessage(id)) {
                throw new ApiError(404, "no such message: " + id);
            }
            HttpIo.sendEmpty(http);
            return;
        }
        if (raw) {
            HttpIo.allow(method, "GET");
        } else {
            HttpIo.allow(method, "GET", "DELETE");
        }
        ReceivedMessage message = receiver.receivedMessage(id)
                .orElseThrow(() -> new ApiError(404, "no such message: " + id));
        if (raw) {
            HttpIo.send(http, 200, "message/rfc822", message.raw());
        } else {
            HttpIo.sendJson(http, 200, ApiJson.parsed(message, ParsedMessage.of(message.raw())));
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        String raw = HttpIo.octetsAsUtf8(rawQuery);
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(key, value);
        }
        return out;
    }

    private static int number(Map<String, String> query, String name, int otherwise, int max) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        if (!value.matches("\\+?\\d+")) {
            throw new ApiError(400, name + " must be a whole number from 0, not '" + value + "'");
        }
        // one past int's range is as large as any over max: the most there is, not "not a whole number"
        BigInteger n = new BigInteger(value);
        return n.compareTo(BigInteger.valueOf(max)) > 0 ? max : n.intValue();
    }

    /** A percentage from 0 to 100, written as {@code bouncekit gate --max-bounce-rate} takes it (2, 0.5 or 2%). */
    private static double percent(Map<String, String> query, String name, double otherwise) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        try {
            double d = ReleaseGate.parseLimit(value);
            if (!(d >= 0 && d <= 100)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ApiError(400, name + " must be a percentage from 0 to 100 (2, 0.5 or 2%), not '" + value + "'");
        }
    }
}
