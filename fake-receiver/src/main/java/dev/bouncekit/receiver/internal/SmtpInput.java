package dev.bouncekit.receiver.internal;

import jakarta.mail.util.SharedByteArrayInputStream;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what an SMTP client sends, in bounded memory: command lines of at most a given length
 * (longer ones are consumed and reported, not buffered), and message data up to a size limit
 * (larger messages are consumed to the final dot and reported, not buffered).
 *
 * <p>A command line ends at LF, with or without CR before it, so a client that sends bare LFs
 * still gets replies. Message data ends only at {@code <CRLF>.<CRLF>}: a bare LF never ends a
 * message, so no second message can be smuggled inside one.
 */
final class SmtpInput {

    private InputStream in;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    /** The command line being read, reused from line to line. */
    private byte[] line = new byte[256];
    /** The message being read, reused from message to message. */
    private final MessageBuffer content = new MessageBuffer();

    /** Input that reads nothing until {@link #open} gives it a stream. */
    SmtpInput() {
        this.in = InputStream.nullInputStream();
    }

    /** Reads from {@code in} from now on, with nothing buffered: the buffers serve one connection after another. */
    void open(InputStream in) {
        this.in = in;
        this.position = 0;
        this.limit = 0;
    }

    /** Lets go of the stream and of a message buffer grown large; the smaller buffers are kept for the next {@link #open}. */
    void close() {
        open(InputStream.nullInputStream());
        content.trim();
    }

    /**
     * One command line, decoded as UTF-8, without its line ending.
     *
     * @return the line, or null at end of stream before any byte (a last line without an ending is returned)
     * @throws LineTooLongException when the line had more than {@code maxOctets} octets; it has been consumed
     */
    String readLine(int maxOctets) throws IOException {
        int capacity = maxOctets + 1; // room for a CR that turns out to precede LF
        byte[] line = this.line;
        int length = 0;
        long total = 0;
        boolean afterCr = false;
        while (true) {
            int b = read();
            if (b < 0) {
                if (total == 0) {
                    return null;
                }
                break;
            }
            if (b == '\n') {
                if (afterCr) {
                    if (length == total) {
                        length--;
                    }
                    total--;
                }
                break;
            }
            total++;
            afterCr = b == '\r';
            if (length < capacity) {
                if (length == line.length) {
                    line = Arrays.copyOf(line, Math.min(capacity, line.length * 2));
                    this.line = line;
                }
                line[length++] = (byte) b;
            }
        }
        String text = new String(line, 0, Math.min(length, maxOctets), StandardCharsets.UTF_8);
        if (total > maxOctets) {
            throw new LineTooLongException(text, total);
        }
        return text;
    }

    /**
     * Message data up to {@code <CRLF>.<CRLF>}, dot-unstuffed, after {@code prefix}. The CRLF before
     * the final dot is not part of the returned content.
     *
     * @param maxOctets the largest content kept; beyond it data is read and dropped
     * @throws EOFException when the stream ends before the final dot
     */
    MessageData readData(byte[] prefix, long maxOctets) throws IOException {
        MessageBuffer content = this.content;
        content.start(prefix, maxOctets + 2);
        try {
            return readData(content, maxOctets);
        } finally {
            content.release();
        }
    }

    private MessageData readData(MessageBuffer content, long maxOctets) throws IOException {
        int state = LINE_START;
        while (true) {
            if (state == IN_LINE && position < limit) {
                // the bulk of a message: copy up to the next CR at once
                int end = position;
                while (end < limit && buffer[end] != '\r') {
                    end++;
                }
                content.add(buffer, position, end - position);
                position = end;
                if (position == limit) {
                    continue;
                }
            }
            int b = read();
            if (b < 0) {
                throw new EOFException("end of stream after " + content.size() + " octets of message data");
            }
            switch (state) {
                case LINE_START:
                    if (b == '.') {
                        state = DOT;
                    } else {
                        content.add(b);
                        state = b == '\r' ? CR : IN_LINE;
                    }
                    break;
                case DOT:
                    if (b == '\r') {
                        state = DOT_CR;
                    } else {
                        content.add(b);
                        state = IN_LINE;
                    }
                    break;
                case DOT_CR:
                    if (b == '\n') {
                        content.dropLineEnding();
                        return new MessageData(content.bytes(), content.size(), content.size() > maxOctets);
                    }
                    content.add('\r');
                    content.add(b);
                    state = b == '\r' ? CR : IN_LINE;
                    break;
                case CR:
                    content.add(b);
                    state = b == '\n' ? LINE_START : b == '\r' ? CR : IN_LINE;
                    break;
                default:
                    content.add(b);
                    if (b == '\r') {
                        state = CR;
                    }
            }
        }
    }

    private static final int LINE_START = 0;
    private static final int IN_LINE = 1;
    private static final int CR = 2;
    private static final int DOT = 3;
    private static final int DOT_CR = 4;

    private int read() throws IOException {
        if (position == limit) {
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                return -1;
            }
            position = 0;
            limit = n;
        }
        return buffer[position++] & 0xff;
    }

    /**
     * A message as received.
     *
     * @param content  the prefix and the message, or only the prefix when the message was too large
     * @param size     the message's size in octets (without the prefix)
     * @param tooLarge true when the message was larger than the limit and was dropped
     */
    record MessageData(byte[] content, long size, boolean tooLarge) {

        /** The content as a stream that MIME parsers read without copying. */
        InputStream stream() {
            return new SharedByteArrayInputStream(content);
        }
    }

    /** A command line longer than allowed; it has been read to its end. */
    static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String start;
        private final long octets;

        LineTooLongException(String start, long octets) {
            super("command line of " + octets + " octets");
            this.start = start;
            this.octets = octets;
        }

        /** The line's length in octets, without its line ending. */
        long octets() {
            return octets;
        }

        /** The first octets of the line, decoded. */
        String start() {
            return start;
        }
    }

    /**
     * The message content: a prefix, then data up to a cap; what goes beyond the cap is counted,
     * not kept. Allocated with the first message and reused from message to message; a buffer grown
     * past {@value #KEPT_CAPACITY} octets for a large message is let go afterwards, and one past
     * {@value #KEPT_BETWEEN_CONNECTIONS} octets when the connection ends.
     */
    private static final class MessageBuffer {
        private static final int KEPT_CAPACITY = 1 << 20;
        private static final int KEPT_BETWEEN_CONNECTIONS = 64 << 10;
        private static final byte[] NONE = new byte[0];

        private int prefixLength;
        private long cap;
        private byte[] bytes = NONE;
        private int length;
        private long size;

        void start(byte[] prefix, long cap) {
            this.prefixLength = prefix.length;
            this.cap = cap;
            this.length = 0;
            this.size = 0;
            ensure(prefix.length);
            System.arraycopy(prefix, 0, bytes, 0, prefix.length);
            this.length = prefix.length;
        }

        void release() {
            if (bytes.length > KEPT_CAPACITY) {
                bytes = NONE;
            }
        }

        /** Between connections, keeps at most {@value #KEPT_BETWEEN_CONNECTIONS} octets. */
        void trim() {
            if (bytes.length > KEPT_BETWEEN_CONNECTIONS) {
                bytes = NONE;
            }
        }

        void add(int b) {
            size++;
            if (size > cap) {
                return;
            }
            ensure(1);
            bytes[length++] = (byte) b;
        }

        void add(byte[] from, int offset, int count) {
            long kept = Math.max(0, Math.min(count, cap - size));
            size += count;
            if (kept > 0) {
                ensure((int) kept);
                System.arraycopy(from, offset, bytes, length, (int) kept);
                length += (int) kept;
            }
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                long wanted = Math.max(Math.max((long) bytes.length * 2, 8192), (long) length + more);
                bytes = Arrays.copyOf(bytes, (int) Math.min(wanted, prefixLength + cap));
            }
        }

        /** Removes the CRLF that ended the last line: it belongs to the final {@code <CRLF>.<CRLF>}. */
        void dropLineEnding() {
            if (size >= 2) {
                size -= 2;
                if (length - prefixLength >= 2 && size + 2 <= cap) {
                    length -= 2;
                }
            }
        }

        long size() {
            return size;
        }

        /** The prefix and the data kept, exactly; only the prefix when the data went beyond the cap. */
        byte[] bytes() {
            return Arrays.copyOf(bytes, size > cap - 2 ? prefixLength : length);
        }
    }
}
