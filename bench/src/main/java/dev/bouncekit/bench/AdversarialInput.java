package dev.bouncekit.bench;

import java.util.Locale;

/**
 * Hostile reply texts of a chosen length, for checking that classification time grows linearly
 * with the input: nothing in them lets a matcher stop early.
 */
public enum AdversarialInput {

    /** {@code 550 5.5.5.5.5.5...}: an endless dotted number that looks like status codes everywhere. */
    STATUS_CODES("550 ", "5."),

    /** {@code 550 550 550 ...}: a basic code over and over, as continuation lines joined by spaces look. */
    REPEATED_CODES("550 ", "550 "),

    /** One word with no space at all, made of address, host and phrase fragments. */
    NO_SPACES("550-5.1.1", "user@unknown.mailbox-unavailable_rejected.5.7.1@"),

    /** Near misses of real phrases, over and over: every rule's first phrase almost matches. */
    NEAR_MISSES("550 5.1.1 ", "no such use recipient address rejecte mailbox unavailabl user unknow "),

    /** Near misses of Postfix's stage report, {@code in reply to ... command}: a y at every few characters. */
    NEAR_STAGE_REPORTS("550 5.1.1 ", "in reply tY (in Reply to RCPT TO commanY ");

    private final String head;
    private final String unit;

    AdversarialInput(String head, String unit) {
        this.head = head;
        this.unit = unit;
    }

    /** The text, exactly {@code length} characters long. */
    public String text(int length) {
        StringBuilder out = new StringBuilder(length + unit.length());
        out.append(head);
        while (out.length() < length) {
            out.append(unit);
        }
        out.setLength(length);
        return out.toString();
    }

    /** The name used in reports, e.g. {@code status-codes}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
