package dev.bouncekit.receiver;

import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ManyRulesTest {

    @Test
    void a_thousand_rules_are_evaluated_in_order_and_unmatched_mail_is_accepted() throws Exception {
        List<ReplyRule> rules = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rules.add(ReplyRule.when(Condition.recipient("user" + i + "@example.com")).at(SmtpStage.RCPT)
                    .replyWith(550, "5.1.1", "rule " + i));
        }
        try (FakeReceiver receiver = FakeReceiver.builder().rules(rules).build().start()) {
            assertThat(receiver.rules()).hasSize(1000).first().isEqualTo(rules.get(0));

            try (RawSmtpClient client = new RawSmtpClient(receiver)) {
                client.reply();
                client.command("EHLO c.test");
                client.command("MAIL FROM:<a@b.test>");
                assertThat(client.command("RCPT TO:<user999@example.com>")).isEqualTo("550 5.1.1 rule 999\r\n");
                assertThat(client.command("RCPT TO:<user0@example.com>")).isEqualTo("550 5.1.1 rule 0\r\n");
                assertThat(client.command("RCPT TO:<someone@example.com>")).startsWith("250");
            }
            AngusMailer.to(receiver).send("a@b.test", "through", "someone@example.com");
            assertThat(receiver.awaitMessages(1, Duration.ofSeconds(10))).hasSize(1);
        }
    }

    @Test
    void a_thousand_glob_rules_are_found_by_their_literal_ends_and_still_answer_in_order() throws Exception {
        List<ReplyRule> rules = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rules.add(switch (i % 4) {
                case 0 -> ReplyRule.when(Condition.recipientDomain("*.d" + i + ".example")).at(SmtpStage.RCPT)
                        .replyWith(550, "5.1.2", "domain rule " + i);
                case 1 -> ReplyRule.when(Condition.recipient("user" + i + "@*")).at(SmtpStage.RCPT)
                        .replyWith(550, "5.1.1", "user rule " + i);
                case 2 -> ReplyRule.when(Condition.sender("s" + i + "@*.example")).at(SmtpStage.MAIL)
                        .replyWith(550, "5.7.1", "sender rule " + i);
                default -> ReplyRule.when(Condition.recipient("exact" + i + "@mx.d4.example")).at(SmtpStage.RCPT)
                        .replyWith(550, "5.1.1", "exact rule " + i);
            });
        }
        rules.add(ReplyRule.when(Condition.recipient("*late*")).at(SmtpStage.RCPT).replyWith(450, "4.2.0", "catch-all"));
        try (FakeReceiver receiver = FakeReceiver.builder().rules(rules).build().start();
             RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO c.test");
            assertThat(client.command("MAIL FROM:<S6@Host.Example>")).isEqualTo("550 5.7.1 sender rule 6\r\n");
            assertThat(client.command("MAIL FROM:<s6@example>")).startsWith("250");
            assertThat(client.command("RCPT TO:<a@mx.D996.example>")).isEqualTo("550 5.1.2 domain rule 996\r\n");
            // rule 3's exact address comes before rule 4's domain glob, which rule 7's exact address is also in
            assertThat(client.command("RCPT TO:<exact3@mx.d4.example>")).isEqualTo("550 5.1.1 exact rule 3\r\n");
            assertThat(client.command("RCPT TO:<exact7@mx.d4.example>")).isEqualTo("550 5.1.2 domain rule 4\r\n");
            assertThat(client.command("RCPT TO:<user5@anywhere.test>")).isEqualTo("550 5.1.1 user rule 5\r\n");
            assertThat(client.command("RCPT TO:<latecomer@nowhere.test>")).isEqualTo("450 4.2.0 catch-all\r\n");
            assertThat(client.command("RCPT TO:<someone@nowhere.test>")).startsWith("250");
        }
    }
}
