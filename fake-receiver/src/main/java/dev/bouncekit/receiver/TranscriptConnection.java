package dev.bouncekit.receiver;

import dev.bouncekit.reply.SmtpStage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one SMTP connection did: who connected, the HELO name, every command with the exact
 * reply and the rule that gave it, the recipients accepted and the messages stored. A snapshot:
 * take a new one from {@link FakeReceiver#transcript()} to see later commands.
 *
 * @param id                 connection number, from 1, in the order connections were accepted
 * @param clientAddress      the client's IP address
 * @param clientPort         the client's port
 * @param openedAt           when the connection was accepted
 * @param closedAt           when it was closed, or null while it is open
 * @param helo               the last name given in EHLO/HELO (accepted or not), or null
 * @param exchanges          greeting, commands and replies in order
 * @param acceptedRecipients every recipient accepted with 250 on this connection, in order (the latest
 *                           {@link Retention#maxExchanges()} of them)
 * @param messageIds         ids of the {@link ReceivedMessage}s stored from this connection (the latest
 *                           {@link Retention#maxExchanges()})
 */
public record TranscriptConnection(int id, String clientAddress, int clientPort, Instant openedAt, Instant closedAt,
                                   String helo, List<Exchange> exchanges, List<String> acceptedRecipients,
                                   List<Integer> messageIds) {

    public TranscriptConnection {
        exchanges = List.copyOf(exchanges);
        acceptedRecipients = List.copyOf(acceptedRecipients);
        messageIds = List.copyOf(messageIds);
    }

    /** True once the connection has been closed by either side. */
    public boolean isClosed() {
        return closedAt != null;
    }

    /** The exchanges of one stage, in order (for DATA: the {@code DATA} command and the final dot). */
    public List<Exchange> exchangesAt(SmtpStage stage) {
        List<Exchange> out = new ArrayList<>();
        for (Exchange e : exchanges) {
            if (e.stage() == stage) {
                out.add(e);
            }
        }
        return out;
    }

    /** The last reply sent at a stage, the one that decided it. */
    public Optional<Exchange> lastAt(SmtpStage stage) {
        for (int i = exchanges.size() - 1; i >= 0; i--) {
            if (exchanges.get(i).stage() == stage) {
                return Optional.of(exchanges.get(i));
            }
        }
        return Optional.empty();
    }

    /** The exchanges a rule or magic address answered. */
    public List<Exchange> ruleAnswers() {
        List<Exchange> out = new ArrayList<>();
        for (Exchange e : exchanges) {
            if (e.rule() != null) {
                out.add(e);
            }
        }
        return out;
    }
}
