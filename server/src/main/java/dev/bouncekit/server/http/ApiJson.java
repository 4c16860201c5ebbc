package dev.bouncekit.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.receiver.Evictions;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.Refusal;
import dev.bouncekit.receiver.Retention;
import dev.bouncekit.receiver.gate.ReleaseGate;
import dev.bouncekit.receiver.Exchange;
import dev.bouncekit.receiver.MagicAddresses;
import dev.bouncekit.receiver.ReceivedMessage;
import dev.bouncekit.receiver.ReplyCatalog;
import dev.bouncekit.receiver.TranscriptConnection;
import dev.bouncekit.reply.SmtpReply;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the HTTP API, written field by field so that the schema is stable and documented. */
final class ApiJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RefusalClassifier CLASSIFIER = new RefusalClassifier();

    private ApiJson() {
    }

    static ArrayNode messages(List<ReceivedMessage> messages) {
        ArrayNode out = MAPPER.createArrayNode();
        for (ReceivedMessage m : messages) {
            out.add(message(m));
        }
        return out;
    }

    static ObjectNode message(ReceivedMessage m) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", m.id());
        node.put("connectionId", m.connectionId());
        node.put("from", m.from());
        ArrayNode to = node.putArray("to");
        m.to().forEach(to::add);
        node.put("subject", m.subject());
        node.put("size", m.size());
        node.put("receivedAt", time(m.receivedAt()));
        return node;
    }

    static ArrayNode transcript(List<TranscriptConnection> connections) {
        ArrayNode out = MAPPER.createArrayNode();
        for (TranscriptConnection c : connections) {
            ObjectNode node = out.addObject();
            node.put("id", c.id());
            node.put("client", c.clientAddress());
            node.put("clientPort", c.clientPort());
            node.put("openedAt", time(c.openedAt()));
            node.put("closedAt", time(c.closedAt()));
            node.put("helo", c.helo());
            ArrayNode recipients = node.putArray("acceptedRecipients");
            c.acceptedRecipients().forEach(recipients::add);
            ArrayNode ids = node.putArray("messageIds");
            c.messageIds().forEach(ids::add);
            ArrayNode exchanges = node.putArray("exchanges");
            for (Exchange e : c.exchanges()) {
                ObjectNode x = exchanges.addObject();
                x.put("index", e.index());
                x.put("command", e.command());
                x.put("stage", e.stage() == null ? null : e.stage().name());
                x.put("code", e.code());
                ArrayNode reply = x.putArray("reply");
                e.reply().forEach(reply::add);
                x.put("rule", e.rule());
                x.put("at", time(e.at()));
            }
        }
        return out;
    }

    static ArrayNode catalog(ReplyCatalog catalog) {
        ArrayNode out = MAPPER.createArrayNode();
        for (CatalogEntry e : catalog.catalog().entries()) {
            SmtpReply reply = e.reply();
            ObjectNode node = out.addObject();
            node.put("id", e.id());
            node.put("provider", e.provider());
            node.put("stage", e.stage().name());
            node.put("code", reply.code());
            node.put("status", reply.status() == null ? null : reply.status().toString());
            ArrayNode lines = node.putArray("lines");
            e.lines().forEach(lines::add);
            node.put("reason", e.reason().id());
            node.put("hard", e.hard());
            node.put("magicAddress", MagicAddresses.address(e.id()));
            ArrayNode aliases = node.putArray("aliases");
            for (Map.Entry<String, String> alias : catalog.aliases().entrySet()) {
                if (alias.getValue().equals(e.id())) {
                    aliases.add(alias.getKey());
                }
            }
        }
        return out;
    }

    static ObjectNode page(MessageQuery page, Evictions evictions) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("total", page.total());
        node.put("start", page.start());
        node.put("count", page.messages().size());
        node.put("evicted", evictions.messages());
        ArrayNode list = node.putArray("messages");
        for (ReceivedMessage m : page.messages()) {
            list.add(message(m));
        }
        return node;
    }

    static ObjectNode parsed(ReceivedMessage m, ParsedMessage parsed) {
        ObjectNode node = message(m);
        ArrayNode headers = node.putArray("headers");
        for (ParsedMessage.Field f : parsed.headers()) {
            headers.addObject().put("name", f.name()).put("value", f.value());
        }
        node.put("text", parsed.text());
        node.put("html", parsed.html());
        ArrayNode attachments = node.putArray("attachments");
        for (ParsedMessage.Attachment a : parsed.attachments()) {
            attachments.addObject().put("name", a.name()).put("type", a.type()).put("size", a.size());
        }
        node.put("truncated", parsed.tooDeep()
                ? "MIME parts nested deeper than " + FakeReceiver.MAX_MIME_DEPTH + " levels were not read" : null);
        return node;
    }

    static ObjectNode refusals(List<Refusal> refusals, Evictions evictions) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("total", refusals.size());
        node.put("evicted", evictions.refusals());
        ArrayNode list = node.putArray("rejections");
        for (int i = refusals.size() - 1; i >= 0; i--) {
            Refusal r = refusals.get(i);
            ObjectNode x = list.addObject();
            x.put("id", r.id());
            x.put("at", time(r.at()));
            x.put("connectionId", r.connectionId());
            x.put("client", r.client());
            x.put("stage", r.stage() == null ? null : r.stage().name());
            x.put("command", r.command());
            x.put("recipient", recipientOf(r.command()));
            x.put("code", r.code());
            Classification c = CLASSIFIER.classify(r);
            x.put("status", c.status() == null ? null : c.status().toString());
            x.put("text", r.text());
            ArrayNode lines = x.putArray("reply");
            r.reply().forEach(lines::add);
            x.put("rule", r.rule());
            x.put("catalogId", r.catalogId());
            ObjectNode classification = x.putObject("classification");
            classification.put("reason", c.reason().id());
            classification.put("hard", c.hard());
            classification.put("provider", c.provider());
        }
        return node;
    }

    static ObjectNode transcriptPage(List<TranscriptConnection> connections, Evictions evictions) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("total", connections.size());
        node.put("evicted", evictions.transcripts());
        node.put("droppedExchanges", evictions.exchanges());
        node.set("connections", transcript(connections));
        return node;
    }

    /**
     * The gate's verdict, with what it judged: the connections kept, and those evicted and the
     * exchanges dropped before it ran, which it could not see.
     */
    static ObjectNode gate(ReleaseGate gate, double maxBounceRate, int connections, Evictions evictions) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("passed", gate.passed());
        node.put("bounceRate", gate.bounceRatePercent());
        node.put("maxBounceRate", maxBounceRate);
        node.put("connections", connections);
        node.put("evicted", evictions.transcripts());
        node.put("droppedExchanges", evictions.exchanges());
        ArrayNode checks = node.putArray("checks");
        for (ReleaseGate.Check c : gate.checks()) {
            checks.addObject().put("name", c.name()).put("passed", c.passed()).put("evidence", c.evidence());
        }
        return node;
    }

    /** The SMTP port while the receiver runs, else null: it may also stop between the question and the answer. */
    static Integer runningSmtpPort(FakeReceiver receiver) {
        try {
            return receiver.isRunning() ? receiver.smtpPort() : null;
        } catch (IllegalStateException stoppedMeanwhile) {
            return null;
        }
    }

    static ObjectNode status(FakeReceiver receiver) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("smtpPort", runningSmtpPort(receiver));
        node.put("hostname", receiver.hostname());
        node.put("magicAddresses", receiver.magicAddresses());
        Retention r = receiver.retention();
        ObjectNode retention = node.putObject("retention");
        retention.put("maxMessages", r.maxMessages());
        retention.put("maxAge", r.maxAge() == null ? null : r.maxAge().toString());
        retention.put("maxTranscripts", r.maxTranscripts());
        retention.put("maxRefusals", r.maxRefusals());
        retention.put("maxExchanges", r.maxExchanges());
        node.putObject("limits").put("maxConnections", receiver.maxConnections())
                .put("idleTimeout", receiver.idleTimeout().toString()).put("maxMessageSize", receiver.maxMessageSize())
                .put("maxRecipients", receiver.maxRecipients());
        Evictions e = receiver.evictions();
        node.putObject("evicted").put("messages", e.messages()).put("transcripts", e.transcripts())
                .put("refusals", e.refusals()).put("exchanges", e.exchanges());
        return node;
    }

    private static String recipientOf(String command) {
        if (command == null || !command.regionMatches(true, 0, "RCPT TO:", 0, 8)) {
            return null;
        }
        String rest = command.substring(8).trim();
        int open = rest.indexOf('<');
        int close = rest.indexOf('>');
        return open >= 0 && close > open ? rest.substring(open + 1, close) : rest.split(" ")[0];
    }

    static ObjectNode error(String message) {
        return MAPPER.createObjectNode().put("error", message);
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
