package dev.bouncekit.server.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bouncekit.receiver.Behaviour;
import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.DurationText;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.reply.SmtpReply;

import java.util.List;

/** Writes rules in the scenario schema, so what {@code GET /api/rules} returns can be sent back with PUT. */
public final class ScenarioWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioWriter() {
    }

    /** {@code {"rules":[...]}} as a JSON tree. */
    public static ObjectNode tree(List<ReplyRule> rules) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("rules");
        for (ReplyRule rule : rules) {
            list.add(rule(rule));
        }
        return root;
    }

    /** {@code {"rules":[...]}} as JSON text. */
    public static String toJson(List<ReplyRule> rules) {
        return tree(rules).toString();
    }

    /** One rule in the scenario schema. */
    public static ObjectNode rule(ReplyRule rule) {
        ObjectNode node = JSON.createObjectNode();
        if (rule.name() != null) {
            node.put("name", rule.name());
        }
        Condition condition = rule.condition();
        if (condition.subject() != Condition.Subject.ANY) {
            ObjectNode when = node.putObject("when");
            for (Condition part : condition.parts()) {
                when.put(part.subject().key(), part.pattern());
            }
        }
        node.put("at", rule.stage().name());
        behaviour(node, rule.behaviour());
        if (!rule.delay().isZero()) {
            node.put("delay", DurationText.format(rule.delay()));
        }
        if (rule.times() > 0) {
            node.put("times", rule.times());
        }
        return node;
    }

    /** Each behaviour's fields: reply (a catalog id or {code, status, text}), disconnect, accept. */
    private static void behaviour(ObjectNode node, Behaviour behaviour) {
        if (behaviour instanceof Behaviour.CatalogReply c) {
            node.put("reply", c.catalogId());
        } else if (behaviour instanceof Behaviour.CustomReply c) {
            SmtpReply reply = c.reply();
            ObjectNode custom = node.putObject("reply");
            custom.put("code", reply.code());
            if (reply.status() != null) {
                custom.put("status", reply.status().toString());
            }
            ArrayNode text = custom.putArray("text");
            reply.lines().forEach(text::add);
        } else if (behaviour instanceof Behaviour.Disconnect d) {
            if (d.before() != null) {
                behaviour(node, d.before());
            }
            node.put("disconnect", true);
        } else if (behaviour instanceof Behaviour.Accept) {
            node.put("accept", true);
        }
    }
}
