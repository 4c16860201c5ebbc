package dev.bouncekit.receiver.internal;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.auth.LoginAuthenticationState;
import com.icegreen.greenmail.smtp.commands.AuthCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import com.icegreen.greenmail.util.EncodingUtil;
import dev.bouncekit.reply.SmtpStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stock GreenMail command run inside the receiver's session: refused with 503 after a rejected
 * greeting, preceded by the checks and rules that apply to it (sequence and syntax with enhanced
 * status codes, EHLO/HELO rules, the message size limit, null-sender handling), and followed by
 * closing the connection when the answer asked for it.
 */
class SessionCommand extends SmtpCommand {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCommand.class);

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
            runStock(session, conn, state, manager, commandLine);
            afterStock(session, state, commandLine);
        }
        session.closeIfRequested();
    }

    /** Answers before GreenMail does; true when the command has been answered. */
    boolean answerFirst(ConnectionSession session, SmtpConnection conn, SmtpState state, SmtpManager manager,
                        String commandLine) {
        return false;
    }

    /** Runs GreenMail's command. */
    void runStock(ConnectionSession session, SmtpConnection conn, SmtpState state, SmtpManager manager,
                  String commandLine) throws IOException {
        stock.execute(conn, state, manager, commandLine);
    }

    /** Runs after GreenMail answered the command. */
    void afterStock(ConnectionSession session, SmtpState state, String commandLine) {
    }

    /**
     * EHLO and HELO: without a domain refused with 501 (RFC 5321, 4.1.1.1), the session and any
     * transaction left as they were; otherwise the HELO name is recorded and the EHLO-stage rules
     * decide first. EHLO is then answered with GreenMail's capabilities plus {@code SIZE}; HELO by
     * GreenMail.
     */
    static final class Helo extends SessionCommand {
        Helo(SmtpCommand stock) {
            super(stock, false);
        }

        @Override
        boolean answerFirst(ConnectionSession session, SmtpConnection conn, SmtpState state, SmtpManager manager,
                            String commandLine) {
            String domain = commandLine.length() > 5 ? commandLine.substring(5).trim() : "";
            if (domain.isEmpty()) {
                session.protocolError(ProtocolReplies.heloSyntax(commandLine.substring(0, 4)));
                return true;
            }
            session.helo(domain);
            Decision decision = session.runtime().decider().decide(SmtpStage.EHLO, session.facts(null, List.of()));
            String reply = decision == null ? null : session.answer(decision);
            if (reply != null) {
                conn.send(reply);
                return true;
            }
            if (!commandLine.regionMatches(true, 0, "EHLO", 0, 4)) {
                return false;
            }
            conn.setHeloName(commandLine.length() > 5 ? commandLine.substring(5) : null);
            state.clearMessage();
            conn.send(ProtocolReplies.ehlo(conn.getServerGreetingsName(), session.runtime().limits().maxMessageSize()));
            return true;
        }
    }

    /**
     * AUTH: {@code AUTH PLAIN} without an initial response and {@code AUTH LOGIN}, with or without
     * the user name as initial response ({@code AUTH LOGIN dXNlcg==}, RFC 4954 and the SASL LOGIN
     * draft; Python's {@code smtplib} and others send it; GreenMail answers it with {@code 500}), is
     * answered here: it asks for what it
     * lacks, a client may cancel with {@code *} ({@code 501 5.7.0}, RFC 4954, 4), and the pair is
     * checked as GreenMail's command does. Every other form of AUTH is GreenMail's, its replies
     * worded as RFC 4954 words them ({@link ProtocolReplies#auth}: {@code 235 2.7.0 Authentication
     * Succeeded} with one space, {@code 504 5.5.4} for an unknown mechanism, never the command line
     * back). Base64 that cannot be read gets {@code 501 5.5.4} from the session loop.
     */
    static final class Auth extends SessionCommand {
        static final String USER_NAME_PROMPT = AuthCommand.SMTP_SERVER_CONTINUATION + "VXNlcm5hbWU6"; // "Username:"
        static final String PASSWORD_PROMPT = AuthCommand.SMTP_SERVER_CONTINUATION + "UGFzc3dvcmQ6"; // "Password:"
        private static final String CANCEL = "*";

        Auth(SmtpCommand stock) {
            super(stock, false);
        }

        @Override
        boolean answerFirst(ConnectionSession session, SmtpConnection conn, SmtpState state, SmtpManager manager,
                            String commandLine) {
            String[] parts = commandLine.trim().split(" +");
            if (parts.length == 2 && "PLAIN".equalsIgnoreCase(parts[1]) && !conn.isAuthenticated()) {
                return plainAfterContinuation(session, conn, state, manager);
            }
            if (parts.length < 2 || parts.length > 3 || !"LOGIN".equalsIgnoreCase(parts[1]) || conn.isAuthenticated()) {
                return false;
            }
            String encodedUser;
            if (parts.length == 3) {
                encodedUser = parts[2];
            } else {
                conn.send(USER_NAME_PROMPT);
                encodedUser = response(conn);
                if (encodedUser == null || cancelled(conn, encodedUser)) {
                    return true;
                }
            }
            // "=" is an empty initial response (RFC 4954, 4)
            String user = parts.length == 3 && "=".equals(encodedUser) ? "" : EncodingUtil.decodeBase64(encodedUser);
            conn.send(PASSWORD_PROMPT);
            String encodedPassword = response(conn);
            if (encodedPassword == null || cancelled(conn, encodedPassword)) {
                return true;
            }
            String password = EncodingUtil.decodeBase64(encodedPassword);
            state.getMessage().setAuthenticationState(new LoginAuthenticationState(user, password));
            if (manager.getUserManager().test(user, password)) {
                conn.setAuthenticated(true);
                conn.send(ProtocolReplies.AUTH_SUCCEEDED);
            } else {
                conn.send(ProtocolReplies.AUTH_INVALID);
            }
            return true;
        }

        /**
         * {@code AUTH PLAIN} without an initial response: the credentials come after an empty
         * {@code 334}, or {@code *} cancels (GreenMail would read the star as credentials); they are
         * checked by GreenMail's command as an initial response. An empty line stays the empty
         * response ({@code =}), which cannot be read as credentials.
         */
        private boolean plainAfterContinuation(ConnectionSession session, SmtpConnection conn, SmtpState state,
                                               SmtpManager manager) {
            conn.send(AuthCommand.SMTP_SERVER_CONTINUATION);
            String credentials = response(conn);
            if (credentials == null || cancelled(conn, credentials)) {
                return true;
            }
            String initialResponse = credentials.trim().isEmpty() ? "=" : credentials.trim();
            try {
                runStock(session, conn, state, manager, "AUTH PLAIN " + initialResponse);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        }

        @Override
        void runStock(ConnectionSession session, SmtpConnection conn, SmtpState state, SmtpManager manager,
                      String commandLine) throws IOException {
            session.connection().rewording(ProtocolReplies::auth,
                    () -> super.runStock(session, conn, state, manager, commandLine));
        }

        /** The client's next line, or null when it has gone. */
        private static String response(SmtpConnection conn) {
            try {
                return conn.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** True, after answering {@code 501}, when the client's response cancels the exchange. */
        private static boolean cancelled(SmtpConnection conn, String response) {
            if (!CANCEL.equals(response.trim())) {
                return false;
            }
            conn.send(ProtocolReplies.AUTH_CANCELLED);
            return true;
        }
    }

    /**
     * MAIL FROM: refused with 503 inside a transaction and 501 when malformed; a {@code SIZE}
     * parameter over the limit gets {@code 552 5.3.4}, a parameter the receiver does not offer
     * {@code 555 5.5.4}. GreenMail skips its sender check for the null
     * reverse path {@code <>} and then refuses RCPT for want of a return path. Here {@code <>} is
     * checked like any sender and gets an empty return path, so bounces can be received.
     */
    static final class Mail extends SessionCommand {
        private static final Pattern SYNTAX = Pattern.compile("MAIL FROM:\\s?<[^>]*>(.*)", Pattern.CASE_INSENSITIVE);
        private static final Pattern NULL_SENDER = Pattern.compile("MAIL FROM:\\s?<>.*", Pattern.CASE_INSENSITIVE);
        /** An ESMTP keyword (RFC 5321, 4.1.2). */
        private static final Pattern KEYWORD = Pattern.compile("[A-Z0-9][A-Z0-9-]*");

        Mail(SmtpCommand stock) {
            super(stock, false);
        }

        @Override
        boolean answerFirst(ConnectionSession session, SmtpConnection conn, SmtpState state, SmtpManager manager,
                            String commandLine) {
            if (state.getMessage().getReturnPath() != null) {
                session.protocolError(ProtocolReplies.NESTED_MAIL);
                return true;
            }
            Matcher syntax = SYNTAX.matcher(commandLine);
            if (!syntax.matches()) {
                session.protocolError(ProtocolReplies.MAIL_SYNTAX);
                return true;
            }
            if (hasBadAddressCharacter(commandLine)) {
                session.protocolError(ProtocolReplies.BAD_SENDER);
                return true;
            }
            if (refusedParameters(session, syntax.group(1))) {
                return true;
            }
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
        void runStock(ConnectionSession session, SmtpConnection conn, SmtpState state, SmtpManager manager,
                      String commandLine) throws IOException {
            super.runStock(session, conn, state, manager, withoutSourceRoute(commandLine));
        }

        @Override
        void afterStock(ConnectionSession session, SmtpState state, String commandLine) {
            if (NULL_SENDER.matcher(commandLine).matches() && state.getMessage().getReturnPath() == null) {
                state.getMessage().setReturnPath(new MailAddress(""));
            }
        }

        /**
         * Answers the parameters after the reverse path when one is refused; true when answered. The
         * receiver offers {@code SIZE} (RFC 1870: malformed {@code 501}, over the limit {@code 552
         * 5.3.4}), {@code BODY=7BIT|8BITMIME} (RFC 6152), {@code AUTH=} (RFC 4954) and {@code SMTPUTF8}
         * (RFC 6531, no value); any other keyword gets {@code 555 5.5.4} (RFC 5321, 4.1.1.11), as from
         * Postfix, and a malformed or repeated parameter {@code 501 5.5.4}.
         */
        private static boolean refusedParameters(ConnectionSession session, String parameters) {
            if (parameters.isBlank()) {
                return false;
            }
            if (!Character.isWhitespace(parameters.charAt(0))) {
                session.protocolError(ProtocolReplies.MAIL_SYNTAX);
                return true;
            }
            Set<String> seen = new HashSet<>();
            for (String parameter : parameters.trim().split("\\s+")) {
                int equals = parameter.indexOf('=');
                String keyword = (equals < 0 ? parameter : parameter.substring(0, equals)).toUpperCase(Locale.ROOT);
                String value = equals < 0 ? null : parameter.substring(equals + 1);
                if (!KEYWORD.matcher(keyword).matches()) {
                    session.protocolError(ProtocolReplies.BAD_ARGUMENTS);
                    return true;
                }
                if (!seen.add(keyword)) {
                    session.protocolError(ProtocolReplies.DUPLICATE_PARAMETER);
                    return true;
                }
                boolean refused = switch (keyword) {
                    case "SIZE" -> refusedBySize(session, value);
                    case "BODY" -> refusedIf(session, value == null
                            || !value.equalsIgnoreCase("7BIT") && !value.equalsIgnoreCase("8BITMIME"), ProtocolReplies.BODY_SYNTAX);
                    case "AUTH" -> refusedIf(session, value == null || value.isEmpty(), ProtocolReplies.BAD_ARGUMENTS);
                    case "SMTPUTF8" -> refusedIf(session, value != null, ProtocolReplies.BAD_ARGUMENTS);
                    default -> refusedIf(session, true, ProtocolReplies.unsupportedParameter(keyword));
                };
                if (refused) {
                    return true;
                }
            }
            return false;
        }

        private static boolean refusedIf(ConnectionSession session, boolean refused, String reply) {
            if (refused) {
                session.protocolError(reply);
            }
            return refused;
        }

        /** Answers a declared size (RFC 1870) that is malformed or over the limit; true when answered. */
        private static boolean refusedBySize(ConnectionSession session, String value) {
            String digits = value == null ? "" : value.replaceFirst("^0+(?=\\d)", "");
            if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                session.protocolError(ProtocolReplies.SIZE_SYNTAX);
                return true;
            }
            long max = session.runtime().limits().maxMessageSize();
            if (digits.length() > 18 || Long.parseLong(digits) > max) {
                session.label(ProtocolReplies.messageSize(max));
                session.connection().send(ProtocolReplies.MESSAGE_TOO_BIG);
                return true;
            }
            return false;
        }
    }

    /**
     * RCPT TO: refused with 503 before MAIL and 501 when malformed. Unlike the reverse path, a
     * forward path is never empty (RFC 5321, 4.1.1.3): {@code RCPT TO:<>} is malformed. The receiver
     * offers no RCPT parameter ({@code NOTIFY} and {@code ORCPT} belong to DSN, which it does not
     * advertise): any gets {@code 555 5.5.4}. Past the recipient limit, {@code 452 4.5.3}.
     */
    static final class Rcpt extends SessionCommand {
        private static final Pattern SYNTAX = Pattern.compile("RCPT TO:\\s?<[^>]*>(.*)", Pattern.CASE_INSENSITIVE);

        Rcpt(SmtpCommand stock) {
            super(stock, false);
        }

        @Override
        boolean answerFirst(ConnectionSession session, SmtpConnection conn, SmtpState state, SmtpManager manager,
                            String commandLine) {
            if (state.getMessage().getReturnPath() == null) {
                session.protocolError(ProtocolReplies.NEED_MAIL);
                return true;
            }
            Matcher syntax = SYNTAX.matcher(commandLine);
            if (!syntax.matches()
                    || commandLine.substring(commandLine.indexOf('<') + 1, commandLine.indexOf('>')).isBlank()
                    || !syntax.group(1).isEmpty() && !Character.isWhitespace(syntax.group(1).charAt(0))) {
                session.protocolError(ProtocolReplies.RCPT_SYNTAX);
                return true;
            }
            if (hasBadAddressCharacter(commandLine)) {
                session.protocolError(ProtocolReplies.BAD_RECIPIENT);
                return true;
            }
            String parameters = syntax.group(1).trim();
            if (!parameters.isEmpty()) {
                String keyword = parameters.split("[\\s=]", 2)[0];
                session.protocolError(ProtocolReplies.unsupportedParameter(keyword.toUpperCase(Locale.ROOT)));
                return true;
            }
            int max = session.runtime().limits().maxRecipients();
            if (session.recipientCount(state.getMessage()) >= max) {
                session.label(ProtocolReplies.recipientLimit(max));
                conn.send(ProtocolReplies.TOO_MANY_RECIPIENTS);
                return true;
            }
            return false;
        }

        @Override
        void runStock(ConnectionSession session, SmtpConnection conn, SmtpState state, SmtpManager manager,
                      String commandLine) throws IOException {
            super.runStock(session, conn, state, manager, withoutSourceRoute(commandLine));
        }
    }

    /**
     * DATA: refused with 503 before MAIL or before an accepted RCPT; otherwise answered here, not
     * by GreenMail's command, so that the message is kept as the octets received and never parsed
     * as MIME on the way in: {@code 354}, the data read to the final dot after the same trace
     * headers GreenMail writes ({@code Return-Path}, {@code Received}), the DATA-stage check, then
     * {@code 250 OK} once stored. A refused message ends the transaction, as it does on real
     * servers, so the next DATA needs a new MAIL FROM.
     */
    static final class Data extends SessionCommand {
        static final String START_INPUT = "354 Start mail input; end with <CRLF>.<CRLF>";
        static final String STORED = "250 OK";
        static final String NOT_STORED = "451 Requested action aborted: local error in processing";

        Data(SmtpCommand stock) {
            super(stock, false);
        }

        @Override
        boolean answerFirst(ConnectionSession session, SmtpConnection conn, SmtpState state, SmtpManager manager,
                            String commandLine) {
            MovingMessage message = state.getMessage();
            if (message.getReturnPath() == null) {
                session.protocolError(ProtocolReplies.NEED_MAIL);
                return true;
            }
            if (session.recipientsOf(message).isEmpty()) {
                session.protocolError(ProtocolReplies.NEED_RCPT);
                return true;
            }
            conn.send(START_INPUT);
            SmtpInput.MessageData data = session.connection().readMessage(
                    traceHeaders(message, conn).getBytes(StandardCharsets.UTF_8));
            session.received(data.content());
            String refusal = manager.checkData(state);
            if (refusal != null) {
                conn.send(refusal);
            } else {
                try {
                    manager.send(state);
                    conn.send(STORED);
                } catch (RuntimeException e) {
                    LOG.warn("SMTP connection {}: the message could not be stored: {}", session.id(), e.toString(), e);
                    conn.send(NOT_STORED);
                }
            }
            session.received(null);
            state.clearMessage();
            return true;
        }

        /** GreenMail's trace headers, line breaks taken out of what the client chose. */
        private static String traceHeaders(MovingMessage message, SmtpConnection conn) {
            return "Return-Path: <" + oneLine(message.getReturnPath().getEmail()) + ">\r\n"
                    + "Received: from " + conn.getClientAddress() + " (HELO " + oneLine(conn.getHeloName()) + "); "
                    + TraceDate.now() + "\r\n";
        }

        private static String oneLine(String value) {
            return value == null ? null : value.replace("\r", "").replace("\n", "");
        }
    }

    /**
     * The MAIL or RCPT command line with the source route taken out of its path
     * ({@code <@relay.test,@other.test:user@host>} becomes {@code <user@host>}): RFC 5321 (4.1.1.3,
     * appendix C) asks a server to accept such a route and to ignore it, so the rules, the
     * transcript's recipients and the stored message see the mailbox. The transcript keeps the
     * command as received.
     */
    static String withoutSourceRoute(String commandLine) {
        int open = commandLine.indexOf('<');
        if (open < 0 || open + 1 >= commandLine.length() || commandLine.charAt(open + 1) != '@') {
            return commandLine;
        }
        int close = commandLine.indexOf('>', open);
        int colon = commandLine.indexOf(':', open);
        if (close < 0 || colon < 0 || colon + 1 >= close) {
            return commandLine;
        }
        return commandLine.substring(0, open + 1) + commandLine.substring(colon + 1);
    }

    /**
     * Whether the path in angle brackets holds what no address may (RFC 5321, 4.1.2): a control
     * character, or a space outside a quoted local part ({@code <"john doe"@example.com>} is one).
     */
    static boolean hasBadAddressCharacter(String commandLine) {
        int open = commandLine.indexOf('<');
        int close = commandLine.indexOf('>', open + 1);
        boolean quoted = false;
        for (int i = open + 1; i < close; i++) {
            char c = commandLine.charAt(i);
            if (c < ' ' || c == 0x7f) {
                return true;
            }
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                return true;
            }
        }
        return false;
    }

    static boolean isQuit(String name) {
        return "QUIT".equals(name.toUpperCase(Locale.ROOT));
    }
}
