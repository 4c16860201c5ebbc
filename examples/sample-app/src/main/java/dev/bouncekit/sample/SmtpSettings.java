package dev.bouncekit.sample;

import java.time.Duration;
import java.util.Properties;

/**
 * Where and how to connect.
 *
 * @param host      the SMTP server (a relay, or a test receiver)
 * @param port      its port
 * @param heloName  the name said in EHLO
 * @param timeout   connect and read timeout
 */
public record SmtpSettings(String host, int port, String heloName, Duration timeout) {

    /** Settings with the name {@code sample.test} and a 10 second timeout. */
    public static SmtpSettings of(String host, int port) {
        return new SmtpSettings(host, port, "sample.test", Duration.ofSeconds(10));
    }

    /** The Jakarta Mail session properties; recipients that fail do not stop delivery to the others. */
    Properties toProperties() {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.localhost", heloName);
        props.put("mail.smtp.connectiontimeout", String.valueOf(timeout.toMillis()));
        props.put("mail.smtp.timeout", String.valueOf(timeout.toMillis()));
        props.put("mail.smtp.sendpartial", "true");
        return props;
    }
}
