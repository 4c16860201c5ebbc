package dev.bouncekit.receiver.internal;

import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * The connection's I/O in place of GreenMail's: command lines and message data are read in
 * bounded memory ({@link SmtpInput}), replies are written with a deadline ({@link WriteWatchdog}),
 * and everything read and sent is recorded in the session's transcript. A reply is recorded before
 * it is written, so a client that has seen it finds it in the transcript. Nothing is sent once the
 * session is closing; a failed write closes it.
 *
 * <p>One serves one connection after another on the same thread ({@link #open}, {@link #end}),
 * keeping its buffers; GreenMail's own reader and writer, which it never uses, are made once, on a
 * placeholder socket.
 */
final class RecordingSmtpConnection extends SmtpConnection {

    private static final int PREVIEW = 64;
    /** What GreenMail's constructor reads from: the streams it wraps are never used. */
    private static final Socket PLACEHOLDER = new Socket() {
        @Override
        public InputStream getInputStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public OutputStream getOutputStream() {
            return OutputStream.nullOutputStream();
        }
    };

    private final SmtpInput input = new SmtpInput();
    // the connection being served; set and cleared by the connection's thread
    private SmtpHandler handler;
    private ConnectionSession session;
    private Socket socket;
    private OutputStream output;
    private WriteWatchdog.Watch writes;
    private long maxMessageSize;
    // replaces the replies of a stock command while it runs (see #rewording); null for none
    private UnaryOperator<String> reword;

    private RecordingSmtpConnection() throws IOException {
        super(null, PLACEHOLDER);
    }

    /** A connection's I/O, to {@link #open} for one connection after another. */
    static RecordingSmtpConnection create() {
        try {
            return new RecordingSmtpConnection();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the placeholder's streams cannot fail
        }
    }

    /** Serves {@code socket} from now on, its writes watched by {@code writes}, until {@link #end()}. */
    void open(SmtpHandler handler, Socket socket, ConnectionSession session, WriteWatchdog.Watch writes)
            throws IOException {
        this.input.open(socket.getInputStream());
        this.output = socket.getOutputStream();
        this.handler = handler;
        this.socket = socket;
        this.session = session;
        this.writes = writes;
        this.maxMessageSize = session.runtime().limits().maxMessageSize();
        setHeloName(null);
        setAuthenticated(false);
    }

    /** The connection is over: what belonged to it is let go, the buffers are kept. */
    void end() {
        input.close();
        output = null;
        handler = null;
        socket = null;
        session = null;
        writes = null;
        setHeloName(null);
        setAuthenticated(false);
    }

    /**
     * Reads one command line (LF or CRLF ended, at most {@link SmtpHandler#LINE_LENGHT_LIMIT} octets).
     *
     * @throws SmtpInput.LineTooLongException for a longer line, which is then recorded shortened
     */
    @Override
    public String readLine() throws IOException {
        String line;
        try {
            line = input.readLine(SmtpHandler.LINE_LENGHT_LIMIT);
        } catch (SmtpInput.LineTooLongException e) {
            String start = e.start();
            session.commandRead((start.length() > PREVIEW ? start.substring(0, PREVIEW) : start)
                    + "... (" + e.octets() + " octets)");
            throw e;
        }
        if (line != null) {
            session.commandRead(line);
        }
        return line;
    }

    /**
     * Reads message data to the final dot, keeping at most the receiver's maximum message size; a
     * larger message is read to its end, dropped and reported to the session.
     *
     * @throws UncheckedIOException when the client goes away or times out before the final dot
     */
    @Override
    public InputStream dotLimitedInputStream(byte[] initialContent) {
        return readMessage(initialContent).stream();
    }

    /**
     * Reads message data to the final dot after {@code prefix}, as {@link #dotLimitedInputStream}
     * does, as bytes.
     *
     * @throws UncheckedIOException when the client goes away or times out before the final dot
     */
    SmtpInput.MessageData readMessage(byte[] prefix) {
        SmtpInput.MessageData data;
        try {
            data = input.readData(prefix, maxMessageSize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (data.tooLarge()) {
            session.messageTooLarge();
        }
        return data;
    }

    /** The receiver's host name, for the greeting and the EHLO and HELO replies. */
    @Override
    public String getServerGreetingsName() {
        return session.runtime().hostname();
    }

    @Override
    public String getClientAddress() {
        return socket.getInetAddress().getHostAddress();
    }

    @Override
    public InetAddress getServerAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public void quit() {
        handler.close();
    }

    @Override
    public void send(String reply) {
        send(reply, null);
    }

    /**
     * Runs {@code action} (a stock GreenMail command) with each reply it sends replaced by
     * {@code reword}'s answer, which is what is recorded and written.
     */
    void rewording(UnaryOperator<String> reword, IoAction action) throws IOException {
        this.reword = reword;
        try {
            action.run();
        } finally {
            this.reword = null;
        }
    }

    /** Something that reads and writes on this connection. */
    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }

    /** Sends a reply recorded as given by {@code rule} (a transcript label, or null). */
    void send(String reply, String rule) {
        if (session.isClosing()) {
            return;
        }
        if (reword != null) {
            reply = reword.apply(reply);
        }
        session.replySent(reply, rule);
        byte[] bytes = (reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        writes.writeStarted();
        try {
            output.write(bytes);
            output.flush();
        } catch (IOException e) {
            session.close();
        } finally {
            writes.writeEnded();
        }
    }
}
