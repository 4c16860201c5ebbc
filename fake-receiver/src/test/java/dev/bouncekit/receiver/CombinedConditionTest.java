package dev.bouncekit.receiver;

import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Conditions combined with and(): every part must hold, and the rule is known from the latest part's stage. */
@ExtendWith(NoUncaughtExceptions.class)
class CombinedConditionTest {

    private static final Condition GMAIL_FROM_INTERNAL =
            Condition.recipientDomain("gmail.com").and(Condition.helo("*.internal"));

    @Test
    void a_rule_answers_only_when_every_part_holds() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder()
                .rule(ReplyRule.when(GMAIL_FROM_INTERNAL).at(SmtpStage.RCPT).reply("gmail/user-unknown"))
                .build().start()) {
            assertThat(rcpt(receiver, "build.internal", "ann@gmail.com")).startsWith("550-5.1.1");
            assertThat(rcpt(receiver, "mail.shop.test", "ann@gmail.com")).startsWith("250");
            assertThat(rcpt(receiver, "build.internal", "ann@yahoo.com")).startsWith("250");
        }
    }

    @Test
    void parts_describe_and_compare() {
        assertThat(GMAIL_FROM_INTERNAL.parts()).containsExactly(Condition.recipientDomain("gmail.com"),
                Condition.helo("*.internal"));
        assertThat(GMAIL_FROM_INTERNAL).hasToString("recipientDomain=gmail.com and helo=*.internal")
                .isEqualTo(Condition.recipientDomain("GMAIL.com").and(Condition.helo("*.internal")))
                .isNotEqualTo(Condition.recipientDomain("gmail.com"));
        assertThat(GMAIL_FROM_INTERNAL.knownFrom()).isEqualTo(SmtpStage.RCPT);
        assertThat(Condition.any().and(Condition.client("10.*"))).isEqualTo(Condition.client("10.*"));
        assertThatThrownBy(() -> ReplyRule.when(Condition.helo("x").and(Condition.sender("*@a.test")))
                .at(SmtpStage.EHLO).disconnect())
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("helo and sender").hasMessageContaining("use MAIL");
    }

    @Test
    void behaviours_are_a_closed_set_of_types() {
        ReplyRule rule = ReplyRule.when(Condition.any()).at(SmtpStage.RCPT).reply("gmail/user-unknown").thenDisconnect();
        assertThat(rule.behaviour()).isEqualTo(new Behaviour.Disconnect(new Behaviour.CatalogReply("gmail/user-unknown")));
        assertThat(rule.catalogId()).isEqualTo("gmail/user-unknown");
        assertThat(rule.closesConnection()).isTrue();
        assertThat(rule.describe()).isEqualTo("RCPT any -> gmail/user-unknown, then disconnect");
        assertThat(ReplyRule.when(Condition.any()).at(SmtpStage.MAIL).accept().behaviour()).isInstanceOf(Behaviour.Accept.class);
        assertThat(Behaviour.class.getPermittedSubclasses()).hasSize(4);
        assertThatThrownBy(() -> new Behaviour.Disconnect(new Behaviour.Accept()))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("only a reply");
    }

    private static String rcpt(FakeReceiver receiver, String helo, String recipient) throws Exception {
        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO " + helo);
            client.command("MAIL FROM:<app@shop.test>");
            return client.command("RCPT TO:<" + recipient + ">");
        }
    }
}
