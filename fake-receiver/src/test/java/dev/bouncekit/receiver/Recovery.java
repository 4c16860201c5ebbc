package dev.bouncekit.receiver;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold after any abuse: no connection left open, no connection thread left alive, and
 * the next client (Angus, as applications send) gets its mail stored.
 */
final class Recovery {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private Recovery() {
    }

    static void assertNoConnectionLeft(FakeReceiver receiver) throws InterruptedException {
        receiver.awaitTranscript(t -> receiver.activeConnections() == 0, WAIT);
        ConnectionThreads.of(receiver).assertAllEnd(WAIT);
        assertThat(receiver.activeConnections()).isZero();
    }

    static void assertServesTheNextClient(FakeReceiver receiver) throws Exception {
        assertNoConnectionLeft(receiver);
        int before = receiver.receivedMessages().size();

        AngusMailer.to(receiver).send("app@sender.test", "after abuse", "alice@example.com");

        assertThat(receiver.awaitMessages(before + 1, WAIT).get(before).subject()).isEqualTo("after abuse");
        assertNoConnectionLeft(receiver);
    }
}
