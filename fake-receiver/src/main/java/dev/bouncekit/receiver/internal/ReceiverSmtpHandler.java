package dev.bouncekit.receiver.internal;

import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import dev.bouncekit.reply.SmtpStage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.List;

/**
 * GreenMail's SMTP session loop with the receiver's recording connection and state put in place
 * before the greeting, and the greeting decided by the rules (CONNECT stage).
 */
final class ReceiverSmtpHandler extends SmtpHandler {

    private final ConnectionSession session;

    ReceiverSmtpHandler(SmtpCommandRegistry registry, SmtpManager manager, Socket socket, ConnectionSession session) {
        super(registry, manager, socket);
        this.session = session;
    }

    @Override
    protected void sendGreetings() {
        // run() has just created GreenMail's connection and state; nothing has been read or
        // written yet, so the recording versions can take their place.
        try {
            conn = new RecordingSmtpConnection(this, socket, session);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        state = new SessionState(session);
        session.attach(conn);

        Decision decision = session.runtime().decider().decide(SmtpStage.CONNECT, session.facts(null, List.of()));
        String reply = decision == null ? null : session.answer(decision);
        if (reply == null) {
            super.sendGreetings();
            return;
        }
        if (!reply.startsWith("2")) {
            session.greetingRejected();
        }
        conn.send(reply);
        session.closeIfRequested();
    }

    @Override
    public void close() {
        super.close();
        session.closed();
    }
}
