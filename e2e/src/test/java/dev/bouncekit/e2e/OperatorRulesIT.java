package dev.bouncekit.e2e;

import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.bouncekit.e2e.JamesRelay.CLASSIFIED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's rules file, named the way James names its own files ({@code file://conf/bounce.rules}
 * in mailetcontainer.xml): found in James's conf directory, not the JVM's working directory, and
 * tried before the built-in rules.
 */
@ExtendWith(RelayExtension.class)
class OperatorRulesIT {

    @Test
    void rules_from_james_conf_directory_decide_before_the_built_in_ones(FakeReceiver receiver, JamesRelay james)
            throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("house@example.net")).at(SmtpStage.RCPT)
                .replyWith(550, "5.7.1", "Refused by the house rule of example.net"));

        Submission.send(james.smtpPort(), "house.sender@sender.test", List.of("house@example.net"), "by the house rules");

        StoredMail bounce = james.awaitMail(CLASSIFIED, "house@example.net");
        assertThat(bounce.deliveryError()).startsWith("550 5.7.1 Refused by the house rule of example.net");
        assertThat(bounce.rule()).isEqualTo("phrase:bounce.rules:3");
        assertThat(bounce.reason()).isEqualTo("policyviolation");
        assertThat(bounce.code()).isEqualTo(550);
    }
}
