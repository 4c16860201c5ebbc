package dev.bouncekit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bouncekit.catalog.Catalog;
import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.reply.SmtpReply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code bouncekit catalog}: lists the provider replies bouncekit knows. */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = "List the catalog of provider replies.")
final class CatalogCommand implements Callable<Integer> {

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, or jsonl: one JSON object per entry (id, provider, stage, code, status, lines, reason, "
                    + "hard; json is the same). Default: ${DEFAULT-VALUE}.")
    OutputFormat output;

    @Option(names = "--jsonl", description = "The same as --output jsonl.")
    boolean jsonl;

    @Option(names = "--provider", description = "Only this provider's entries.")
    String provider;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<CatalogEntry> entries = entries();
        boolean jsonLines = jsonl || output.isJsonLines();
        PrintWriter out = spec.commandLine().getOut();
        if (!jsonLines) {
            out.printf("%-44s %-7s %-4s %-7s %-15s %s%n", "id", "stage", "code", "status", "reason", "bounce");
        }
        for (CatalogEntry e : entries) {
            if (jsonLines) {
                out.println(ClassificationJson.MAPPER.writeValueAsString(json(e)));
            } else {
                SmtpReply reply = e.reply();
                out.printf("%-44s %-7s %-4s %-7s %-15s %s%n", e.id(), e.stage(), reply.code(),
                        reply.status() == null ? "-" : reply.status(), e.reason().id(), e.hard() ? "hard" : "soft");
            }
        }
        out.flush();
        return 0;
    }

    private List<CatalogEntry> entries() {
        List<CatalogEntry> all = Catalog.builtIn().entries();
        if (jsonl && output == OutputFormat.table && spec.commandLine().getParseResult().hasMatchedOption("--output")) {
            throw new ParameterException(spec.commandLine(),
                    "--jsonl means --output jsonl, but --output table was given too; give one of them");
        }
        if (provider == null) {
            return all;
        }
        List<CatalogEntry> chosen = all.stream().filter(e -> e.provider().equalsIgnoreCase(provider)).toList();
        if (chosen.isEmpty()) {
            Set<String> known = new TreeSet<>();
            all.forEach(e -> known.add(e.provider()));
            throw new UserError("unknown provider '" + provider + "'; the catalog's providers are " + String.join(", ", known));
        }
        return chosen;
    }

    static ObjectNode json(CatalogEntry e) {
        SmtpReply reply = e.reply();
        ObjectNode node = ClassificationJson.MAPPER.createObjectNode();
        node.put("id", e.id());
        node.put("provider", e.provider());
        node.put("stage", e.stage().name());
        node.put("code", reply.code());
        if (reply.status() == null) {
            node.putNull("status");
        } else {
            node.put("status", reply.status().toString());
        }
        ArrayNode lines = node.putArray("lines");
        e.lines().forEach(lines::add);
        node.put("reason", e.reason().id());
        node.put("hard", e.hard());
        return node;
    }
}
