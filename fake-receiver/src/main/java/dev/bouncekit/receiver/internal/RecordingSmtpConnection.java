package dev.bouncekit.receiver.internal;

import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpHandler;

import java.io.IOException;
import java.net.Socket;

/**
 * GreenMail's connection I/O, recording every command line read and every reply sent into the
 * session's transcript. A reply is recorded before it is written, so a client that has seen it
 * finds it in the transcript. Nothing is sent once the session is closing.
 */
final class RecordingSmtpConnection extends SmtpConnection {

    private final ConnectionSession session;

    RecordingSmtpConnection(SmtpHandler handler, Socket socket, ConnectionSession session) throws IOException {
        super(handler, socket);
        this.session = session;
    }

    @Override
    public String readLine() throws IOException {
        String line = super.readLine();
        if (line != null) {
            session.commandRead(line);
        }
        return line;
    }

    @Override
    public void send(String reply) {
        if (session.isClosing()) {
            return;
        }
        session.replySent(reply);
        super.send(reply);
    }
}
