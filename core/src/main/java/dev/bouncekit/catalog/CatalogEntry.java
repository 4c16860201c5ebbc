package dev.bouncekit.catalog;

import dev.bouncekit.reply.ReplyParser;
import dev.bouncekit.reply.SmtpReply;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.taxonomy.Reason;

import java.util.List;

/**
 * One provider reply as the provider sends it, with where it is sent and what it means.
 *
 * @param id          {@code provider/name}, e.g. {@code gmail/user-unknown}
 * @param provider    provider id, e.g. {@code gmail}
 * @param stage       the SMTP stage at which the provider sends it
 * @param lines       the exact reply lines as sent on the wire, without CRLF
 * @param reason      the expected classification
 * @param hard        the expected hard-bounce flag
 * @param description one line on when the provider sends it
 * @param source      where the reply was seen (seed page, postmaster documentation)
 */
public record CatalogEntry(String id, String provider, SmtpStage stage, List<String> lines, Reason reason,
                           boolean hard, String description, String source) {

    public CatalogEntry {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(id + ": a catalog entry needs at least one reply line");
        }
    }

    /** The reply parsed: code, enhanced status, text. */
    public SmtpReply reply() {
        return ReplyParser.parse(String.join("\r\n", lines));
    }

    /** The basic reply code of the first line. */
    public int code() {
        return reply().code();
    }

    /** The reply exactly as sent: every line ended by CRLF. */
    public String wire() {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line).append("\r\n");
        }
        return out.toString();
    }

    /** The lines joined with {@code \n}, as Jakarta Mail and Apache James report a reply. */
    public String joined() {
        return String.join("\n", lines);
    }
}
