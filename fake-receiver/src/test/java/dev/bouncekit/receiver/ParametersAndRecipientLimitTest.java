package dev.bouncekit.receiver;

import dev.bouncekit.reply.SmtpStage;
import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * MAIL and RCPT parameters the receiver does not offer get {@code 555 5.5.4} (RFC 5321, 4.1.1.11), and
 * a transaction takes at most {@code maxRecipients} recipients ({@code 452 4.5.3}), as on Postfix.
 */
@ExtendWith(NoUncaughtExceptions.class)
class ParametersAndRecipientLimitTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private FakeReceiver receiver;

    @BeforeEach
    void start() {
        receiver = FakeReceiver.builder().maxRecipients(3).build().start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private RawSmtpClient greeted() throws Exception {
        RawSmtpClient client = new RawSmtpClient(receiver);
        client.reply();
        client.command("EHLO client.test");
        return client;
    }

    @Test
    void the_parameters_the_ehlo_reply_offers_are_taken_in_any_case() throws Exception {
        try (RawSmtpClient client = greeted()) {
            assertThat(client.command("MAIL FROM:<a@b.test> size=120 body=8BITMIME AUTH=<> SMTPUTF8")).isEqualTo("250 OK\r\n");
            assertThat(client.command("RCPT TO:<c@d.test>")).isEqualTo("250 OK\r\n");
            client.command("DATA");
            assertThat(client.command("Subject: with parameters\r\n\r\nbody\r\n.")).isEqualTo("250 OK\r\n");
        }
        assertThat(receiver.awaitMessages(1, WAIT).get(0).subject()).isEqualTo("with parameters");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RET=HDRS", "ENVID=abc", "MT-PRIORITY=3", "x-custom", "BODY=7BIT REQUIRETLS"})
    void a_mail_parameter_that_is_not_offered_gets_555_and_no_transaction_starts(String parameters) throws Exception {
        String keyword = parameters.substring(parameters.lastIndexOf(' ') + 1).split("=")[0].toUpperCase();
        try (RawSmtpClient client = greeted()) {
            assertThat(client.command("MAIL FROM:<a@b.test> " + parameters))
                    .isEqualTo("555 5.5.4 Unsupported option: " + keyword + "\r\n");
            assertThat(client.command("RCPT TO:<c@d.test>")).isEqualTo("503 5.5.1 Error: need MAIL command\r\n");
            assertThat(client.command("MAIL FROM:<a@b.test>")).isEqualTo("250 OK\r\n");
        }
    }

    @Test
    void malformed_or_repeated_mail_parameters_get_501() throws Exception {
        try (RawSmtpClient client = greeted()) {
            assertThat(client.command("MAIL FROM:<a@b.test> BODY=9BIT")).isEqualTo("501 5.5.4 Bad BODY parameter value\r\n");
            assertThat(client.command("MAIL FROM:<a@b.test> BODY=7BIT body=8bitmime"))
                    .isEqualTo("501 5.5.4 Error: parameter given twice\r\n");
            assertThat(client.command("MAIL FROM:<a@b.test> SMTPUTF8=yes"))
                    .isEqualTo("501 5.5.4 Syntax error in parameters or arguments\r\n");
            assertThat(client.command("MAIL FROM:<a@b.test> =x")).isEqualTo("501 5.5.4 Syntax error in parameters or arguments\r\n");
            assertThat(client.command("MAIL FROM:<a@b.test>SIZE=10")).isEqualTo("501 5.5.4 Syntax: MAIL FROM:<address>\r\n");
            assertThat(client.command("MAIL FROM:<a@b.test> SIZE=ten")).isEqualTo("501 5.5.4 Bad message size syntax\r\n");
            assertThat(client.command("MAIL FROM:<a@b.test>")).isEqualTo("250 OK\r\n");
        }
    }

    @Test
    void a_control_character_in_an_unknown_keyword_is_not_written_back() throws Exception {
        try (RawSmtpClient client = greeted()) {
            assertThat(client.command("MAIL FROM:<a@b.test> X\u0007Y=1")).isEqualTo("501 5.5.4 Syntax error in parameters or arguments\r\n");
            assertThat(client.command("MAIL FROM:<a@b.test> " + "X".repeat(300)))
                    .isEqualTo("555 5.5.4 Unsupported option: " + "X".repeat(64) + "\r\n");
        }
    }

    @Test
    void an_address_with_a_space_or_a_control_character_is_refused_as_postfix_refuses_it() throws Exception {
        try (RawSmtpClient client = greeted()) {
            assertThat(client.command("MAIL FROM:<a b@b.test>")).isEqualTo("501 5.1.7 Bad sender address syntax\r\n");
            assertThat(client.command("MAIL FROM:<a@b.test>")).isEqualTo("250 OK\r\n");
            assertThat(client.command("RCPT TO:<t x@example.com>")).isEqualTo("501 5.1.3 Bad recipient address syntax\r\n");
            assertThat(client.command("RCPT TO:<t\u0000x@example.com>")).isEqualTo("501 5.1.3 Bad recipient address syntax\r\n");
            assertThat(client.command("RCPT TO:<t\u007fx@example.com>")).isEqualTo("501 5.1.3 Bad recipient address syntax\r\n");
            // a quoted local part may hold a space, and an escaped quote
            assertThat(client.command("RCPT TO:<\"john \\\" doe\"@example.com>")).isEqualTo("250 OK\r\n");
            assertThat(client.command("DATA")).startsWith("354 ");
            assertThat(client.command("Subject: quoted\r\n\r\nbody\r\n.")).isEqualTo("250 OK\r\n");
        }
        assertThat(receiver.awaitMessages(1, WAIT).get(0).to()).containsExactly("\"john \\\" doe\"@example.com");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NOTIFY=NEVER", "ORCPT=rfc822;c@d.test", "notify=SUCCESS,FAILURE"})
    void a_rcpt_parameter_gets_555_and_the_recipient_is_not_taken(String parameter) throws Exception {
        try (RawSmtpClient client = greeted()) {
            client.command("MAIL FROM:<a@b.test>");
            assertThat(client.command("RCPT TO:<c@d.test> " + parameter))
                    .isEqualTo("555 5.5.4 Unsupported option: " + parameter.split("=")[0].toUpperCase() + "\r\n");
            assertThat(client.command("DATA")).isEqualTo("503 5.5.1 Error: need RCPT command\r\n");
            assertThat(client.command("RCPT TO:<c@d.test>x")).isEqualTo("501 5.5.4 Syntax: RCPT TO:<address>\r\n");
        }
    }

    @Test
    void the_recipient_past_the_limit_gets_452_and_the_message_goes_to_those_taken() throws Exception {
        try (RawSmtpClient client = greeted()) {
            client.command("MAIL FROM:<a@b.test>");
            for (String r : new String[] {"r1@d.test", "r2@d.test", "r2@d.test", "r3@d.test"}) {
                assertThat(client.command("RCPT TO:<" + r + ">")).as(r).isEqualTo("250 OK\r\n");
            }
            assertThat(client.command("RCPT TO:<r4@d.test>")).isEqualTo("452 4.5.3 Error: too many recipients\r\n");
            client.command("DATA");
            assertThat(client.command("Subject: three\r\n\r\nbody\r\n.")).isEqualTo("250 OK\r\n");
            // the next transaction starts from none
            client.command("MAIL FROM:<a@b.test>");
            assertThat(client.command("RCPT TO:<r4@d.test>")).isEqualTo("250 OK\r\n");
        }
        assertThat(receiver.awaitMessages(1, WAIT).get(0).to()).containsExactly("r1@d.test", "r2@d.test", "r3@d.test");
        Exchange refused = receiver.awaitConnections(1, WAIT).get(0).exchangesAt(SmtpStage.RCPT).get(4);
        assertThat(refused.command()).isEqualTo("RCPT TO:<r4@d.test>");
        assertThat(refused.rule()).isEqualTo("limit: max recipients 3");
    }

    @Test
    void angus_mail_sending_partially_reports_the_recipient_past_the_limit_and_delivers_the_rest() throws Exception {
        MimeMessage message = AngusMailer.sendingPartially(receiver)
                .message("app@sender.test", "four", "r1@d.test", "r2@d.test", "r3@d.test", "r4@d.test");

        SendFailedException failure = catchThrowableOfType(SendFailedException.class, () -> Transport.send(message));

        // a 4xx reply: the address is valid and was not sent to, for another try
        assertThat(failure.getValidUnsentAddresses()).extracting(Address::toString).containsExactly("r4@d.test");
        assertThat(failure.getInvalidAddresses() == null ? new Address[0] : failure.getInvalidAddresses()).isEmpty();
        assertThat(failure.getValidSentAddresses()).extracting(Address::toString)
                .containsExactly("r1@d.test", "r2@d.test", "r3@d.test");
        assertThat(receiver.awaitMessages(1, WAIT).get(0).to()).containsExactly("r1@d.test", "r2@d.test", "r3@d.test");
    }

    @Test
    void the_limit_defaults_to_postfix_s_and_is_checked() {
        try (FakeReceiver defaults = FakeReceiver.builder().build()) {
            assertThat(defaults.maxRecipients()).isEqualTo(1000).isEqualTo(FakeReceiver.DEFAULT_MAX_RECIPIENTS);
        }
        assertThatThrownBy(() -> FakeReceiver.builder().maxRecipients(0))
                .hasMessage("maxRecipients must be between 1 and 1000000, not 0");
        assertThatThrownBy(() -> FakeReceiver.builder().maxRecipients(FakeReceiver.MAX_RECIPIENTS_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
