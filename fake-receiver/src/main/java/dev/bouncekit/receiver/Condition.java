package dev.bouncekit.receiver;

import dev.bouncekit.reply.SmtpStage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link ReplyRule} looks at: the recipient, the recipient's domain, the sender, the
 * sender's domain, the HELO/EHLO name, the client's IP address, or nothing at all ({@link #any()}).
 *
 * <p>Patterns are compared case-insensitively, either exactly or as a glob in which {@code *}
 * stands for any run of characters (also none): {@code *.example.org}, {@code *@spammy.test},
 * {@code 10.0.*}. No other character is special. For the sender, the empty pattern matches the
 * null reverse path {@code MAIL FROM:<>}.
 *
 * <p>Each kind of condition is known from a certain stage on: the client from CONNECT, the HELO
 * name from EHLO, the sender from MAIL, the recipient from RCPT. At DATA a recipient condition
 * matches when any recipient accepted in the transaction matches.
 *
 * <p>Conditions combine with {@link #and(Condition)}: {@code recipient(...).and(helo(...))} holds
 * when every part holds, and is known from the latest stage of its parts.
 */
public final class Condition {

    /** The fact a condition looks at. */
    public enum Subject {
        /** Matches every connection and command. */
        ANY("any", SmtpStage.CONNECT),
        /** The client's IP address, e.g. {@code 127.0.0.1}. */
        CLIENT("client", SmtpStage.CONNECT),
        /** The name given in {@code EHLO}/{@code HELO}. */
        HELO("helo", SmtpStage.EHLO),
        /** The {@code MAIL FROM} address. */
        SENDER("sender", SmtpStage.MAIL),
        /** The domain of the {@code MAIL FROM} address. */
        SENDER_DOMAIN("senderDomain", SmtpStage.MAIL),
        /** The {@code RCPT TO} address. */
        RECIPIENT("recipient", SmtpStage.RCPT),
        /** The domain of the {@code RCPT TO} address. */
        RECIPIENT_DOMAIN("recipientDomain", SmtpStage.RCPT);

        private final String key;
        private final SmtpStage knownFrom;

        Subject(String key, SmtpStage knownFrom) {
            this.key = key;
            this.knownFrom = knownFrom;
        }

        /** The name used in scenario files and the HTTP API: {@code recipientDomain}. */
        public String key() {
            return key;
        }

        /** The first stage at which the receiver knows this fact. */
        public SmtpStage knownFrom() {
            return knownFrom;
        }

        /** The subject with this scenario key, case-insensitive, or null. */
        public static Subject ofKey(String key) {
            for (Subject s : values()) {
                if (s.key.equalsIgnoreCase(key)) {
                    return s;
                }
            }
            return null;
        }
    }

    private static final Condition ANY = new Condition(Subject.ANY, "*");

    private final Subject subject;
    private final String pattern;
    private final String[] parts;
    private final List<Condition> also;

    private Condition(Subject subject, String pattern) {
        this(subject, pattern, List.of());
    }

    private Condition(Subject subject, String pattern, List<Condition> also) {
        this.subject = subject;
        this.pattern = pattern;
        this.parts = split(pattern.toLowerCase(Locale.ROOT));
        this.also = List.copyOf(also);
    }

    /** A condition that holds when this one and {@code other} both hold. */
    public Condition and(Condition other) {
        Objects.requireNonNull(other, "other");
        if (subject == Subject.ANY) {
            return other;
        }
        if (other.subject == Subject.ANY) {
            return this;
        }
        List<Condition> more = new ArrayList<>(also);
        more.addAll(other.parts());
        return new Condition(subject, pattern, more);
    }

    /** The simple conditions that must all hold, this one's own first; one for a simple condition. */
    public List<Condition> parts() {
        if (also.isEmpty()) {
            return List.of(this);
        }
        List<Condition> out = new ArrayList<>();
        out.add(new Condition(subject, pattern));
        out.addAll(also);
        return out;
    }

    /** The first stage at which every part is known. */
    public SmtpStage knownFrom() {
        SmtpStage latest = subject.knownFrom;
        for (Condition c : also) {
            latest = c.subject.knownFrom.compareTo(latest) > 0 ? c.subject.knownFrom : latest;
        }
        return latest;
    }

    /** The keys of what the condition looks at: {@code recipient}, {@code recipient and helo}. */
    public String describeSubjects() {
        StringBuilder out = new StringBuilder(subject.key);
        for (Condition c : also) {
            out.append(" and ").append(c.subject.key);
        }
        return out.toString();
    }

    /** Matches everything. */
    public static Condition any() {
        return ANY;
    }

    /** The client's IP address, exact or glob ({@code 192.168.*}). */
    public static Condition client(String pattern) {
        return of(Subject.CLIENT, pattern);
    }

    /** The HELO/EHLO name, exact or glob ({@code *.internal}). */
    public static Condition helo(String pattern) {
        return of(Subject.HELO, pattern);
    }

    /** The envelope sender, exact or glob ({@code *@spammy.test}); empty matches {@code <>}. */
    public static Condition sender(String pattern) {
        return of(Subject.SENDER, pattern);
    }

    /** The envelope sender's domain, exact or glob ({@code *.spammy.test}). */
    public static Condition senderDomain(String pattern) {
        return of(Subject.SENDER_DOMAIN, pattern);
    }

    /** The envelope recipient, exact or glob ({@code ghost@gmail.com}, {@code *@gmail.com}). */
    public static Condition recipient(String pattern) {
        return of(Subject.RECIPIENT, pattern);
    }

    /** The envelope recipient's domain, exact or glob ({@code *.example.org}). */
    public static Condition recipientDomain(String pattern) {
        return of(Subject.RECIPIENT_DOMAIN, pattern);
    }

    /**
     * A condition of the given kind.
     *
     * <p>A sender or recipient pattern in angle brackets, as written on the wire ({@code <ghost@gmail.com>},
     * {@code <>}), stands for the address inside them.
     *
     * @throws IllegalArgumentException for a null, blank (except the null sender) or multi-line pattern
     */
    public static Condition of(Subject subject, String pattern) {
        Objects.requireNonNull(subject, "subject");
        if (subject == Subject.ANY) {
            return ANY;
        }
        if (pattern == null) {
            throw new IllegalArgumentException(subject.key + ": a pattern is required");
        }
        String p = pattern.trim();
        if ((subject == Subject.SENDER || subject == Subject.RECIPIENT) && p.length() >= 2 && p.startsWith("<") && p.endsWith(">")) {
            // as written on the wire (RCPT TO:<ghost@gmail.com>): the envelope address is what is inside
            p = p.substring(1, p.length() - 1).trim();
        }
        if (p.isEmpty() && subject != Subject.SENDER) {
            throw new IllegalArgumentException(subject.key + ": the pattern must not be empty");
        }
        for (int i = 0; i < p.length(); i++) {
            if (Character.isISOControl(p.charAt(i))) {
                throw new IllegalArgumentException(subject.key + ": the pattern must not contain control characters");
            }
        }
        return new Condition(subject, p);
    }

    /** What the condition (its first part, for a combined one) looks at. */
    public Subject subject() {
        return subject;
    }

    /** The pattern (of its first part) as given (trimmed); {@code *} for {@link #any()}. */
    public String pattern() {
        return pattern;
    }

    /** True when the receiver knows this condition's subject at the given stage. */
    public boolean canMatchAt(SmtpStage stage) {
        return stage.compareTo(knownFrom()) >= 0;
    }

    /**
     * True when the value (already lower-cased by the caller) matches the pattern of the first part.
     * Runs in time linear in the value's length times the number of {@code *}.
     */
    public boolean matchesValue(String lowerCaseValue) {
        if (subject == Subject.ANY) {
            return true;
        }
        return lowerCaseValue != null && glob(parts, lowerCaseValue);
    }

    private static String[] split(String pattern) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= pattern.length(); i++) {
            if (i == pattern.length() || pattern.charAt(i) == '*') {
                out.add(pattern.substring(start, i));
                start = i + 1;
            }
        }
        return out.toArray(new String[0]);
    }

    /** parts[0] must be a prefix, parts[last] a suffix, the rest must appear in order in between. */
    private static boolean glob(String[] parts, String value) {
        if (parts.length == 1) {
            return parts[0].equals(value);
        }
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (value.length() < first.length() + last.length()
                || !value.startsWith(first) || !value.endsWith(last)) {
            return false;
        }
        int from = first.length();
        int end = value.length() - last.length();
        for (int i = 1; i < parts.length - 1; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                continue;
            }
            int at = value.indexOf(part, from);
            if (at < 0 || at + part.length() > end) {
                return false;
            }
            from = at + part.length();
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Condition c && c.subject == subject && c.pattern.equalsIgnoreCase(pattern)
                && c.also.equals(also);
    }

    @Override
    public int hashCode() {
        return (subject.hashCode() * 31 + pattern.toLowerCase(Locale.ROOT).hashCode()) * 31 + also.hashCode();
    }

    /** {@code recipient=ghost@gmail.com}, {@code recipient=*@gmail.com and helo=bad.test}, or {@code any}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(subject == Subject.ANY ? "any" : subject.key + "=" + pattern);
        for (Condition c : also) {
            out.append(" and ").append(c);
        }
        return out.toString();
    }
}
