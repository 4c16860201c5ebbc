package dev.bouncekit.server.scenario;

import dev.bouncekit.receiver.ReplyRule;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A list of reply rules written as data: the scenario file of {@code bouncekit serve} (YAML) and
 * the body of {@code PUT /api/rules} (JSON, or YAML). Schema:
 *
 * <pre>
 * rules:
 *   - name: greylist                       # optional, shown in the transcript
 *     when: { recipientDomain: "*.example.org" }   # one of recipient, recipientDomain, sender,
 *                                          #   senderDomain, helo, client; omitted = any
 *     at: RCPT                             # CONNECT, EHLO (HELO), MAIL, RCPT, DATA; optional for
 *                                          #   a catalog reply (its own stage)
 *     reply: gmail/user-unknown            # a catalog id or alias, or
 *     reply: { code: 451, status: "4.7.1", text: "Greylisted" }   # text: a string or a list of lines
 *     disconnect: true                     # close the connection (after the reply, if any)
 *     accept: true                         # answer as usual (for a rule that only delays)
 *     delay: 2s                            # 250ms, 2s, 1m or ISO-8601 (PT2S); at most 10 minutes
 *     times: 2                             # answer twice, then fall through
 * </pre>
 *
 * A rule needs {@code reply}, {@code disconnect} or {@code accept: true}. Scenarios are plain data:
 * they cannot refer to other files, and YAML aliases are limited.
 *
 * @param rules the rules in evaluation order
 */
public record Scenario(List<ReplyRule> rules) {

    public Scenario {
        rules = List.copyOf(rules);
    }

    /**
     * Reads a scenario file (YAML, or JSON).
     *
     * @throws ScenarioException naming the file, rule and field at fault; or the file as given when
     *                           there is none or it is a directory; or saying it is not UTF-8
     * @throws IOException       when the file cannot be read
     */
    public static Scenario load(Path file) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new ScenarioException(file + ": a directory, not a scenario file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(file + ": no such file");
        }
        if (Files.size(file) > ScenarioReader.MAX_BYTES) {
            throw new ScenarioException(name + ": larger than " + ScenarioReader.MAX_BYTES / 1024 / 1024 + " MB");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ScenarioException(name + ": not UTF-8 text; save it as UTF-8");
        }
        return parse(name, text);
    }

    /**
     * Reads a scenario from text: JSON when it starts with <code>{</code>, YAML otherwise.
     *
     * @param sourceName the name used in error messages, e.g. the file name
     * @throws ScenarioException naming the source, rule and field at fault
     */
    public static Scenario parse(String sourceName, String text) {
        return new Scenario(ScenarioReader.read(sourceName, text));
    }

    /** The scenario as JSON in the same schema, as {@code GET /api/rules} returns it. */
    public String toJson() {
        return ScenarioWriter.toJson(rules);
    }
}
