package dev.bouncekit.receiver;

import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MagicAddressesTest {

    private static FakeReceiver receiver;

    @BeforeAll
    static void start() {
        receiver = FakeReceiver.builder().build().start();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @BeforeEach
    void clean() {
        receiver.reset();
        receiver.magicAddresses(true);
    }

    private static String wire(String id) {
        return ReplyCatalog.builtIn().require(id).wire();
    }

    @Test
    void address_is_the_catalog_id_with_a_dot_for_the_slash() {
        assertThat(MagicAddresses.address("gmail/user-unknown")).isEqualTo("gmail.user-unknown@bouncekit.test");
        assertThat(MagicAddresses.address("yahoo/relaying-denied", "yahoo.com")).isEqualTo("yahoo.relaying-denied@yahoo.com");
        assertThat(MagicAddresses.entryFor("Gmail.User-Unknown+42@anything.example")).map(CatalogEntry::id)
                .contains("gmail/user-unknown");
        assertThat(MagicAddresses.entryFor("outlook.spamhaus-blocked@x.test")).map(CatalogEntry::id)
                .contains("outlook/spamhaus-client");
        assertThat(MagicAddresses.entryFor("john.smith@example.com")).isEmpty();
        assertThat(MagicAddresses.entryFor("plain@example.com")).isEmpty();
        assertThatThrownBy(() -> MagicAddresses.address("gmail/nope")).hasMessageContaining("unknown catalog id 'gmail/nope'");
    }

    @Test
    void the_domain_must_be_a_domain_name_or_an_address_literal() {
        assertThat(MagicAddresses.address("gmail/user-unknown", "b\u00fccher.de")).isEqualTo("gmail.user-unknown@b\u00fccher.de");
        assertThat(MagicAddresses.address("gmail/user-unknown", "[127.0.0.1]")).isEqualTo("gmail.user-unknown@[127.0.0.1]");
        assertThat(MagicAddresses.address("gmail/user-unknown", "mx-1.example.com")).endsWith("@mx-1.example.com");
        for (String bad : new String[] {"not a domain", "", "a..b", ".example.com", "example.com.", "-x.com", "x-.com",
                "a@b.com", "<x.com>", "x".repeat(64) + ".com", "x.".repeat(127) + "com", "[]", "[1.2.3.4"}) {
            assertThatThrownBy(() -> MagicAddresses.address("gmail/user-unknown", bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a domain name: '");
        }
    }

    @Test
    void rcpt_entries_are_answered_at_rcpt_and_other_recipients_are_accepted() throws Exception {
        try (RawSmtpClient client = session()) {
            assertThat(client.command("RCPT TO:<gmail.user-unknown@gmail.com>")).isEqualTo(wire("gmail/user-unknown"));
            assertThat(client.command("RCPT TO:<yahoo.relaying-denied+7@yahoo.com>")).isEqualTo(wire("yahoo/relaying-denied"));
            assertThat(client.command("RCPT TO:<alice@example.com>")).startsWith("250");
            assertThat(client.command("DATA")).startsWith("354");
            assertThat(client.command("Subject: magic\r\n\r\nx\r\n.")).startsWith("250");
        }
        ReceivedMessage stored = receiver.awaitMessages(1, Duration.ofSeconds(10)).get(0);
        assertThat(stored.to()).containsExactly("alice@example.com");
        assertThat(receiver.transcript().get(0).ruleAnswers()).extracting(Exchange::rule)
                .containsExactly("magic:gmail/user-unknown", "magic:yahoo/relaying-denied");
    }

    @Test
    void entries_of_earlier_stages_are_answered_at_rcpt_as_recipients() throws Exception {
        try (RawSmtpClient client = session()) {
            assertThat(client.command("RCPT TO:<outlook.spamhaus-mailfrom@outlook.com>")).isEqualTo(wire("outlook/spamhaus-mailfrom"));
            assertThat(client.command("RCPT TO:<outlook.server-busy@outlook.com>")).isEqualTo(wire("outlook/server-busy"));
            assertThat(client.command("RCPT TO:<outlook.spamhaus-helo@outlook.com>")).isEqualTo(wire("outlook/spamhaus-helo"));
        }
    }

    @Test
    void data_entries_accept_the_recipient_and_answer_after_the_final_dot() throws Exception {
        try (RawSmtpClient client = session()) {
            assertThat(client.command("RCPT TO:<alice@example.com>")).startsWith("250");
            assertThat(client.command("RCPT TO:<gmail.unsolicited@gmail.com>")).startsWith("250");
            assertThat(client.command("DATA")).startsWith("354");
            assertThat(client.command("Subject: spam\r\n\r\nx\r\n.")).isEqualTo(wire("gmail/unsolicited"));
        }
        assertThat(receiver.receivedMessages()).isEmpty();
    }

    @Test
    void mail_entries_are_answered_at_mail_from_as_senders() throws Exception {
        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO client.test");
            assertThat(client.command("MAIL FROM:<outlook.spamhaus-blocked@spammy.test>")).isEqualTo(wire("outlook/spamhaus-client"));
            assertThat(client.command("MAIL FROM:<gmail.user-unknown@sender.test>")).startsWith("250");
        }
    }

    @Test
    void ehlo_entries_are_answered_at_ehlo_as_helo_names() throws Exception {
        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            assertThat(client.command("EHLO outlook.spamhaus-helo")).isEqualTo(wire("outlook/spamhaus-helo"));
            assertThat(client.command("EHLO mail.example.com")).startsWith("250-");
        }
    }

    @Test
    void rules_come_before_magic_addresses() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("gmail.user-unknown@gmail.com")).at(SmtpStage.RCPT).accept());
        try (RawSmtpClient client = session()) {
            assertThat(client.command("RCPT TO:<gmail.user-unknown@gmail.com>")).startsWith("250");
        }
    }

    @Test
    void magic_addresses_can_be_turned_off() throws Exception {
        receiver.magicAddresses(false);
        try (RawSmtpClient client = session()) {
            assertThat(client.command("RCPT TO:<gmail.user-unknown@gmail.com>")).startsWith("250");
        }
    }

    private static RawSmtpClient session() throws Exception {
        RawSmtpClient client = new RawSmtpClient(receiver);
        client.reply();
        client.command("EHLO client.test");
        assertThat(client.command("MAIL FROM:<app@sender.test>")).startsWith("250");
        return client;
    }
}
