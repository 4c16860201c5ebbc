package dev.bouncekit.server.http;

import dev.bouncekit.receiver.FakeReceiver;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;

/**
 * A stored message taken apart: its headers in order, the first text/plain and text/html bodies
 * (not counting attachments), and its attachments by name, type and decoded size. Multiparts are
 * opened no more than {@link FakeReceiver#MAX_MIME_DEPTH} levels deep.
 *
 * @param headers     every header as sent, in order
 * @param text        the plain text body, or empty
 * @param html        the HTML body, or empty
 * @param attachments the attachments
 * @param tooDeep     whether parts nested deeper than {@link FakeReceiver#MAX_MIME_DEPTH} levels were left unread
 */
record ParsedMessage(List<Field> headers, String text, String html, List<Attachment> attachments, boolean tooDeep) {

    /** One header. */
    record Field(String name, String value) {
    }

    /** One attachment: file name (may be empty), content type, decoded size in bytes. */
    record Attachment(String name, String type, long size) {
    }

    private static final Session SESSION = Session.getInstance(new Properties());

    /**
     * Takes a message apart as far as it can: a part that cannot be read (an unknown charset, a
     * multipart without its boundary, broken base64) is left out, and its headers and the other
     * parts are kept. A text part in an unknown charset is read as UTF-8.
     */
    static ParsedMessage of(byte[] raw) {
        MimeMessage message;
        List<Field> headers = new ArrayList<>();
        try {
            message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            Enumeration<Header> all = message.getAllHeaders();
            while (all.hasMoreElements()) {
                Header h = all.nextElement();
                headers.add(new Field(h.getName(), decode(h.getValue())));
            }
        } catch (MessagingException e) {
            return new ParsedMessage(headers, "", "", List.of(), false);
        }
        Bodies bodies = new Bodies();
        bodies.walk(message, FakeReceiver.MAX_MIME_DEPTH);
        return new ParsedMessage(headers, bodies.text, bodies.html, bodies.attachments, bodies.tooDeep);
    }

    private static String decode(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (IOException | RuntimeException e) {
            return value;
        }
    }

    /** Collects bodies and attachments while walking the MIME tree. */
    private static final class Bodies {
        String text = "";
        String html = "";
        final List<Attachment> attachments = new ArrayList<>();
        boolean tooDeep;

        /**
         * Walks one part, opening multiparts at most {@code levels} deep; what cannot be read in
         * it is left out, and the walk goes on with its siblings.
         */
        void walk(Part part, int levels) {
            try {
                if (part.isMimeType("multipart/*")) {
                    if (levels == 0) {
                        tooDeep = true;
                    } else if (part.getContent() instanceof Multipart multipart) {
                        for (int i = 0; i < multipart.getCount(); i++) {
                            BodyPart child = multipart.getBodyPart(i);
                            walk(child, levels - 1);
                        }
                    }
                    return;
                }
                boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
                if (!attached && part.isMimeType("text/plain") && text.isEmpty()) {
                    text = textOf(part);
                } else if (!attached && part.isMimeType("text/html") && html.isEmpty()) {
                    html = textOf(part);
                } else if (attached || !part.isMimeType("text/*")) {
                    String type = part.getContentType() == null ? "application/octet-stream"
                            : part.getContentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
                    attachments.add(new Attachment(part.getFileName() == null ? "" : decode(part.getFileName()), type,
                            size(part)));
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                // a part that cannot be read is left out; the others are kept
            }
        }

        /** A text part's content; in a charset this JVM does not know, its decoded bytes read as UTF-8. */
        private static String textOf(Part part) throws MessagingException, IOException {
            try {
                return String.valueOf(part.getContent());
            } catch (UnsupportedEncodingException e) {
                try (InputStream in = part.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }

        private static long size(Part part) throws MessagingException, IOException {
            long n = 0;
            byte[] buffer = new byte[8192];
            try (InputStream in = part.getInputStream()) {
                int r;
                while ((r = in.read(buffer)) > 0) {
                    n += r;
                }
            }
            return n;
        }
    }
}
