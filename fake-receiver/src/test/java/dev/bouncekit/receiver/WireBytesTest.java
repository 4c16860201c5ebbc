package dev.bouncekit.receiver;

import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The bytes on the wire are exactly the catalog's wire bytes, at every stage. */
class WireBytesTest {

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
    }

    static Stream<CatalogEntry> catalog() {
        return ReplyCatalog.builtIn().catalog().entries().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void every_catalog_entry_goes_out_byte_for_byte_at_its_own_stage(CatalogEntry entry) throws Exception {
        receiver.addRule(ReplyRule.when(Condition.any()).reply(entry.id()));

        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            String reply = client.reply();
            if (entry.stage() != SmtpStage.CONNECT) {
                assertThat(reply).startsWith("220 ");
                reply = client.command("EHLO client.test");
            }
            if (entry.stage().compareTo(SmtpStage.MAIL) >= 0) {
                assertThat(reply).startsWith("250");
                reply = client.command("MAIL FROM:<a@sender.test>");
            }
            if (entry.stage().compareTo(SmtpStage.RCPT) >= 0) {
                assertThat(reply).startsWith("250");
                reply = client.command("RCPT TO:<b@example.com>");
            }
            if (entry.stage() == SmtpStage.DATA) {
                assertThat(reply).startsWith("250");
                assertThat(client.command("DATA")).startsWith("354");
                reply = client.command("Subject: x\r\n\r\nbody\r\n.");
            }

            assertThat(reply).isEqualTo(entry.wire());
        }
    }

    @Test
    void magic_address_reply_is_byte_exact_with_multi_line_continuations() throws Exception {
        CatalogEntry unknown = ReplyCatalog.builtIn().require("gmail/user-unknown");
        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<a@sender.test>");

            String reply = client.command("RCPT TO:<" + MagicAddresses.address("gmail/user-unknown") + ">");

            assertThat(reply).isEqualTo(unknown.wire());
            assertThat(reply).startsWith("550-5.1.1 The email account").contains("\r\n550-5.1.1 ")
                    .contains("\r\n550 5.1.1  https://support.google.com/mail/?p=NoSuchUser").endsWith("gsmtp\r\n");
        }
    }
}
