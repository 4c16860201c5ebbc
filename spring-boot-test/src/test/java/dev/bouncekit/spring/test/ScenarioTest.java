package dev.bouncekit.spring.test;

import dev.bouncekit.receiver.FakeReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.javamail.JavaMailSender;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;

@SpringBootTest(classes = MailTestApplication.class)
@AutoConfigureFakeReceiver(scenario = "classpath:bounces.yaml")
class ScenarioTest {

    @Autowired
    FakeReceiver receiver;

    @Autowired
    JavaMailSender mailSender;

    @Test
    void the_rules_of_a_scenario_file_apply() {
        assertThat(Mail.send(mailSender, "carol@slow.example", "Your order")).isNotNull();
        assertThat(Mail.send(mailSender, "carol@slow.example", "Your order")).isNull();
        assertThat(Mail.send(mailSender, "bob@gone.example", "Your order")).isNotNull();

        assertThat(receiver)
                .hasRejectedRecipient("carol@slow.example", 451, "4.7.1")
                .hasReceivedMessageTo("carol@slow.example")
                .hasRejectedRecipient("bob@gone.example", 550, "5.1.1");
    }
}
