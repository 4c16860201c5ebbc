package dev.bouncekit.junit.internal;

import dev.bouncekit.receiver.ReceivedMessage;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Properties;

/** The readable text of a stored message: its text parts decoded, as a reader would see them. */
public final class MessageText {

    private static final Session SESSION = Session.getInstance(new Properties());

    private MessageText() {
    }

    /** The decoded text parts (plain and HTML) joined by new lines; the raw bytes if they cannot be parsed. */
    public static String of(ReceivedMessage message) {
        try {
            MimeMessage mime = new MimeMessage(SESSION, new ByteArrayInputStream(message.raw()));
            StringBuilder out = new StringBuilder();
            append(mime, out);
            return out.toString();
        } catch (MessagingException | IOException e) {
            return message.rawText();
        }
    }

    private static void append(Part part, StringBuilder out) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            Object content = part.getContent();
            if (content instanceof String text) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(text);
            }
        } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                append(body, out);
            }
        }
    }
}
