package dev.bouncekit.receiver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Safe unless told otherwise: loopback only, and no mail ever leaves the receiver. */
@ExtendWith(NoUncaughtExceptions.class)
class SecurityDefaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void smtp_listens_on_loopback_by_default() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder().build().start()) {
            assertThat(receiver.host()).isEqualTo("127.0.0.1");
            assertThat(receiver.greenMail().getSmtp().getBindTo()).isEqualTo("127.0.0.1");
            assertThat(receiver.smtpAddress().getAddress().isLoopbackAddress()).isTrue();
        }
    }

    @Test
    void a_receiver_on_127_0_0_1_is_not_reachable_through_another_address() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder().build().start()) {
            assertThatThrownBy(() -> {
                try (Socket other = new Socket()) {
                    other.connect(new InetSocketAddress("127.0.0.2", receiver.smtpPort()), 2_000);
                }
            }).isInstanceOf(IOException.class);
            assertThat(receiver.transcript()).isEmpty();
        }
    }

    @Test
    void mail_for_remote_domains_is_stored_here_and_no_outbound_connection_is_made() throws Exception {
        // Every java.net.Socket connect asks the default ProxySelector first, so this sees every
        // connection made in this JVM while it is installed: a relay would show up here.
        ProxySelector previous = ProxySelector.getDefault();
        RecordingProxySelector recording = new RecordingProxySelector();
        ProxySelector.setDefault(recording);
        try (FakeReceiver receiver = FakeReceiver.builder().magicAddresses(false).build().start()) {
            AngusMailer.to(receiver).send("app@sender.test", "Not for here", "ceo@gmail.com", "someone@outlook.com");

            ReceivedMessage stored = receiver.awaitMessages(1, WAIT).get(0);
            assertThat(stored.to()).containsExactly("ceo@gmail.com", "someone@outlook.com");
            assertThat(receiver.greenMail().getReceivedMessages()).as("one copy per local mailbox").hasSize(2);
            assertThat(receiver.greenMail().getUserManager().getUserByEmail("ceo@gmail.com")).isNotNull();
            assertThat(receiver.greenMail().getUserManager().getUserByEmail("someone@outlook.com")).isNotNull();
            receiver.awaitConnections(1, WAIT);

            assertThat(recording.connections()).containsExactly(
                    URI.create("socket://127.0.0.1:" + receiver.smtpPort()));
        } finally {
            ProxySelector.setDefault(previous);
        }
    }

    /** Records every connection a Socket is about to make, and lets it go direct. */
    private static final class RecordingProxySelector extends ProxySelector {
        private final List<URI> seen = new ArrayList<>();

        @Override
        public synchronized List<Proxy> select(URI uri) {
            seen.add(uri);
            return List.of(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
        }

        synchronized List<URI> connections() {
            return List.copyOf(seen);
        }
    }
}
