package dev.bouncekit.receiver;

import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 clients send 20 messages each (4 connections of 5 messages) to recipients that are
 * accepted, rejected at RCPT, greylisted a fixed number of times, or refused after the final dot.
 * Nothing may be lost: every accepted message is stored exactly once, every refusal is byte-exact,
 * and every connection's transcript holds exactly what its client sent and received.
 */
@ExtendWith(NoUncaughtExceptions.class)
class LoadTest {

    private static final int CLIENTS = 200;
    private static final int CONNECTIONS_PER_CLIENT = 4;
    private static final int MESSAGES_PER_CONNECTION = 5;
    private static final int THREADS = 50;
    private static final int GREYLISTINGS = 300;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String GREYLISTED = "451 4.7.1 Greylisted, try again later\r\n";
    private static final Pattern MESSAGE_ID = Pattern.compile("(?m)^Message-ID: <([^>]+)>$");

    private final String userUnknown = ReplyCatalog.builtIn().require("gmail/user-unknown").wire();
    private final String unsolicited = ReplyCatalog.builtIn().require("gmail/unsolicited").wire();
    private FakeReceiver receiver;

    @BeforeEach
    void start() {
        receiver = FakeReceiver.builder()
                .rule(ReplyRule.when(Condition.recipientDomain("reject.test")).reply("gmail/user-unknown"))
                .rule(ReplyRule.when(Condition.recipientDomain("grey.test")).at(SmtpStage.RCPT)
                        .replyWith(451, "4.7.1", "Greylisted, try again later").times(GREYLISTINGS))
                .rule(ReplyRule.when(Condition.recipientDomain("spam.test")).reply("gmail/unsolicited"))
                .build().start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    /** What one connection sent and got back, in order, as the transcript should have it. */
    private record Conversation(String helo, List<String> commands, List<String> replies) {
    }

    /** What one client saw. */
    private static final class Outcome {
        final Set<String> accepted = new HashSet<>();
        final Set<String> refused = new HashSet<>();
        final List<Conversation> conversations = new ArrayList<>();
        int greylisted;
    }

    @Test
    void four_thousand_messages_from_200_clients_are_stored_exactly_once_with_byte_exact_refusals() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Outcome>> futures = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int client = 0; client < CLIENTS; client++) {
                int id = client;
                futures.add(pool.submit(() -> runClient(id)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            Set<String> accepted = new HashSet<>();
            Set<String> refused = new HashSet<>();
            Map<String, Conversation> conversations = new HashMap<>();
            int greylisted = 0;
            for (Outcome o : outcomes) {
                accepted.addAll(o.accepted);
                refused.addAll(o.refused);
                greylisted += o.greylisted;
                for (Conversation c : o.conversations) {
                    conversations.put(c.helo(), c);
                }
            }
            int total = CLIENTS * CONNECTIONS_PER_CLIENT * MESSAGES_PER_CONNECTION;
            assertThat(accepted.size() + refused.size()).isEqualTo(total);
            assertThat(accepted).hasSize(total * 8 / 10);
            assertThat(greylisted).isEqualTo(GREYLISTINGS);
            assertThat(receiver.ruleUses()).containsExactly(total / 10, GREYLISTINGS, total / 10);

            // every accepted message stored exactly once, nothing else stored
            List<ReceivedMessage> stored = receiver.awaitMessages(accepted.size(), WAIT);
            List<String> storedIds = new ArrayList<>();
            for (ReceivedMessage m : stored) {
                Matcher id = MESSAGE_ID.matcher(new String(m.raw(), StandardCharsets.ISO_8859_1));
                assertThat(id.find()).as("Message-ID in stored message %d", m.id()).isTrue();
                storedIds.add(id.group(1));
            }
            assertThat(storedIds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(accepted);
            assertThat(receiver.greenMail().getReceivedMessages()).hasSize(accepted.size());

            // every connection recorded, closed, with exactly its exchanges
            List<TranscriptConnection> transcript = receiver.awaitConnections(conversations.size(), WAIT);
            assertThat(transcript).hasSize(CLIENTS * CONNECTIONS_PER_CLIENT).allMatch(TranscriptConnection::isClosed);
            for (TranscriptConnection c : transcript) {
                Conversation expected = conversations.get(c.helo());
                assertThat(expected).as("conversation of %s", c.helo()).isNotNull();
                assertThat(c.exchanges()).extracting(Exchange::command).as(c.helo()).containsExactlyElementsOf(expected.commands());
                assertThat(c.exchanges()).extracting(Exchange::wire).as(c.helo()).containsExactlyElementsOf(expected.replies());
            }
            assertThat(took).as("time for the whole load").isLessThan(WAIT);
            Recovery.assertNoConnectionLeft(receiver);
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome runClient(int client) throws IOException {
        Outcome outcome = new Outcome();
        for (int connection = 0; connection < CONNECTIONS_PER_CLIENT; connection++) {
            String helo = "c" + client + "-" + connection + ".load.test";
            List<String> commands = new ArrayList<>();
            List<String> replies = new ArrayList<>();
            try (RawSmtpClient smtp = new RawSmtpClient(receiver)) {
                Script script = new Script(smtp, commands, replies);
                commands.add(null);
                replies.add(smtp.reply());
                assertThat(replies.get(0)).startsWith("220 ");
                assertThat(script.send("EHLO " + helo)).startsWith("250-");
                for (int m = 0; m < MESSAGES_PER_CONNECTION; m++) {
                    int n = (connection * MESSAGES_PER_CONNECTION) + m;
                    String messageId = client + "." + n + "@load.test";
                    String domain = switch ((client + n) % 10) {
                        case 6 -> "reject.test";
                        case 7 -> "spam.test";
                        case 8, 9 -> "grey.test";
                        default -> "ok.test";
                    };
                    sendOne(script, client, messageId, domain, outcome);
                }
                assertThat(script.send("QUIT")).startsWith("221 ");
            }
            outcome.conversations.add(new Conversation(helo, commands, replies));
        }
        return outcome;
    }

    private void sendOne(Script script, int client, String messageId, String domain, Outcome outcome) throws IOException {
        String rcpt = "RCPT TO:<user" + client + "@" + domain + ">";
        assertThat(script.send("MAIL FROM:<app" + client + "@sender.test>")).isEqualTo("250 OK\r\n");
        String rcptReply = script.send(rcpt);
        int attempts = 0;
        while (rcptReply.equals(GREYLISTED) && attempts++ < GREYLISTINGS) {
            outcome.greylisted++;
            assertThat(script.send("RSET")).isEqualTo("250 OK\r\n");
            assertThat(script.send("MAIL FROM:<app" + client + "@sender.test>")).isEqualTo("250 OK\r\n");
            rcptReply = script.send(rcpt);
        }
        if (domain.equals("reject.test")) {
            assertThat(rcptReply).isEqualTo(userUnknown);
            assertThat(script.send("RSET")).isEqualTo("250 OK\r\n");
            outcome.refused.add(messageId);
            return;
        }
        assertThat(rcptReply).isEqualTo("250 OK\r\n");
        assertThat(script.send("DATA")).startsWith("354 ");
        String end = script.data("Message-ID: <" + messageId + ">\r\nX-Load: " + messageId + "\r\nSubject: load "
                + messageId + "\r\n\r\nline one\r\n.line with a leading dot\r\n");
        if (domain.equals("spam.test")) {
            assertThat(end).isEqualTo(unsolicited);
            outcome.refused.add(messageId);
        } else {
            assertThat(end).isEqualTo("250 OK\r\n");
            outcome.accepted.add(messageId);
        }
    }

    /** Sends commands and message data, logging both sides as the transcript records them. */
    private record Script(RawSmtpClient smtp, List<String> commands, List<String> replies) {
        String send(String command) throws IOException {
            commands.add(command);
            String reply = smtp.command(command);
            replies.add(reply);
            return reply;
        }

        String data(String content) throws IOException {
            commands.add(".");
            smtp.write(content.replace("\r\n.", "\r\n.."));
            String reply = smtp.command(".");
            replies.add(reply);
            return reply;
        }
    }

}
