package dev.bouncekit.receiver;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A message the receiver accepted and stored (also in GreenMail's mailboxes).
 *
 * @param id           number of the message, from 1, in the order stored
 * @param connectionId the {@link TranscriptConnection#id()} it arrived on
 * @param from         the envelope sender ({@code MAIL FROM}), empty for the null sender
 * @param to           the envelope recipients accepted for it, in order
 * @param subject      the decoded Subject header, or empty
 * @param size         the size of {@link #raw()} in bytes
 * @param receivedAt   when it was stored
 * @param raw          the message as stored: GreenMail's {@code Return-Path}/{@code Received}
 *                     headers followed by the data the client sent (dot-stuffing removed)
 */
public record ReceivedMessage(int id, int connectionId, String from, List<String> to, String subject, int size,
                              Instant receivedAt, byte[] raw) {

    public ReceivedMessage {
        to = List.copyOf(to);
        raw = raw.clone();
    }

    /** A copy of the stored bytes. */
    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** The stored bytes as text (UTF-8). */
    public String rawText() {
        return new String(raw, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceivedMessage m && m.id == id && m.connectionId == connectionId && m.from.equals(from)
                && m.to.equals(to) && m.subject.equals(subject) && m.size == size && m.receivedAt.equals(receivedAt)
                && Arrays.equals(m.raw, raw);
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(id) * 31 + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "ReceivedMessage[id=" + id + ", from=" + from + ", to=" + to + ", subject=" + subject + ", size=" + size + "]";
    }
}
