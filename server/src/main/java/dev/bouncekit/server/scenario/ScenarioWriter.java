package dev.bouncekit.server.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
            node.putObject("when").put(condition.subject().key(), condition.pattern());
        }
        node.put("at", rule.stage().name());
        if (rule.catalogId() != null) {
            node.put("reply", rule.catalogId());
        } else if (rule.reply() != null) {
            SmtpReply reply = rule.reply();
            ObjectNode custom = node.putObject("reply");
            custom.put("code", reply.code());
            if (reply.status() != null) {
                custom.put("status", reply.status().toString());
            }
            ArrayNode text = custom.putArray("text");
            reply.lines().forEach(text::add);
        }
        if (rule.closesConnection()) {
            node.put("disconnect", true);
        }
        if (rule.accepts()) {
            node.put("accept", true);
        }
        if (!rule.delay().isZero()) {
            node.put("delay", DurationText.format(rule.delay()));
        }
        if (rule.times() > 0) {
            node.put("times", rule.times());
        }
        return node;
    }
}
