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
}
