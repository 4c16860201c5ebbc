package dev.bouncekit.receiver;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Properties;

/** Sends mail to a {@link FakeReceiver} with Angus Mail (Jakarta Mail), the way Java applications do. */
final class AngusMailer {

    private final Session session;

    private AngusMailer(Session session) {
        this.session = session;
    }

    static AngusMailer to(FakeReceiver receiver) {
        return to(receiver, false);
    }

    /** With {@code mail.smtp.sendpartial}: rejected recipients do not stop delivery to the others. */
    static AngusMailer sendingPartially(FakeReceiver receiver) {
        return to(receiver, true);
    }

    private static AngusMailer to(FakeReceiver receiver, boolean sendPartial) {
        Properties props = new Properties();
        props.put("mail.smtp.host", receiver.host());
        props.put("mail.smtp.port", String.valueOf(receiver.smtpPort()));
        props.put("mail.smtp.localhost", "client.test");
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.sendpartial", String.valueOf(sendPartial));
        return new AngusMailer(Session.getInstance(props));
    }

    MimeMessage message(String from, String subject, String... to) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        for (String r : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(r));
        }
        message.setSubject(subject);
        message.setText("Hello from the test.\r\n.leading dot\r\n");
        return message;
    }

    void send(String from, String subject, String... to) throws MessagingException {
        Transport.send(message(from, subject, to));
    }
}
