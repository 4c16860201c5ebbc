package dev.bouncekit.bench;

import java.util.List;

/**
 * One way of sending in the comparison with smtp-sink: Postfix's {@code smtp-source} with reused or
 * new connections and 1 or 4 sessions at once, or the {@link EhloProbe}, which opens a connection,
 * reads the greeting, says EHLO and QUIT, and sends no mail.
 *
 * @param label        the row's name
 * @param sourceFlags  {@code smtp-source}'s flags for the mode, or null for the EHLO probe
 * @param targetOfSink the least share of smtp-sink's rate the issue asks of serve in this mode, or 0
 */
public record SmtpSourceMode(String label, List<String> sourceFlags, double targetOfSink) {

    /** The five modes, in the order of the table. */
    public static List<SmtpSourceMode> all() {
        return List.of(
                new SmtpSourceMode("reused connections, 4 sessions (-d -s 4)", List.of("-d", "-s", "4"), 0.5),
                new SmtpSourceMode("reused, 1 session (-d -s 1)", List.of("-d", "-s", "1"), 0),
                new SmtpSourceMode("connection per message, 4 sessions (-s 4)", List.of("-s", "4"), 0),
                new SmtpSourceMode("connection per message, 1 session (-s 1)", List.of("-s", "1"), 0),
                new SmtpSourceMode("EHLO, connection per message (probe)", null, 0.5));
    }

    /** True for the EHLO probe, which is not smtp-source. */
    public boolean isProbe() {
        return sourceFlags == null;
    }
}
