package dev.bouncekit.receiver;

import dev.bouncekit.reply.SmtpStage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One command the receiver read and the exact reply it sent, as recorded in a
 * {@link TranscriptConnection}. The greeting is an exchange without a command; the end of a
 * message ({@code <CRLF>.<CRLF>}) is recorded as the command {@code "."} at stage DATA.
 *
 * @param index   position in the connection, from 0 (the greeting)
 * @param command the command line as received (AUTH secrets masked), or null for the greeting
 * @param stage   the stage the command belongs to, or null for commands outside the five stages
 *                (NOOP, RSET, QUIT, unknown commands)
 * @param reply   the reply exactly as sent, one wire line each, without CRLF; empty when the
 *                connection was closed without a reply
 * @param rule    the id of the rule that answered ({@link ReplyRule#id()}), {@code magic:<catalog id>}
 *                for a magic address, {@code limit: ...} when a receiver limit answered (connections,
 *                idle timeout, message size, protocol errors), or null when the receiver answered on its own
 * @param at      when the command was read (for the greeting: when the connection was accepted)
 */
public record Exchange(int index, String command, SmtpStage stage, List<String> reply, String rule, Instant at) {

    public Exchange {
        reply = List.copyOf(reply);
    }

    /** The basic reply code of the first reply line, or 0 when there was no reply. */
    public int code() {
        if (reply.isEmpty()) {
            return 0;
        }
        String first = reply.get(0);
        if (first.length() < 3) {
            return 0;
        }
        try {
            return Integer.parseInt(first.substring(0, 3));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The reply exactly as it went on the wire: every line ended by CRLF. */
    public String wire() {
        StringBuilder out = new StringBuilder();
        for (String line : reply) {
            out.append(line).append("\r\n");
        }
        return out.toString();
    }

    /** The rule that answered, when one did. */
    public Optional<String> answeredBy() {
        return Optional.ofNullable(rule);
    }

    /** True for a 4xx or 5xx reply. */
    public boolean isRejection() {
        return code() >= 400;
    }
}
