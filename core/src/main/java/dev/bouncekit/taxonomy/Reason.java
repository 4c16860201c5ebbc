package dev.bouncekit.taxonomy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why a message was not delivered, in the vocabulary of Sisimai 5.5, with who must act and what
 * to do. Only {@link #USERUNKNOWN}, {@link #HOSTUNKNOWN} and {@link #HASMOVED} are always hard;
 * {@link #NOTACCEPT} is hard when permanent (see {@link #isHard(boolean)}).
 */
public enum Reason {
    USERUNKNOWN(Owner.RECIPIENT, Action.SUPPRESS, "the recipient's mailbox does not exist"),
    HOSTUNKNOWN(Owner.RECIPIENT, Action.SUPPRESS, "the recipient's domain does not exist"),
    HASMOVED(Owner.RECIPIENT, Action.SUPPRESS, "the mailbox has moved, no forwarding address"),
    NOTACCEPT(Owner.RECIPIENT, Action.SUPPRESS, "the destination accepts no mail (null MX, no MX)"),
    SUSPEND(Owner.RECIPIENT, Action.RETRY_THEN_SUPPRESS, "the recipient's account is disabled or suspended"),
    MAILBOXFULL(Owner.RECIPIENT, Action.RETRY_THEN_SUPPRESS, "the recipient's mailbox is over quota"),
    FILTERED(Owner.RECIPIENT, Action.RETRY_THEN_SUPPRESS, "refused after DATA by a recipient-side filter"),
    MAILERERROR(Owner.RECIPIENT, Action.RETRY_THEN_SUPPRESS, "the recipient's local mailer failed"),
    SUPPRESSED(Owner.RECIPIENT, Action.SUPPRESS, "not sent: the address is on a suppression list"),
    REJECTED(Owner.SENDER, Action.FIX_SENDER, "the envelope sender (MAIL FROM) was refused"),
    BLOCKED(Owner.SENDER, Action.FIX_SENDER, "the client IP, host or HELO was refused (block lists)"),
    BADREPUTATION(Owner.SENDER, Action.FIX_SENDER, "the sending IP or domain has a poor reputation"),
    REQUIREPTR(Owner.SENDER, Action.FIX_SENDER, "the sending IP has no valid reverse DNS (PTR)"),
    AUTHFAILURE(Owner.SENDER, Action.FIX_SENDER, "SPF, DKIM, DMARC or ARC failed"),
    SECURITYERROR(Owner.SENDER, Action.FIX_SENDER, "another security or authorisation failure"),
    NORELAYING(Owner.SENDER, Action.FIX_SENDER, "relaying denied: wrong route or configuration"),
    FAILEDSTARTTLS(Owner.SENDER, Action.FIX_SENDER, "STARTTLS, TLS, DANE, MTA-STS or REQUIRETLS failed"),
    RATELIMITED(Owner.SENDER, Action.RETRY, "too many messages, recipients or connections: slow down"),
    SYNTAXERROR(Owner.SENDER, Action.FIX_SENDER, "an SMTP command syntax or sequence error"),
    SPAMDETECTED(Owner.MESSAGE, Action.FIX_MESSAGE, "the content was judged to be spam"),
    VIRUSDETECTED(Owner.MESSAGE, Action.FIX_MESSAGE, "a virus or malware was found"),
    CONTENTERROR(Owner.MESSAGE, Action.FIX_MESSAGE, "the header or MIME format was refused"),
    POLICYVIOLATION(Owner.MESSAGE, Action.REVIEW, "the destination's policy refused the message"),
    EMAILTOOLARGE(Owner.MESSAGE, Action.FIX_MESSAGE, "the message is too large"),
    NOTCOMPLIANTRFC(Owner.MESSAGE, Action.FIX_MESSAGE, "the message violates RFC 5322"),
    SYSTEMERROR(Owner.TRANSIENT, Action.RETRY, "the remote system failed"),
    SYSTEMFULL(Owner.TRANSIENT, Action.RETRY, "the remote system's disk is full"),
    NETWORKERROR(Owner.TRANSIENT, Action.RETRY, "DNS, routing or connection problem"),
    EXPIRED(Owner.TRANSIENT, Action.REVIEW, "delivery time expired: retries exhausted"),
    ONHOLD(Owner.UNKNOWN, Action.REVIEW, "there is text but no decision"),
    UNDEFINED(Owner.UNKNOWN, Action.REVIEW, "there is no diagnostic text");

    private final Owner owner;
    private final Action action;
    private final String description;

    Reason(Owner owner, Action action, String description) {
        this.owner = owner;
        this.action = action;
        this.description = description;
    }

    /** The Sisimai name, e.g. {@code userunknown}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Who must act. */
    public Owner owner() {
        return owner;
    }

    /** The suggested action when the failure is permanent, or for reasons whose action never varies. */
    public Action action() {
        return action;
    }

    /**
     * The suggested action for a failure of this reason: {@link #NOTACCEPT} suggests
     * {@link Action#RETRY} when the failure is temporary.
     */
    public Action action(boolean permanent) {
        return this == NOTACCEPT && !permanent ? Action.RETRY : action;
    }

    /** One line saying what the reason means. */
    public String description() {
        return description;
    }

    /**
     * Sisimai's hard-bounce flag: always for userunknown, hostunknown and hasmoved; for notaccept
     * when the failure is permanent; never otherwise.
     */
    public boolean isHard(boolean permanent) {
        return switch (this) {
            case USERUNKNOWN, HOSTUNKNOWN, HASMOVED -> true;
            case NOTACCEPT -> permanent;
            default -> false;
        };
    }

    /** Reads a Sisimai name (case-insensitive), also the pre-5.5 names folded into newer ones. */
    public static Optional<Reason> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String n = id.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "mesgtoobig", "exceedlimit" -> n = "emailtoolarge";
            case "speeding", "toomanyconn" -> n = "ratelimited";
            default -> { }
        }
        for (Reason reason : values()) {
            if (reason.id().equals(n)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #parse(String)}, throwing a message that lists the known names. */
    public static Reason fromId(String id) {
        return parse(id).orElseThrow(() -> new IllegalArgumentException("unknown reason '" + id + "'; use one of "
                + Arrays.stream(values()).map(Reason::id).collect(Collectors.joining(", "))));
    }
}
