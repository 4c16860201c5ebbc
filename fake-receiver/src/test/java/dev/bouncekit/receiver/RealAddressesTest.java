package dev.bouncekit.receiver;

import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** With real addresses on, a replayed catalog reply names the session's recipient, sender, domain and client IP. */
@ExtendWith(NoUncaughtExceptions.class)
class RealAddressesTest {

    @Test
    void the_refused_recipient_is_named_instead_of_the_catalog_example() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder().realAddresses(true)
                .rule(ReplyRule.when(Condition.recipient("real.person@shop.test")).at(SmtpStage.RCPT).reply("yahoo/user-unknown"))
                .rule(ReplyRule.when(Condition.recipientDomain("greylisted.test")).at(SmtpStage.RCPT).reply("generic/greylisted"))
                .build().start();
             RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<app@shop.test>");
            assertThat(client.command("RCPT TO:<Real.Person@shop.test>")).isEqualTo("554 delivery error: dd This user "
                    + "doesn't have a yahoo.com account (Real.Person@shop.test) [0] - mta1234.mail.gq1.yahoo.com\r\n");
            assertThat(client.command("RCPT TO:<ann@greylisted.test>")).startsWith(
                    "451 4.7.1 <ann@greylisted.test>: Recipient address rejected: Greylisted, see "
                            + "https://postgrey.schweikert.ch/help/greylisted.test.html");
            assertThat(client.command("RCPT TO:<generic.postfix-user-unknown@mail.shop.test>")).as("a magic address too")
                    .isEqualTo("550 5.1.1 <generic.postfix-user-unknown@mail.shop.test>: Recipient address rejected: "
                            + "User unknown in virtual mailbox table\r\n");
        }
    }

    @Test
    void off_by_default_the_catalog_reply_goes_out_byte_for_byte() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder()
                .rule(ReplyRule.when(Condition.recipient("real.person@shop.test")).at(SmtpStage.RCPT).reply("yahoo/user-unknown"))
                .build().start();
             RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<app@shop.test>");
            assertThat(client.command("RCPT TO:<real.person@shop.test>")).contains("(ghost@yahoo.com)");
        }
    }
}
