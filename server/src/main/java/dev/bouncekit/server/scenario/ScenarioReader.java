package dev.bouncekit.server.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bouncekit.receiver.Behaviour;
import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.DurationText;
import dev.bouncekit.receiver.InvalidRuleException;
import dev.bouncekit.receiver.ReplyCatalog;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.reply.SmtpReply;
import dev.bouncekit.reply.SmtpStage;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns scenario text (YAML or JSON) into checked rules, or a {@link ScenarioException} that says where. */
final class ScenarioReader {

    static final int MAX_BYTES = 4 * 1024 * 1024;

    private static final Set<String> STAGE_NAMES =
            Set.of("CONNECT", "GREETING", "EHLO", "HELO", "MAIL", "MAIL FROM", "RCPT", "RCPT TO", "DATA");
    private static final Set<String> TOP_FIELDS = Set.of("rules");
    private static final List<String> RULE_FIELDS = List.of("name", "when", "at", "reply", "disconnect", "accept", "delay", "times");
    private static final List<String> REPLY_FIELDS = List.of("code", "status", "text");

    // a key written twice is refused where it is, not read as its last value
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper YAML = yamlMapper();

    private ScenarioReader() {
    }

    static List<ReplyRule> read(String source, String text) {
        if (text == null || text.isBlank()) {
            throw new ScenarioException(source + ": empty; expected a 'rules:' list");
        }
        if (text.length() > MAX_BYTES) {
            throw new ScenarioException(source + ": larger than " + MAX_BYTES / 1024 / 1024 + " MB");
        }
        JsonNode root = parseTree(source, text);
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ScenarioException(source + ": empty; expected a 'rules:' list");
        }
        if (!root.isObject()) {
            throw new ScenarioException(source + ": expected a mapping with a 'rules:' list at the top");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP_FIELDS.contains(name)) {
                throw new ScenarioException(source + ": unknown top-level field '" + name + "'; expected 'rules'");
            }
        }
        JsonNode rules = root.get("rules");
        if (rules == null || rules.isNull()) {
            return List.of();
        }
        if (!rules.isArray()) {
            throw new ScenarioException(source + ": field 'rules' must be a list of rules");
        }
        List<ReplyRule> out = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            String where = source + ": rule " + (i + 1) + ": ";
            try {
                out.add(rule(rules.get(i)));
            } catch (InvalidRuleException e) {
                throw new ScenarioException(where + e.getMessage());
            }
        }
        return out;
    }

    private static JsonNode parseTree(String source, String text) {
        boolean json = text.stripLeading().startsWith("{");
        if (!json) {
            refuseTags(source, text);
        }
        try {
            return (json ? JSON : YAML).readTree(text);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null && yaml.getProblemMark() != null) {
                throw new ScenarioException(source + ": " + yamlSyntax(yaml));
            }
            JsonLocation at = e.getLocation();
            String position = at == null || at.getLineNr() < 0 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().lines().findFirst().orElse("");
            if (message.startsWith("Duplicate field ")) {
                // Jackson's "Duplicate field 'when'"
                message = "field " + message.substring("Duplicate field ".length()) + " given twice; give each field once";
            }
            throw new ScenarioException(source + ": " + position + "not valid " + (json ? "JSON" : "YAML") + ": " + message);
        } catch (RuntimeException e) {
            throw new ScenarioException(source + ": not valid " + (json ? "JSON" : "YAML") + ": " + e.getMessage());
        }
    }

    /**
     * A YAML syntax error where the parser found it and what it found, then what it was reading:
     * SnakeYAML's message starts with the context alone ("while parsing a flow mapping"), which
     * does not say what is wrong.
     */
    private static String yamlSyntax(MarkedYAMLException e) {
        Mark problem = e.getProblemMark();
        StringBuilder out = new StringBuilder("line ").append(problem.getLine() + 1).append(", column ")
                .append(problem.getColumn() + 1).append(": not valid YAML: ").append(e.getProblem().strip());
        Mark context = e.getContextMark();
        if (e.getContext() != null && !e.getContext().isBlank()) {
            out.append(" (").append(e.getContext().strip());
            if (context != null && (context.getLine() != problem.getLine() || context.getColumn() != problem.getColumn())) {
                out.append(" that starts at line ").append(context.getLine() + 1).append(", column ").append(context.getColumn() + 1);
            }
            out.append(')');
        }
        return out.toString();
    }

    /**
     * Refuses explicit YAML tags ({@code !!java.io.File}, {@code !include}, even {@code !!str}):
     * the parser never constructs objects from them, and a scenario that uses one was meant for a
     * loader that would. Parse errors are left to the tree reader, which says where.
     */
    private static void refuseTags(String source, String text) {
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            while (parser.nextToken() != null) {
                Object tag = parser.getTypeId();
                if (tag != null) {
                    JsonLocation at = parser.currentTokenLocation();
                    throw new ScenarioException(source + ": line " + at.getLineNr() + ", column " + at.getColumnNr()
                            + ": YAML tags are not allowed (found " + shown(tag.toString()) + "); a scenario is plain data");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ScenarioException refused) {
                throw refused;
            }
            // not valid YAML: reported with its position when the tree is read
        }
    }

    private static String shown(String tag) {
        String standard = "tag:yaml.org,2002:";
        return tag.startsWith(standard) ? "!!" + tag.substring(standard.length()) : "!" + tag;
    }

    private static ReplyRule rule(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidRuleException("rule", "must be a mapping with when, at and reply");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!RULE_FIELDS.contains(name)) {
                throw new InvalidRuleException(name, "unknown field; expected one of " + String.join(", ", RULE_FIELDS));
            }
        }
        Condition condition = condition(node.get("when"));
        SmtpStage stage = stage(node.get("at"));
        String name = optionalText(node, "name");
        boolean disconnect = flag(node, "disconnect");
        boolean accept = flag(node, "accept");
        JsonNode reply = node.get("reply");
        boolean hasReply = reply != null && !reply.isNull();
        if (!hasReply && !disconnect && !accept) {
            throw new InvalidRuleException("reply", "a rule needs reply, disconnect: true or accept: true");
        }
        if (accept && (hasReply || disconnect)) {
            throw new InvalidRuleException("accept", "cannot be combined with reply or disconnect");
        }
        Behaviour behaviour = accept ? new Behaviour.Accept() : null;
        if (hasReply) {
            if (reply.isTextual()) {
                String catalogId = reply.asText();
                behaviour = new Behaviour.CatalogReply(catalogId);
                if (stage == null) {
                    stage = ReplyCatalog.builtIn().resolve(catalogId).map(e -> e.stage()).orElse(null);
                    if (stage == null) {
                        ReplyRule.when(condition).reply(catalogId); // throws the unknown-id error
                    }
                }
            } else if (reply.isObject()) {
                behaviour = new Behaviour.CustomReply(customReply(reply));
            } else {
                throw new InvalidRuleException("reply", "must be a catalog id (gmail/user-unknown) or {code, status, text}"
                        + readAsOnly(reply, ", but it"));
            }
        }
        if (stage == null) {
            throw new InvalidRuleException("at", "a stage is required: CONNECT, EHLO, MAIL, RCPT or DATA");
        }
        if (disconnect) {
            behaviour = new Behaviour.Disconnect(behaviour);
        }
        return new ReplyRule(name, condition, stage, behaviour, delay(node.get("delay")), times(node.get("times")));
    }

    private static Condition condition(JsonNode when) {
        if (when == null || when.isNull()) {
            return Condition.any();
        }
        if (when.isTextual() && when.asText().equalsIgnoreCase("any")) {
            return Condition.any();
        }
        if (!when.isObject() || when.size() == 0) {
            throw new InvalidRuleException("when", "must name one or more of " + subjects()
                    + ", e.g. { recipient: \"ghost@gmail.com\" } or { recipientDomain: \"gmail.com\", helo: \"*.test\" };"
                    + " omit it (or write 'any') to match everything");
        }
        Condition all = Condition.any();
        for (Iterator<Map.Entry<String, JsonNode>> fields = when.fields(); fields.hasNext(); ) {
            all = all.and(part(fields.next()));
        }
        return all;
    }

    /** One key of a {@code when} mapping: every key must hold. */
    private static Condition part(Map.Entry<String, JsonNode> field) {
        Condition.Subject subject = Condition.Subject.ofKey(field.getKey());
        if (subject == null) {
            throw new InvalidRuleException("when", "unknown condition '" + field.getKey() + "'; expected one of " + subjects());
        }
        if (subject == Condition.Subject.ANY) {
            return Condition.any();
        }
        if (!field.getValue().isTextual()) {
            throw new InvalidRuleException("when", subject.key() + " must be a text pattern, e.g. \"*@example.com\""
                    + readAs(field.getValue(), ", but it"));
        }
        try {
            return Condition.of(subject, field.getValue().asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException("when", e.getMessage());
        }
    }

    private static String subjects() {
        List<String> keys = new ArrayList<>();
        for (Condition.Subject s : Condition.Subject.values()) {
            if (s != Condition.Subject.ANY) {
                keys.add(s.key());
            }
        }
        return String.join(", ", keys);
    }

    private static SmtpStage stage(JsonNode at) {
        if (at == null || at.isNull()) {
            return null;
        }
        Optional<SmtpStage> stage = at.isTextual() && STAGE_NAMES.contains(at.asText().trim().toUpperCase(Locale.ROOT))
                ? SmtpStage.parse(at.asText()) : Optional.empty();
        if (!at.isTextual() && (at.isBoolean() || at.isNumber())) {
            throw new InvalidRuleException("at", "expected CONNECT, EHLO, MAIL, RCPT or DATA" + readAsOnly(at, ", but it"));
        }
        return stage.orElseThrow(() -> new InvalidRuleException("at",
                "unknown stage '" + at.asText() + "'; expected CONNECT, EHLO, MAIL, RCPT or DATA"));
    }

    private static SmtpReply customReply(JsonNode reply) {
        for (Iterator<String> names = reply.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!REPLY_FIELDS.contains(name)) {
                throw new InvalidRuleException("reply", "unknown field '" + name + "'; a custom reply has code, status and text");
            }
        }
        JsonNode code = reply.get("code");
        int basic;
        if (code != null && code.isIntegralNumber() && code.canConvertToInt()) {
            basic = code.asInt();
        } else if (code != null && code.isTextual() && code.asText().trim().matches("\\d{3}")) {
            basic = Integer.parseInt(code.asText().trim());
        } else {
            throw new InvalidRuleException("reply", "a custom reply needs a three-digit code, e.g. code: 550");
        }
        if (basic < 400 || basic > 599) {
            // in the file's terms: the Java API's own message names its accept() method
            throw new InvalidRuleException("reply", "code must be 4xx or 5xx, not " + basic
                    + (basic >= 200 && basic < 400 ? " (a rule that lets mail through has accept: true)" : ""));
        }
        JsonNode status = reply.get("status");
        if (status != null && !status.isNull() && !status.isTextual()) {
            throw new InvalidRuleException("reply", "status must be text like \"5.1.1\"" + readAs(status, ", but it"));
        }
        List<String> lines = new ArrayList<>();
        JsonNode text = reply.get("text");
        if (text == null || text.isNull()) {
            throw new InvalidRuleException("reply", "a custom reply needs text: one line, or a list of lines");
        } else if (text.isTextual()) {
            lines.add(text.asText());
        } else if (text.isBoolean() || text.isNumber()) {
            throw new InvalidRuleException("reply", "text must be one line or a list of lines" + readAs(text, ", but it"));
        } else if (text.isArray() && text.size() > 0) {
            for (int i = 0; i < text.size(); i++) {
                JsonNode line = text.get(i);
                if (!line.isTextual()) {
                    throw new InvalidRuleException("reply", "text lines must be text" + readAs(line, ", but line " + (i + 1)));
                }
                lines.add(line.asText());
            }
        } else {
            throw new InvalidRuleException("reply", "text must be one line or a non-empty list of lines");
        }
        try {
            return SmtpReply.of(basic, status == null || status.isNull() ? null : status.asText(), lines.toArray(new String[0]));
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException("reply", e.getMessage());
        }
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidRuleException(field, "must be text" + readAs(value, ", but it"));
        }
        return value.asText();
    }

    /**
     * What a value given where text belongs was read as, after {@code subject}, and to quote it: YAML
     * reads an unquoted {@code no}, {@code yes}, {@code on}, {@code off}, {@code true} or {@code false}
     * as a boolean and {@code 1.50} or {@code 0x1F} as a number (1.5, 31), whose own words are lost.
     * Empty for anything else.
     */
    private static String readAs(JsonNode value, String subject) {
        String read = readAsOnly(value, subject);
        return read.isEmpty() ? read : read + "; put it in quotes";
    }

    /** As {@link #readAs} without the advice to quote it, for a field no boolean or number could be meant for. */
    private static String readAsOnly(JsonNode value, String subject) {
        if (value.isBoolean()) {
            return subject + " was read as the boolean " + value.asText()
                    + " (YAML reads an unquoted yes, no, on, off, true or false as one)";
        }
        if (value.isNumber()) {
            return subject + " was read as the number " + value.asText();
        }
        return "";
    }

    private static boolean flag(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidRuleException(field, "must be true or false");
        }
        return value.asBoolean();
    }

    private static int times(JsonNode times) {
        if (times == null || times.isNull()) {
            return 0;
        }
        if (!times.isIntegralNumber() || times.bigIntegerValue().signum() < 1) {
            throw new InvalidRuleException("times", "must be a whole number of 1 or more, not " + times);
        }
        // a number past long's range is read whole here, not cut to its low 64 bits (2^64 + 1 is not 1)
        if (!times.canConvertToInt()) {
            throw new InvalidRuleException("times", "must be at most " + Integer.MAX_VALUE + ", not " + times);
        }
        return times.intValue();
    }

    static Duration delay(JsonNode delay) {
        if (delay == null || delay.isNull()) {
            return Duration.ZERO;
        }
        if (!delay.isTextual()) {
            throw new InvalidRuleException("delay", "give a unit, e.g. " + DurationText.EXAMPLES);
        }
        try {
            return DurationText.parse(delay.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException("delay", e.getMessage());
        }
    }

    private static ObjectMapper yamlMapper() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_BYTES);
        return new YAMLMapper(YAMLFactory.builder().loaderOptions(options).build())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
