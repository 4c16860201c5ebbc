package dev.bouncekit.receiver.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import java.io.IOException;

/**
 * How deep a message's MIME parts nest, found by opening at most one level past the bound asked
 * about, so that a message of thousands of levels costs no more than one of a few.
 */
final class MimeNesting {

    private MimeNesting() {
    }

    /**
     * Whether multipart or {@code message/rfc822} parts nest more than {@code levels} deep in
     * {@code part}; a part that cannot be read counts as not nested.
     */
    static boolean deeperThan(Part part, int levels) {
        try {
            boolean multipart = part.isMimeType("multipart/*");
            if (!multipart && !part.isMimeType("message/rfc822")) {
                return false;
            }
            if (levels == 0) {
                return true;
            }
            Object content = part.getContent();
            if (content instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    if (deeperThan(parts.getBodyPart(i), levels - 1)) {
                        return true;
                    }
                }
            } else if (content instanceof Part inner) {
                return deeperThan(inner, levels - 1);
            }
            return false;
        } catch (MessagingException | IOException | RuntimeException e) {
            return false;
        }
    }
}
