package dev.bouncekit.receiver.internal;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import dev.bouncekit.reply.SmtpStage;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A stock GreenMail command run inside the receiver's session: refused with 503 after a rejected
 * greeting, preceded by the EHLO/HELO rules and null-sender handling where they apply, and
 * followed by closing the connection when the answer asked for it.
 */
class SessionCommand extends SmtpCommand {

    static final String BAD_SEQUENCE = "503 5.5.1 Bad sequence of commands: the greeting refused this session";

    private final SmtpCommand stock;
    private final boolean allowedAfterRejectedGreeting;

    SessionCommand(SmtpCommand stock, boolean allowedAfterRejectedGreeting) {
        this.stock = stock;
        this.allowedAfterRejectedGreeting = allowedAfterRejectedGreeting;
    }

    @Override
    public final void execute(SmtpConnection conn, SmtpState state, SmtpManager manager, String commandLine)
            throws IOException {
        if (!(state instanceof SessionState sessionState)) {
            stock.execute(conn, state, manager, commandLine);
            return;
        }
        ConnectionSession session = sessionState.session();
        if (session.isGreetingRejected() && !allowedAfterRejectedGreeting) {
            conn.send(BAD_SEQUENCE);
            return;
        }
        if (!answerFirst(session, conn, state, manager, commandLine)) {
            stock.execute(conn, state, manager, commandLine);
            afterStock(session, state, commandLine);
        }
        session.closeIfRequested();
    }

    /** Answers before GreenMail does; true when the command has been answered. */
    boolean answerFirst(ConnectionSession session, SmtpConnection conn, SmtpState state, SmtpManager manager,
                        String commandLine) {
        return false;
    }

    /** Runs after GreenMail answered the command. */
    void afterStock(ConnectionSession session, SmtpState state, String commandLine) {
    }

    /** EHLO and HELO: the HELO name is recorded and the EHLO-stage rules decide first. */
    static final class Helo extends SessionCommand {
        Helo(SmtpCommand stock) {
            super(stock, false);
        }

        @Override
        boolean answerFirst(ConnectionSession session, SmtpConnection conn, SmtpState state, SmtpManager manager,
                            String commandLine) {
            session.helo(commandLine.length() > 5 ? commandLine.substring(5).trim() : "");
            Decision decision = session.runtime().decider().decide(SmtpStage.EHLO, session.facts(null, List.of()));
            String reply = decision == null ? null : session.answer(decision);
            if (reply == null) {
                return false;
            }
            conn.send(reply);
            return true;
        }
    }

    /**
     * MAIL FROM: GreenMail skips its sender check for the null reverse path {@code <>} and then
     * refuses RCPT for want of a return path. Here {@code <>} is checked like any sender and
     * gets an empty return path, so bounces can be received.
     */
    static final class Mail extends SessionCommand {
        private static final Pattern NULL_SENDER = Pattern.compile("MAIL FROM:\\s?<>.*", Pattern.CASE_INSENSITIVE);

        Mail(SmtpCommand stock) {
            super(stock, false);
        }

        @Override
        boolean answerFirst(ConnectionSession session, SmtpConnection conn, SmtpState state, SmtpManager manager,
                            String commandLine) {
            if (!NULL_SENDER.matcher(commandLine).matches()) {
                return false;
            }
            String refusal = manager.checkSender(state, new MailAddress(""));
            if (refusal != null) {
                conn.send(refusal);
                return true;
            }
            return false;
        }

        @Override
        void afterStock(ConnectionSession session, SmtpState state, String commandLine) {
            if (NULL_SENDER.matcher(commandLine).matches() && state.getMessage().getReturnPath() == null) {
                state.getMessage().setReturnPath(new MailAddress(""));
            }
        }
    }

    /**
     * DATA: GreenMail keeps the envelope when its data check refuses the message; a refused
     * message ends the transaction here, as it does on real servers, so the next DATA needs a new
     * MAIL FROM.
     */
    static final class Data extends SessionCommand {
        Data(SmtpCommand stock) {
            super(stock, false);
        }

        @Override
        void afterStock(ConnectionSession session, SmtpState state, String commandLine) {
            if (session.takeDataRejected()) {
                state.clearMessage();
            }
        }
    }

    static boolean isQuit(String name) {
        return "QUIT".equals(name.toUpperCase(Locale.ROOT));
    }
}
