package dev.bouncekit.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.reply.SmtpStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code bouncekit classify}: replies in (one per line, one per paragraph, or JSON lines), one
 * classification per reply out (JSON lines or a table). Exits with 1 when a JSON input line could
 * not be classified, after answering all the others.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classify SMTP replies from FILE or standard input (one per line, one per paragraph, or JSON lines), "
                + "or given with --text.",
                "Example: bouncekit classify --text '550 5.1.1 user unknown'"},
        footer = {"", "Exit status: 0, or 1 when a --input jsonl line was not a valid request (it gets an",
                "{\"line\", \"error\"} object; the other lines are still classified), or 2 for a bad command line."})
final class ClassifyCommand implements Callable<Integer> {

    /** The SMTP commands a stage may name, as the errors say it. */
    private static final String SMTP_COMMANDS = "an SMTP command (CONNECT, EHLO, HELO, MAIL, RCPT, DATA, BDAT, "
            + "or one that decides nothing, such as QUIT)";

    /** What a stage of a file's row may be, as the errors say it. */
    static final String STAGES = "must be " + SMTP_COMMANDS + " or empty";

    /**
     * SMTP commands a failure can be reported at that are none of the stages the classifier tells
     * apart (Sisimai reports QUIT, for one): read as "stage unknown", not as an error.
     */
    private static final Set<String> OTHER_SMTP_COMMANDS = Set.of(
            "QUIT", "RSET", "NOOP", "VRFY", "EXPN", "HELP", "STARTTLS", "AUTH", "ETRN", "TURN", "ATRN");

    /** Whether {@code command}, in any case, is an SMTP command that decides nothing about a reply: no stage. */
    static boolean decidesNothing(String command) {
        return OTHER_SMTP_COMMANDS.contains(command.trim().toUpperCase(Locale.ROOT));
    }


    private static final String EXPECTED = "a file of replies, or '-' for standard input";

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Input file; standard input when absent or '-'.")
    Path file;

    @Option(names = "--input", paramLabel = "FORMAT",
            description = "lines: one reply per line (the default); paragraph: one reply per block of lines separated "
                    + "by blank lines, lines starting with white space folded onto the line before (Postfix bounces, "
                    + "DSN Diagnostic-Code); jsonl: one JSON object per line, {\"id\", \"reply\", \"stage\", "
                    + "\"remoteHost\", \"recipient\"} as strings (id may be a number), only reply required; other fields are left alone.")
    InputFormat input;

    @Option(names = "--jsonl", description = "The same as --input jsonl.")
    boolean jsonl;

    @Option(names = {"-t", "--text"}, paramLabel = "REPLY",
            description = "A reply to classify, given on the command line instead of FILE (repeat for more); "
                    + "its lines may be joined with \\n.")
    List<String> texts;

    @Option(names = "--stage", paramLabel = "COMMAND",
            description = "With --text: the SMTP command the reply answered (CONNECT, EHLO, MAIL, RCPT, DATA; "
                    + "another command, such as QUIT, leaves the stage unknown, as in --input jsonl).")
    String stage;

    @Option(names = {"--output", "--format"}, paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "jsonl: one JSON object per reply (json is the same); table. Default: ${DEFAULT-VALUE}.")
    OutputFormat output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        InputFormat format = inputFormat();
        BounceClassifier classifier = BounceClassifier.builtIn();
        PrintWriter out = spec.commandLine().getOut();
        if (texts != null) {
            return classifyTexts(classifier, out);
        }
        if (stage != null) {
            throw new ParameterException(spec.commandLine(),
                    "--stage goes with --text; in a file, give each reply's stage with --input jsonl");
        }
        if (file != null && !file.toString().equals("-") && !Files.exists(file) && looksLikeAReply(file.toString())) {
            throw new UserError("cannot read " + file + ": no such file; to classify a reply given on the command line, "
                    + "use --text: bouncekit classify --text '" + file + "'");
        }
        int[] errors = {0};
        try (BufferedReader in = InputFile.open(file, EXPECTED)) {
            if (!output.isJsonLines()) {
                printHeader(out);
            }
            ReplyInput.read(in, format == InputFormat.paragraph, reply -> {
                ObjectNode result = format == InputFormat.jsonl ? classifyJson(classifier, reply.text(), reply.line())
                        : ClassificationJson.of(null, classifier.classify(reply.text()));
                if (result.has("error")) {
                    errors[0]++;
                }
                print(out, reply.line(), result);
            });
        } catch (IOException e) {
            throw InputFile.cannotRead(file, e, EXPECTED);
        }
        out.flush();
        return errors[0] == 0 ? 0 : 1;
    }

    /** The replies of {@code --text}, each with the {@code --stage} given, in the order given. */
    private int classifyTexts(BounceClassifier classifier, PrintWriter out) {
        if (file != null) {
            throw new ParameterException(spec.commandLine(), "give replies with --text or in FILE, not both");
        }
        if (input != null || jsonl) {
            throw new ParameterException(spec.commandLine(),
                    "--input and --jsonl say how FILE is read; --text takes each reply as it is");
        }
        DeliveryContext context = DeliveryContext.none();
        if (stage != null && !stage.isBlank()) {
            Optional<SmtpStage> parsed = SmtpStage.parse(stage);
            if (parsed.isPresent()) {
                context = context.withStage(parsed.get());
            } else if (!decidesNothing(stage)) {
                // a value that does not parse is a bad command line (exit 2), as for every other option
                throw new ParameterException(spec.commandLine(), "--stage must be " + SMTP_COMMANDS
                        + ", not '" + stage + "'");
            }
        }
        if (!output.isJsonLines()) {
            printHeader(out);
        }
        int number = 0;
        for (String text : texts) {
            print(out, ++number, ClassificationJson.of(null, classifier.classify(text.replace("\\n", "\n"), context)));
        }
        out.flush();
        return 0;
    }

    /** An SMTP reply rather than a path: a reply code and a space, or an enhanced status code. */
    private static boolean looksLikeAReply(String argument) {
        return argument.matches("(?s)[245]\\d\\d[ -].*") || argument.matches("(?s).*\\b[245]\\.\\d{1,3}\\.\\d{1,3}\\b.*");
    }

    private InputFormat inputFormat() {
        if (jsonl && input != null && input != InputFormat.jsonl) {
            throw new ParameterException(spec.commandLine(), "--jsonl means --input jsonl, but --input " + input
                    + " was given too; give one of them");
        }
        return jsonl ? InputFormat.jsonl : input == null ? InputFormat.lines : input;
    }

    private void print(PrintWriter out, int line, ObjectNode result) {
        if (output.isJsonLines()) {
            try {
                out.println(ClassificationJson.MAPPER.writeValueAsString(result));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            printRow(out, line, result);
        }
    }

    private static ObjectNode classifyJson(BounceClassifier classifier, String line, int number) {
        JsonNode node;
        // one object a line, whole: a second object or text after the first is refused, not dropped,
        // and so is a field given twice, not read as its last value
        try (JsonParser parser = ClassificationJson.MAPPER.getFactory().createParser(line)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            node = ClassificationJson.MAPPER.readTree(parser);
            boolean more;
            try {
                more = parser.nextToken() != null;
            } catch (JsonProcessingException e) {
                more = true;
            }
            if (more) {
                return ClassificationJson.error(null, number, "more follows the JSON object; give one object a line");
            }
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (message.startsWith("Duplicate field ")) {
                // Jackson's "Duplicate field 'reply'"
                return ClassificationJson.error(null, number, "field " + message.substring("Duplicate field ".length())
                        + " given twice; give each field once");
            }
            return ClassificationJson.error(null, number, "not a JSON object: " + message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            return ClassificationJson.error(null, number, "not a JSON object");
        }
        String id = JsonlFields.id(node);
        Optional<String> fieldProblem = JsonlFields.problem(node);
        if (fieldProblem.isPresent()) {
            return ClassificationJson.error(id, number, fieldProblem.get());
        }
        JsonNode reply = node.get("reply");
        if (reply == null || reply.isNull()) {
            return ClassificationJson.error(id, number, "field 'reply' (a string) is required");
        }
        if (!reply.isTextual()) {
            // there, but not as text: "is required" would send the user looking for a field they wrote
            return ClassificationJson.error(id, number, "field 'reply' must be a string, not " + JsonlFields.kindOf(reply)
                    + "; write the reply in quotes");
        }
        DeliveryContext context = DeliveryContext.none();
        String stageName = text(node, "stage");
        if (stageName != null && !stageName.isBlank()) {
            Optional<SmtpStage> stage = SmtpStage.parse(stageName);
            if (stage.isPresent()) {
                context = context.withStage(stage.get());
            } else if (!decidesNothing(stageName)) {
                return ClassificationJson.error(id, number, "field 'stage' " + STAGES + ", not '" + stageName + "'");
            }
        }
        context = context.withRemoteHost(text(node, "remoteHost")).withRecipient(text(node, "recipient"));
        Classification c = classifier.classify(reply.asText(), context);
        return ClassificationJson.of(id, c);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void printHeader(PrintWriter out) {
        out.printf("%-6s %-16s %-5s %-9s %-20s %-10s %-5s %-7s %s%n",
                "line", "reason", "hard", "owner", "action", "provider", "code", "status", "rule");
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
