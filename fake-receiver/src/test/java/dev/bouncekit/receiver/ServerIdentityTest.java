package dev.bouncekit.receiver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The name the receiver greets with, and a port it cannot have. */
@ExtendWith(NoUncaughtExceptions.class)
class ServerIdentityTest {

    @Test
    void the_greeting_and_the_ehlo_reply_name_localhost_by_default() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder().build().start();
             RawSmtpClient client = new RawSmtpClient(receiver)) {
            assertThat(receiver.hostname()).isEqualTo("localhost");
            assertThat(client.reply()).isEqualTo("220 localhost ESMTP bouncekit\r\n");
            assertThat(client.command("EHLO client.test")).startsWith("250-localhost\r\n");
            assertThat(client.command("HELO client.test")).isEqualTo("250 localhost\r\n");
        }
    }

    @Test
    void the_host_name_is_configurable() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder().hostname("mx.bouncekit.test").build().start();
             RawSmtpClient client = new RawSmtpClient(receiver)) {
            assertThat(client.reply()).isEqualTo("220 mx.bouncekit.test ESMTP bouncekit\r\n");
            assertThat(client.command("EHLO client.test")).startsWith("250-mx.bouncekit.test\r\n");
        }
    }

    @Test
    void a_host_name_that_would_break_the_greeting_is_refused() {
        for (String bad : new String[] {"", "mx example", "mx\r\n250 injected", "mx.test;"}) {
            assertThatThrownBy(() -> FakeReceiver.builder().hostname(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hostname must be a host name");
        }
        assertThat(FakeReceiver.builder().hostname("[192.0.2.1]")).isNotNull();
    }

    /** Only the characters were checked: a label starting with a hyphen, an empty label or a broken literal went into the greeting. */
    @Test
    void a_name_made_of_host_name_characters_that_is_no_host_name_is_refused() {
        for (String bad : new String[] {"-bad", "bad-", "mx.-bad.test", "a..b", ".", ".mx.test", "mx.test.", "[[", ":::",
                "[1.2.3.4", "1.2.3.4]", "[mx.test]", "[999.1.1.1]", "mx:25", "x".repeat(64) + ".test",
                "[IPv6:" + "1:".repeat(100_000) + "x]"}) {
            assertThatThrownBy(() -> FakeReceiver.builder().hostname(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hostname must be a host name");
        }
        for (String good : new String[] {"localhost", "mx.example.test", "MX-1.Example.Test", "mail_relay", "192.0.2.1",
                "[192.0.2.1]", "[IPv6:2001:db8::1]", "[IPv6:ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255]",
                "x".repeat(63) + ".test"}) {
            assertThat(FakeReceiver.builder().hostname(good)).as(good).isNotNull();
        }
    }

    @Test
    void a_port_in_use_is_named_in_one_exception_and_no_server_thread_dies() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            FakeReceiver receiver = FakeReceiver.builder().smtpPort(taken.getLocalPort()).build();

            assertThatThrownBy(receiver::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot listen for SMTP on 127.0.0.1:" + taken.getLocalPort() + ": Address already in use");
            assertThat(receiver.isRunning()).isFalse();
            receiver.close();
        }
    }
}
