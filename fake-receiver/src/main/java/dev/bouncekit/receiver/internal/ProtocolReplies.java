package dev.bouncekit.receiver.internal;

import com.icegreen.greenmail.smtp.commands.AuthCommand;

import java.time.Duration;
import java.util.Locale;

/**
 * The replies the receiver gives on its own, for protocol errors and limits, worded as common
 * servers (Postfix, Exim, Exchange) word them and always with an enhanced status code.
 */
final class ProtocolReplies {

    static final String UNRECOGNIZED = "500 5.5.2 Syntax error, command unrecognized";
    static final String LINE_TOO_LONG = "500 5.5.2 Line too long";
    static final String NEED_MAIL = "503 5.5.1 Error: need MAIL command";
    static final String NEED_RCPT = "503 5.5.1 Error: need RCPT command";
    static final String NESTED_MAIL = "503 5.5.1 Error: nested MAIL command";
    static final String MAIL_SYNTAX = "501 5.5.4 Syntax: MAIL FROM:<address>";
    static final String RCPT_SYNTAX = "501 5.5.4 Syntax: RCPT TO:<address>";
    static final String BAD_SENDER = "501 5.1.7 Bad sender address syntax";
    static final String BAD_RECIPIENT = "501 5.1.3 Bad recipient address syntax";
    static final String SIZE_SYNTAX = "501 5.5.4 Bad message size syntax";
    static final String BAD_ARGUMENTS = "501 5.5.4 Syntax error in parameters or arguments";
    static final String LOCAL_ERROR = "451 4.3.0 Requested action aborted: local error in processing";
    static final String TOO_MANY_CONNECTIONS = "421 4.7.0 Too many connections, try again later";
    static final String TOO_MANY_ERRORS = "421 4.7.0 Too many errors, closing connection";
    static final String TIMEOUT = "421 4.4.2 Error: timeout exceeded, closing connection";
    static final String MESSAGE_TOO_BIG = "552 5.3.4 Message size exceeds fixed maximum message size";
    static final String TOO_MANY_RECIPIENTS = "452 4.5.3 Error: too many recipients";
    static final String BODY_SYNTAX = "501 5.5.4 Bad BODY parameter value";
    static final String DUPLICATE_PARAMETER = "501 5.5.4 Error: parameter given twice";
    // AUTH (RFC 4954, section 6): GreenMail's replies have two spaces after the enhanced code, or
    // none at all, and some repeat the command line, credentials included
    static final String AUTH_SUCCEEDED = "235 2.7.0 Authentication Succeeded";
    static final String AUTH_INVALID = "535 5.7.8 Authentication credentials invalid";
    static final String AUTH_CANCELLED = "501 5.7.0 Authentication cancelled";
    static final String AUTH_ALREADY = "503 5.5.1 Error: already authenticated";
    static final String AUTH_SYNTAX = "501 5.5.4 Syntax: AUTH mechanism";
    static final String AUTH_UNKNOWN_MECHANISM = "504 5.5.4 Unrecognized authentication type";

    /** Protocol errors (500, 501, 503) one connection may make before it is closed, as in Postfix. */
    static final int MAX_ERRORS = 20;

    private ProtocolReplies() {
    }

    /**
     * The receiver's reply in place of one that GreenMail's AUTH command sends: the same outcome,
     * worded as RFC 4954 words it, with one space after the enhanced status code and without the
     * command line. Any other reply is returned as it is.
     */
    static String auth(String greenMailReply) {
        if (greenMailReply.equals(AuthCommand.AUTH_SUCCEDED)) {
            return AUTH_SUCCEEDED;
        }
        if (greenMailReply.equals(AuthCommand.AUTH_CREDENTIALS_INVALID)) {
            return AUTH_INVALID;
        }
        if (greenMailReply.equals(AuthCommand.AUTH_ALREADY_AUTHENTICATED)) {
            return AUTH_ALREADY;
        }
        if (greenMailReply.startsWith(AuthCommand.SMTP_SYNTAX_ERROR)) {
            // "... expected mechanism ...", "... Unsupported auth mechanism X ...", or a known
            // mechanism "... with unexpected values. Line is: <...>"
            return greenMailReply.contains("expected mechanism") ? AUTH_SYNTAX
                    : greenMailReply.contains("unexpected values") ? BAD_ARGUMENTS : AUTH_UNKNOWN_MECHANISM;
        }
        return greenMailReply;
    }

    /** The greeting when no rule answers the connection. */
    static String greeting(String hostname) {
        return "220 " + hostname + " ESMTP bouncekit";
    }

    /** The reply to {@code EHLO} or {@code HELO} ({@code verb}, any case) without a domain. */
    static String heloSyntax(String verb) {
        return "501 5.5.4 Syntax: " + verb.toUpperCase(Locale.ROOT) + " hostname";
    }

    /**
     * The EHLO reply: GreenMail's capabilities with {@code SIZE} and {@code 8BITMIME} added.
     * GreenMail offers {@code SMTPUTF8}, and RFC 6531 (section 3.1) requires a server that does
     * to offer {@code 8BITMIME} too; without it Postfix logs a complaint on every connection.
     * Message data is read as octets, so 8-bit bodies are stored as sent.
     */
    static String ehlo(String serverName, long maxMessageSize) {
        return "250-" + serverName + "\r\n"
                + "250-SIZE " + maxMessageSize + "\r\n"
                + "250-8BITMIME\r\n"
                + "250-AUTH " + AuthCommand.SUPPORTED_AUTH_MECHANISM + "\r\n"
                + "250 SMTPUTF8";
    }

    /** The transcript label of a reply given because a connection limit was hit. */
    static String connectionLimit(int max) {
        return "limit: max connections " + max;
    }

    /** The transcript label of a timeout. */
    static String idleTimeout(Duration timeout) {
        return "limit: idle timeout " + timeout.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** The transcript label of a size refusal. */
    static String messageSize(long max) {
        return "limit: max message size " + max;
    }

    /** The transcript label of a recipient refused for the recipient limit. */
    static String recipientLimit(int max) {
        return "limit: max recipients " + max;
    }

    /**
     * The reply to a {@code MAIL} or {@code RCPT} parameter the receiver does not offer (RFC 5321,
     * 4.1.1.11), as Postfix words it; the keyword is cut to 64 characters and kept to printable ASCII.
     */
    static String unsupportedParameter(String keyword) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < keyword.length() && shown.length() < 64; i++) {
            char c = keyword.charAt(i);
            shown.append(c > ' ' && c < 127 ? c : '?');
        }
        return "555 5.5.4 Unsupported option: " + shown;
    }

    /** The transcript label of the close after too many errors. */
    static String errorLimit() {
        return "limit: " + MAX_ERRORS + " protocol errors";
    }
}
