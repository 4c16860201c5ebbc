package dev.bouncekit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.reply.SmtpStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code bouncekit classify}: one reply per input line in, one classification per line out. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify SMTP replies, one per line, from FILE or standard input.")
final class ClassifyCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { json, table }

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Input file; standard input when absent or '-'.")
    Path file;

    @Option(names = "--jsonl", description = "Each input line is a JSON object: {\"id\", \"reply\", \"stage\", \"remoteHost\", \"recipient\"}; only reply is required.")
    boolean jsonl;

    @Option(names = "--format", defaultValue = "json", description = "json (one object per line) or table. Default: ${DEFAULT-VALUE}.")
    Format format;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        BounceClassifier classifier = BounceClassifier.builtIn();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.table) {
            out.printf("%-6s %-16s %-5s %-9s %-20s %-10s %-5s %-7s %s%n",
                    "line", "reason", "hard", "owner", "action", "provider", "code", "status", "rule");
        }
        try (BufferedReader in = open()) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode result = classifyLine(classifier, line, number);
                if (format == Format.table) {
                    printRow(out, number, result);
                } else {
                    out.println(ClassificationJson.MAPPER.writeValueAsString(result));
                }
            }
        }
        out.flush();
        return 0;
    }

    private BufferedReader open() throws IOException {
        if (file == null || file.toString().equals("-")) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    private ObjectNode classifyLine(BounceClassifier classifier, String line, int number) {
        if (!jsonl) {
            return ClassificationJson.of(null, classifier.classify(line));
        }
        JsonNode node;
        try {
            node = ClassificationJson.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return ClassificationJson.error(null, number, "not a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return ClassificationJson.error(null, number, "not a JSON object");
        }
        String id = node.hasNonNull("id") ? node.get("id").asText() : null;
        JsonNode reply = node.get("reply");
        if (reply == null || !reply.isTextual()) {
            return ClassificationJson.error(id, number, "field 'reply' (a string) is required");
        }
        DeliveryContext context = DeliveryContext.none();
        String stageName = text(node, "stage");
        if (stageName != null && !stageName.isBlank()) {
            Optional<SmtpStage> stage = SmtpStage.parse(stageName);
            if (stage.isEmpty()) {
                return ClassificationJson.error(id, number, "field 'stage' must be one of CONNECT, EHLO, HELO, MAIL, RCPT, DATA or empty, not '" + stageName + "'");
            }
            context = context.withStage(stage.get());
        }
        context = context.withRemoteHost(text(node, "remoteHost")).withRecipient(text(node, "recipient"));
        Classification c = classifier.classify(reply.asText(), context);
        return ClassificationJson.of(id, c);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void printRow(PrintWriter out, int number, ObjectNode r) {
        if (r.has("error")) {
            out.printf("%-6d error: %s%n", number, r.get("error").asText());
            return;
        }
        out.printf("%-6d %-16s %-5s %-9s %-20s %-10s %-5s %-7s %s%n", number,
                r.get("reason").asText(), r.get("hard").asText(), r.get("owner").asText(), r.get("action").asText(),
                r.get("provider").isNull() ? "-" : r.get("provider").asText(),
                r.get("code").isNull() ? "-" : r.get("code").asText(),
                r.get("status").isNull() ? "-" : r.get("status").asText(), r.get("rule").asText());
    }
}
