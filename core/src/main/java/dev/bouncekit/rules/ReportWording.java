package dev.bouncekit.rules;

import dev.bouncekit.status.EnhancedStatusCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tells a delivery-failure report in the reporting system's own words: a text that introduces the
 * recipient it could not deliver to with one of a report's lead-ins ("The following address(es)
 * failed:", "Your message to X couldn't be delivered.", "mail.local: ", Postfix's
 * {@code <user@example.org>: reason}) and quotes no SMTP reply
 * (no reply code such as {@code 550}, no enhanced status such as {@code 5.1.1}). Such a report says
 * what the reporting system found itself, not what a remote server answered at some stage.
 * Data: {@code /dev/bouncekit/rules/report-lead-ins.txt}.
 */
public final class ReportWording {

    private static final ReportWording BUILT_IN = load();

    /** Lower-cased lead-ins. */
    private final List<String> leadIns;

    private ReportWording(List<String> leadIns) {
        this.leadIns = List.copyOf(leadIns);
    }

    /** The built-in lead-ins. */
    public static ReportWording builtIn() {
        return BUILT_IN;
    }

    /**
     * Whether {@code text} is a report in its own words: a lead-in, and no reply code or enhanced
     * status quoted anywhere in it. Linear in the text's length times the number of lead-ins.
     */
    public boolean isOwnReport(String text) {
        if (text == null || text.isEmpty() || quotesReply(text)) {
            return false;
        }
        if (startsWithRecipient(text)) {
            return true;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String leadIn : leadIns) {
            if (lower.contains(leadIn)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Postfix's and qmail's bounce name each failed recipient at the start of its line:
     * {@code <user@example.org>: reason} (Postfix bounce(5), qmail-send; Sisimai 4.25
     * Lhost/Postfix.pm, Lhost/qmail.pm).
     */
    private static boolean startsWithRecipient(String text) {
        if (text.charAt(0) != '<') {
            return false;
        }
        int close = text.indexOf(">:");
        int at = text.indexOf('@');
        return close > 0 && at > 0 && at < close && text.indexOf(' ') > close;
    }

    /**
     * Whether the text quotes a server's reply: a token of three digits from 400 to 599 standing
     * alone ({@code "said: 550 No such user"}, {@code "smtp;550"}) or an enhanced status
     * {@code 4.x.x}/{@code 5.x.x} that is not part of a longer dotted number such as an IP address.
     */
    static boolean quotesReply(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if ((c != '4' && c != '5') || (i > 0 && isNumberChar(text.charAt(i - 1)))) {
                continue;
            }
            int end = i + 1;
            while (end < n && Character.isDigit(text.charAt(end))) {
                end++;
            }
            if (end - i == 3 && (end == n || !isNumberChar(text.charAt(end)) || text.charAt(end) == '-')) {
                return true;
            }
            if (end - i == 1 && EnhancedStatusCode.standsAt(text, i, 0, n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumberChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_';
    }

    private static ReportWording load() {
        String resource = "/dev/bouncekit/rules/report-lead-ins.txt";
        InputStream in = ReportWording.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("report lead-ins missing from the class path: " + resource);
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String t = line.trim();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        return new ReportWording(out);
    }
}
