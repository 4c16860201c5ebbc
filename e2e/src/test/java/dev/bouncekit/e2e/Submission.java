package dev.bouncekit.e2e;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.List;
import java.util.Properties;

/** Submits a plain text mail to an SMTP server on 127.0.0.1, one connection per mail. */
final class Submission {

    private Submission() {
    }

    static void send(int port, String from, List<String> to, String subject) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        Address[] recipients = new Address[to.size()];
        for (int i = 0; i < to.size(); i++) {
            recipients[i] = new InternetAddress(to.get(i));
        }
        message.setRecipients(Message.RecipientType.TO, recipients);
        message.setSubject(subject);
        message.setText("Hello from the bouncekit end-to-end tests.\r\n");
        Transport.send(message, recipients);
    }
}
