package dev.bouncekit.sample;

// tag::quick-start[]
import dev.bouncekit.junit.FakeReceiverExtension;
import dev.bouncekit.junit.RejectRecipient;
import dev.bouncekit.receiver.FakeReceiver;
import jakarta.mail.Message;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Properties;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;
import static dev.bouncekit.junit.assertions.BounceAssertions.catchThrowableOfType;

// tag::front-page[]
@ExtendWith(FakeReceiverExtension.class)
@RejectRecipient(value = "ghost@gmail.com", reply = "gmail/user-unknown")
class QuickStartTest {

    @Test
    void gmail_refuses_an_unknown_user(FakeReceiver receiver) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", receiver.host());
        props.put("mail.smtp.port", String.valueOf(receiver.smtpPort()));
        props.put("mail.smtp.sendpartial", "true");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("app@shop.test"));
        message.addRecipients(Message.RecipientType.TO, "alice@example.com, ghost@gmail.com");
        message.setSubject("Welcome");
        message.setText("Hello!");

        SendFailedException failure = catchThrowableOfType(SendFailedException.class, () -> Transport.send(message));

        assertThat(failure.getInvalidAddresses()).extracting(Object::toString).containsExactly("ghost@gmail.com");
        assertThat(receiver)
                .hasRejectedRecipient("ghost@gmail.com", 550, "5.1.1")
                .hasReceivedMessageTo("alice@example.com", "Welcome")
                .hasNoRetryAfterPermanentFailure();
    }
}
// end::front-page[]
// end::quick-start[]
