package dev.bouncekit.receiver;

import dev.bouncekit.reply.SmtpStage;
import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A listener hears of every stored message and every refusal, once each, as they happen. */
@ExtendWith(NoUncaughtExceptions.class)
class ReceiverListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final class Heard implements ReceiverListener {
        final List<ReceivedMessage> stored = new CopyOnWriteArrayList<>();
        final List<String> refused = new CopyOnWriteArrayList<>();

        @Override
        public void messageStored(ReceivedMessage message) {
            stored.add(message);
        }

        @Override
        public void refused(int connectionId, String clientAddress, Exchange exchange) {
            refused.add(connectionId + " " + clientAddress + " " + exchange.command() + " -> " + exchange.code()
                    + " " + exchange.reply().size() + " lines by " + exchange.rule());
        }
    }

    @Test
    void hears_each_stored_message_and_each_refusal_with_its_rule() throws Exception {
        Heard heard = new Heard();
        try (FakeReceiver receiver = FakeReceiver.builder().listener(heard)
                .rule(ReplyRule.when(Condition.recipient("ghost@gmail.com")).reply("gmail/user-unknown")).build().start()) {
            SendFailedException failure = catchThrowableOfType(SendFailedException.class,
                    () -> AngusMailer.sendingPartially(receiver).send("app@sender.test", "Hi", "alice@example.com", "ghost@gmail.com"));
            assertThat(failure).isNotNull();
            receiver.awaitConnections(1, WAIT);

            assertThat(heard.stored).extracting(ReceivedMessage::to).containsExactly(List.of("alice@example.com"));
            assertThat(heard.refused).containsExactly(
                    "1 127.0.0.1 RCPT TO:<ghost@gmail.com> -> 550 4 lines by RCPT recipient=ghost@gmail.com -> gmail/user-unknown");
        }
    }

    @Test
    void a_listener_that_throws_does_not_disturb_the_session() throws Exception {
        ReceiverListener broken = new ReceiverListener() {
            @Override
            public void messageStored(ReceivedMessage message) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void refused(int connectionId, String clientAddress, Exchange exchange) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (FakeReceiver receiver = FakeReceiver.builder().listener(broken).build().start()) {
            catchThrowableOfType(SendFailedException.class, () -> AngusMailer.sendingPartially(receiver)
                    .send("app@sender.test", "Hi", "alice@example.com", MagicAddresses.address("gmail/user-unknown")));

            assertThat(receiver.awaitMessages(1, WAIT)).hasSize(1);
            assertThat(receiver.awaitConnections(1, WAIT).get(0).lastAt(SmtpStage.RCPT).orElseThrow().code()).isEqualTo(550);
        }
    }
}
