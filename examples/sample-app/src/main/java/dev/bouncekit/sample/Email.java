package dev.bouncekit.sample;

import java.util.List;

/**
 * A plain-text message to send.
 *
 * @param from    the sender, also the envelope sender
 * @param to      the recipients
 * @param subject the subject
 * @param body    the text
 */
public record Email(String from, List<String> to, String subject, String body) {

    public Email {
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("an email needs at least one recipient");
        }
    }
}
