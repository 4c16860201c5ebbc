package dev.bouncekit.spring.test;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends one plain message through a Spring {@link JavaMailSender}. */
public final class Mail {

    private Mail() {
    }

    /** Sends; returns the failure, or null when the message was accepted. */
    public static MailException send(JavaMailSender sender, String to, String subject) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("shop@shop.test");
        message.setTo(to);
        message.setSubject(subject);
        message.setText("Hello " + to);
        try {
            sender.send(message);
            return null;
        } catch (MailException e) {
            return e;
        }
    }
}
