package dev.bouncekit.receiver;

import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a receiver keeps: the newest messages, transcripts and refusals, the latest exchanges of a connection, counted evictions. */
@ExtendWith(NoUncaughtExceptions.class)
class RetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void the_oldest_messages_transcripts_and_refusals_are_evicted_and_counted() throws Exception {
        Retention three = new Retention(3, null, 3, 2, 500);
        try (FakeReceiver receiver = FakeReceiver.builder().retention(three).build().start()) {
            for (int i = 1; i <= 5; i++) {
                AngusMailer.to(receiver).send("app@shop.test", "Message " + i, "buyer@shop.test");
            }
            for (int i = 0; i < 3; i++) {
                try (RawSmtpClient client = new RawSmtpClient(receiver)) {
                    client.reply();
                    client.command("EHLO client.test");
                    client.command("MAIL FROM:<app@shop.test>");
                    assertThat(client.command("RCPT TO:<gmail.user-unknown+" + i + "@bouncekit.test>")).startsWith("550");
                    client.command("QUIT");
                }
            }
            receiver.awaitTranscript(t -> receiver.evictions().transcripts() == 5, WAIT);

            assertThat(receiver.receivedMessages()).extracting(ReceivedMessage::subject)
                    .containsExactly("Message 3", "Message 4", "Message 5");
            assertThat(receiver.receivedMessage(1)).isEmpty();
            assertThat(receiver.transcript()).hasSize(3);
            assertThat(receiver.refusals()).hasSize(2).allSatisfy(r -> {
                assertThat(r.stage()).isEqualTo(SmtpStage.RCPT);
                assertThat(r.catalogId()).isEqualTo("gmail/user-unknown");
                assertThat(r.code()).isEqualTo(550);
            });
            assertThat(receiver.refusals().get(1).command()).isEqualTo("RCPT TO:<gmail.user-unknown+2@bouncekit.test>");
            assertThat(receiver.evictions()).isEqualTo(new Evictions(2, 5, 1, 0));
            assertThat(receiver.greenMail().getReceivedMessages()).as("bounded: not in GreenMail's mailboxes").isEmpty();

            receiver.reset();
            assertThat(receiver.evictions()).isEqualTo(new Evictions(0, 0, 0, 0));
            assertThat(receiver.refusals()).isEmpty();
        }
    }

    @Test
    void a_long_connection_keeps_its_greeting_and_latest_exchanges() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder().retention(Retention.UNLIMITED.withMaxExchanges(5)).build().start();
             RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            for (int i = 0; i < 10; i++) {
                client.command("NOOP " + i);
            }
            client.command("QUIT");
            TranscriptConnection connection = receiver.awaitConnections(1, WAIT).get(0);
            assertThat(connection.exchanges()).hasSize(5);
            assertThat(connection.exchanges().get(0).stage()).isEqualTo(SmtpStage.CONNECT);
            assertThat(connection.exchanges()).extracting(Exchange::command)
                    .containsExactly(null, "NOOP 7", "NOOP 8", "NOOP 9", "QUIT");
            assertThat(connection.exchanges()).extracting(Exchange::index).containsExactly(0, 8, 9, 10, 11);
            assertThat(receiver.evictions().exchanges()).isEqualTo(7);
        }
    }

    @Test
    void a_long_connection_keeps_its_latest_recipients_and_message_ids_as_many_as_exchanges() throws Exception {
        // one connection that never closes, transaction after transaction, kept every recipient and message id
        try (FakeReceiver receiver = FakeReceiver.builder().retention(Retention.SERVE_DEFAULTS.withMaxExchanges(6)).build().start();
             RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO client.test");
            for (int m = 0; m < 4; m++) {
                client.command("MAIL FROM:<a@b.test>");
                for (int r = 0; r < 3; r++) {
                    assertThat(client.command("RCPT TO:<r" + m + "." + r + "@d.test>")).isEqualTo("250 OK\r\n");
                }
                client.command("DATA");
                assertThat(client.command("Subject: " + m + "\r\n\r\nbody\r\n.")).isEqualTo("250 OK\r\n");
            }
            for (int m = 4; m < 9; m++) {
                client.command("MAIL FROM:<a@b.test>");
                client.command("RCPT TO:<s" + m + "@d.test>");
                client.command("DATA");
                client.command("Subject: " + m + "\r\n\r\nbody\r\n.");
            }
            client.command("QUIT");
            TranscriptConnection connection = receiver.awaitConnections(1, WAIT).get(0);
            assertThat(connection.acceptedRecipients())
                    .containsExactly("r3.2@d.test", "s4@d.test", "s5@d.test", "s6@d.test", "s7@d.test", "s8@d.test");
            assertThat(connection.messageIds()).hasSize(6)
                    .isEqualTo(receiver.receivedMessages().stream().map(ReceivedMessage::id).toList().subList(3, 9));
        }
    }

    @Test
    void messages_older_than_max_age_are_gone() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-01-05T09:00:00Z"));
        try (FakeReceiver receiver = FakeReceiver.builder().clock(clock)
                .retention(Retention.SERVE_DEFAULTS.withMaxAge(Duration.ofMinutes(5))).build().start()) {
            AngusMailer.to(receiver).send("app@shop.test", "Soon gone", "buyer@shop.test");
            assertThat(receiver.awaitMessages(1, WAIT)).singleElement()
                    .extracting(ReceivedMessage::receivedAt).isEqualTo(clock.instant());

            clock.advance(Duration.ofMinutes(5));
            assertThat(receiver.receivedMessages()).as("exactly max age old").hasSize(1);

            clock.advance(Duration.ofMillis(1));
            assertThat(receiver.receivedMessages()).isEmpty();
            assertThat(receiver.transcript()).isEmpty();
            assertThat(receiver.evictions().messages()).isEqualTo(1);
        }
    }

    /** A command line words the refusal for its option from these parts, not from the message. */
    @Test
    void a_refused_setting_is_given_in_parts_as_well_as_in_words() {
        assertThatThrownBy(() -> Retention.SERVE_DEFAULTS.withMaxExchanges(1)).isInstanceOfSatisfying(InvalidSettingException.class, e -> {
            assertThat(e).hasMessage("max exchanges must be at least 2, not 1");
            assertThat(List.of(e.setting(), e.rule(), e.value())).containsExactly("max exchanges", "be at least 2", "1");
            assertThat(e.reworded("--max-exchanges", "01")).isEqualTo("--max-exchanges must be at least 2, not 01");
        });
        assertThatThrownBy(() -> FakeReceiver.builder().hostname("a, not b")).isInstanceOfSatisfying(InvalidSettingException.class, e -> {
            assertThat(List.of(e.setting(), e.value())).containsExactly("hostname", "a, not b");
            assertThat(e.reworded("--hostname", "c")).endsWith("[192.0.2.1], not 'c'");
        });
    }

    @Test
    void bounds_are_checked() {
        assertThatThrownBy(() -> Retention.SERVE_DEFAULTS.withMaxMessages(0))
                .hasMessage("max messages must be at least 1, not 0");
        assertThatThrownBy(() -> Retention.SERVE_DEFAULTS.withMaxAge(Duration.ZERO))
                .hasMessageStartingWith("max age must be positive");
    }
}
