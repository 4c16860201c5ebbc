package dev.bouncekit.receiver.internal;

import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import dev.bouncekit.reply.SmtpStage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * GreenMail's SMTP session loop with the receiver's recording connection and state put in place
 * before the greeting, the greeting decided by the rules (CONNECT stage) or else
 * {@code 220 <host name> ESMTP bouncekit}, and every command read
 * and run so that bad input gets a reply or a clean close: unknown or malformed commands get
 * {@code 500 5.5.2}, an over-long line {@code 500 5.5.2 Line too long}, a silent client
 * {@code 421 4.4.2}; a client that goes away, even in the middle of a message, ends the session
 * quietly. Nothing thrown by a command escapes the connection's thread.
 */
final class ReceiverSmtpHandler extends SmtpHandler {

    private final ConnectionSession session;
    // set by greet() before the handler is handed to the connection's thread
    private boolean decided;
    private Decision connectDecision;
    private boolean greeted;
    private volatile WriteWatchdog.Watch writes;

    ReceiverSmtpHandler(SmtpCommandRegistry registry, SmtpManager manager, Socket socket, ConnectionSession session) {
        super(registry, manager, socket);
        this.session = session;
    }

    /** Runs the session on I/O of its own. */
    @Override
    public void run() {
        run(RecordingSmtpConnection.create());
    }

    /**
     * Runs the session: the recording connection and state are put in place (GreenMail's own loop
     * would first make a connection of its own, with buffers, only to have it replaced), the
     * greeting is sent unless {@link #greet()} sent it, then commands are read and run until the
     * session closes.
     *
     * @param io the connection's I/O, which the calling thread reuses from one connection to the next
     */
    void run(RecordingSmtpConnection io) {
        try {
            if (isQuitting()) {
                return;
            }
            writes = session.runtime().watchdog().watch(socket);
            io.open(this, socket, session, writes);
            conn = io;
            state = new SessionState(session);
            session.attach(io);
            if (!greeted) {
                sendGreetings();
            }
            while (!isQuitting()) {
                handleCommand();
            }
        } catch (IOException e) {
            log.debug("SMTP connection {} could not start: {}", session.id(), e.toString());
        } catch (RuntimeException e) {
            // the connection is over either way
            log.warn("SMTP connection {} ended by an unexpected error: {}", session.id(), e.toString());
            log.debug("SMTP connection {} failure", session.id(), e);
        } finally {
            if (state != null) {
                state.clearMessage();
            }
            close();
            io.end();
            session.ended();
        }
    }

    /**
     * Decides the greeting before the connection has a thread of its own, and sends the receiver's
     * own greeting at once when no CONNECT-stage rule answers: the client reads it and sends its
     * first command while the connection's thread is woken. A rule's answer (which may wait, refuse
     * or close) is left to that thread. Writing a greeting to a socket just accepted does not block
     * (its send buffer is empty), so this write is not watched; if it fails the connection is closed.
     */
    void greet() {
        connectDecision = session.runtime().decider().decide(SmtpStage.CONNECT, session.facts(null, List.of()));
        decided = true;
        if (connectDecision != null) {
            return;
        }
        String greeting = ProtocolReplies.greeting(session.runtime().hostname());
        session.replySent(greeting, null);
        greeted = true;
        try {
            OutputStream out = socket.getOutputStream();
            out.write((greeting + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            log.debug("SMTP connection {} lost before its greeting: {}", session.id(), e.toString());
            close();
        }
    }

    /** The greeting decided by the CONNECT-stage rules, or the receiver's own. */
    @Override
    protected void sendGreetings() {
        Decision decision = decided ? connectDecision
                : session.runtime().decider().decide(SmtpStage.CONNECT, session.facts(null, List.of()));
        String reply = decision == null ? null : session.answer(decision);
        if (reply == null) {
            conn.send(ProtocolReplies.greeting(session.runtime().hostname()));
            return;
        }
        if (!reply.startsWith("2")) {
            session.greetingRejected();
        }
        conn.send(reply);
        session.closeIfRequested();
    }

    @Override
    protected void handleCommand() {
        String line;
        try {
            line = conn.readLine();
        } catch (IOException e) {
            failed(e);
            return;
        }
        if (line == null) {
            close();
            return;
        }
        currentLine = line;
        SmtpCommand command = line.length() >= 4 && (line.length() == 4 || line.charAt(4) == ' ')
                ? registry.getCommand(line.substring(0, 4).toUpperCase(Locale.ROOT)) : null;
        if (command == null) {
            session.protocolError(ProtocolReplies.UNRECOGNIZED);
            return;
        }
        try {
            command.execute(conn, state, manager, line);
        } catch (IOException e) {
            failed(e);
        } catch (UncheckedIOException e) {
            failed(e.getCause());
        } catch (RuntimeException e) {
            if (isQuitting()) {
                return;
            }
            if (e instanceof IllegalArgumentException) {
                // GreenMail's parsers (AUTH's base64, addresses) refuse what they cannot read
                log.debug("SMTP connection {}: bad arguments in '{}'", session.id(), line, e);
                session.protocolError(ProtocolReplies.BAD_ARGUMENTS);
            } else {
                log.warn("SMTP connection {}: '{}' failed: {}", session.id(), line, e.toString());
                log.debug("SMTP connection {} failure", session.id(), e);
                conn.send(ProtocolReplies.LOCAL_ERROR);
            }
        }
    }

    /** Reading or writing failed: a too-long line is answered, a timeout closes with 421, anything else closes. */
    private void failed(IOException e) {
        if (isQuitting()) {
            return;
        }
        if (e instanceof SmtpInput.LineTooLongException) {
            session.protocolError(ProtocolReplies.LINE_TOO_LONG);
        } else if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            session.timedOut();
        } else {
            log.debug("SMTP connection {} lost: {}", session.id(), e.toString());
            close();
        }
    }

    /** Closes the socket and ends the watch of its writes; any thread may call it. */
    @Override
    public void close() {
        super.close();
        WriteWatchdog.Watch watch = writes;
        if (watch != null) {
            watch.close();
        }
        session.closed();
    }
}
