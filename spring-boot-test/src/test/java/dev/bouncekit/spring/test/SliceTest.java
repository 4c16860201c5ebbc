package dev.bouncekit.spring.test;

import dev.bouncekit.receiver.FakeReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;

/**
 * No {@code @SpringBootTest} and no auto-configuration of its own: the annotation brings Boot's mail
 * auto-configuration (from its package in Boot 3.5 or in 4.0), as a test slice needs.
 */
// tag::slice[]
@SpringJUnitConfig(SliceTest.Empty.class)
@AutoConfigureFakeReceiver
class SliceTest {

    /** A configuration with no beans. */
    static class Empty {
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JavaMailSender mailSender;

    @Autowired
    FakeReceiver receiver;

    @Test
    void a_slice_gets_boot_s_mail_sender_pointed_at_the_receiver() {
        assertThat(Mail.send(mailSender, "alice@example.com", "Sliced")).isNull();

        assertThat(receiver).hasReceivedMessageTo("alice@example.com", "Sliced");
        assertThat(context.getBeanNamesForType(JavaMailSender.class)).hasSize(1);
        assertThat(context.getBeanDefinitionNames()).noneMatch(name -> name.contains("TaskExecution"));
    }
}
// end::slice[]
