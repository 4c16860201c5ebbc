package dev.bouncekit.spring.test;

import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.junit.FakeReceiverExtension;
import dev.bouncekit.junit.params.CatalogSource;
import dev.bouncekit.junit.params.Hard;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.MagicAddresses;
import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;

/**
 * bouncekit-junit's {@code @CatalogSource} on the JUnit of each Boot line: 6.0 with Boot 4.0, 5.12 with
 * Boot 3.5, whose {@code junit-jupiter.version} an application need not change for it.
 */
@ExtendWith(FakeReceiverExtension.class)
class CatalogSourceTest {

    @ParameterizedTest(name = "{0}")
    @CatalogSource(provider = "gmail", hard = Hard.TRUE, stage = SmtpStage.RCPT)
    void each_entry_comes_with_its_magic_address(CatalogEntry entry, String magicAddress, FakeReceiver receiver) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(receiver.host());
        sender.setPort(receiver.smtpPort());

        assertThat(Mail.send(sender, magicAddress, "Hi")).isNotNull();

        assertThat(magicAddress).isEqualTo(MagicAddresses.address(entry.id()));
        assertThat(receiver).hasRejectedRecipient(magicAddress, entry.code()).hasNoReceivedMessages();
    }

    @ParameterizedTest(name = "{0}")
    @CatalogSource(ids = {"gmail/user-unknown", "gmail/disabled-user"})
    void an_entry_alone(CatalogEntry entry) {
        assertThat(entry.provider()).isEqualTo("gmail");
    }
}
