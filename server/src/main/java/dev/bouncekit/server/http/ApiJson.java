package dev.bouncekit.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bouncekit.catalog.CatalogEntry;
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

    static ObjectNode error(String message) {
        return MAPPER.createObjectNode().put("error", message);
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
