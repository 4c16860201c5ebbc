package dev.bouncekit.sample;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.junit.FakeReceiverExtension;
import dev.bouncekit.junit.RejectRecipient;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.taxonomy.Reason;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What docs/classification.md shows for a failed send: one verdict per refused recipient from the
 * exception Jakarta Mail throws, and the whole failure from its {@code toString()}.
 */
@ExtendWith(FakeReceiverExtension.class)
@RejectRecipient(value = "ghost@gmail.com", reply = "gmail/user-unknown")
@RejectRecipient(value = "full@outlook.com", reply = "outlook/mailbox-full")
class ExceptionClassificationTest {

    @Test
    void each_refused_recipient_gets_the_verdict_of_its_own_reply(FakeReceiver receiver) throws Exception {
        SendFailedException failure = catchThrowableOfType(() -> Transport.send(welcome(receiver)), SendFailedException.class);
        Map<String, Reason> reasons = new LinkedHashMap<>();

        // tag::exception[]
        BounceClassifier classifier = BounceClassifier.builtIn();
        // Each refused recipient is a nested SMTPAddressFailedException with its server's reply.
        for (Exception e = failure; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
            if (e instanceof SMTPAddressFailedException refused) {
                String recipient = refused.getAddress().getAddress();
                Classification c = classifier.classify(refused.getMessage(),
                        DeliveryContext.at(SmtpStage.RCPT).withRecipient(recipient));
                reasons.put(recipient, c.reason());  // suppress, retry or alert per recipient
            }
        }
        // The whole failure at once: its toString(), which holds the nested replies. Its getMessage()
        // is Jakarta Mail's own "Invalid Addresses", no server's words.
        Classification last = classifier.classify(failure.toString());
        // end::exception[]

        assertThat(failure.getMessage()).isEqualTo("Invalid Addresses");
        assertThat(reasons).containsExactly(Map.entry("ghost@gmail.com", Reason.USERUNKNOWN),
                Map.entry("full@outlook.com", Reason.MAILBOXFULL));
        assertThat(last.code()).isEqualTo(552);
        assertThat(last.reason()).isEqualTo(Reason.MAILBOXFULL);
        assertThat(last.provider()).isEqualTo("outlook");
    }

    private static MimeMessage welcome(FakeReceiver receiver) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", receiver.host());
        props.put("mail.smtp.port", String.valueOf(receiver.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("app@shop.test"));
        message.addRecipients(Message.RecipientType.TO, "alice@example.com, ghost@gmail.com, full@outlook.com");
        message.setSubject("Welcome");
        message.setText("Hello!");
        return message;
    }
}
