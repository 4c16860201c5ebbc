package dev.bouncekit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bouncekit.catalog.Catalog;
import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.reply.SmtpReply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code bouncekit catalog}: lists the provider replies bouncekit knows. */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = "List the catalog of provider replies.")
final class CatalogCommand implements Callable<Integer> {

    @Option(names = "--jsonl", description = "One JSON object per entry: id, provider, stage, code, status, lines, reason, hard.")
    boolean jsonl;

    @Option(names = "--provider", description = "Only this provider's entries.")
    String provider;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (CatalogEntry e : Catalog.builtIn().entries()) {
            if (provider != null && !e.provider().equalsIgnoreCase(provider)) {
                continue;
            }
            if (jsonl) {
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
