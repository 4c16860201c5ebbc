package dev.bouncekit.receiver;

import dev.bouncekit.reply.SmtpStage;

import java.time.Instant;
import java.util.List;

/**
 * One command the receiver refused (a complete 4xx or 5xx reply), kept apart from the transcript
 * so that it outlives its connection's transcript.
 *
 * @param id           number of the refusal, from 1
 * @param at           when the refused command was read
 * @param connectionId the connection it happened on
 * @param client       the client's IP address
 * @param stage        the stage of the refused command, or null outside the five stages
 * @param command      the command as received (AUTH secrets masked), null for the greeting
 * @param reply        the reply lines as sent
 * @param rule         the rule, magic address ({@code magic:<id>}) or limit that answered, or null
 * @param catalogId    the catalog entry whose reply was sent, or null for a custom reply
 */
public record Refusal(long id, Instant at, int connectionId, String client, SmtpStage stage, String command,
                      List<String> reply, String rule, String catalogId) {

    public Refusal {
        reply = List.copyOf(reply);
    }

    /** The basic reply code. */
    public int code() {
        return new Exchange(0, command, stage, reply, rule, at).code();
    }

    /** The reply as one text, lines joined by a space. */
    public String text() {
        return String.join(" ", reply);
    }
}
