package dev.bouncekit.receiver.internal;

import com.icegreen.greenmail.smtp.SmtpState;

/** GreenMail's per-connection SMTP state, carrying the receiver's session for the check hooks. */
final class SessionState extends SmtpState {

    private final ConnectionSession session;

    SessionState(ConnectionSession session) {
        this.session = session;
    }

    ConnectionSession session() {
        return session;
    }
}
