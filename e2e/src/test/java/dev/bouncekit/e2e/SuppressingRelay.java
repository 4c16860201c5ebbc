package dev.bouncekit.e2e;

import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.reply.SmtpStage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * James with the suppression list ({@code james-conf/mailetcontainer-suppress.xml}), and what the
 * suppression tests read: the repositories it adds, and the recipients the receiver was offered.
 */
final class SuppressingRelay {

    /** Mail IsSuppressed held back. */
    static final String SUPPRESSED = "memory://var/mail/suppressed/";
    /** Mail for the postmaster: the reputation alerts. */
    static final String POSTMASTER = "memory://var/mail/postmaster/";
    /** The store when none is named: a journal in James's var/ directory. */
    static final String JOURNAL = "file://var/bouncekit/suppressions.journal";

    private SuppressingRelay() {
    }

    /** James in {@code workDir}, relaying to {@code receiver}, recording in {@code store}. */
    static JamesRelay start(Path workDir, FakeReceiver receiver, String store) throws Exception {
        return JamesRelay.start(workDir, Map.of(
                "gatewayPort", String.valueOf(receiver.smtpPort()),
                "store", store,
                "cache", "10s",
                "jmxName", "smtpserver-" + workDir.getFileName()), "mailetcontainer-suppress.xml");
    }

    /** As {@link #start}, with James's WebAdmin and the suppression list's route on it. */
    static JamesRelay startWithWebAdmin(Path workDir, FakeReceiver receiver, String store) throws Exception {
        return JamesRelay.start(workDir, Map.of(
                "gatewayPort", String.valueOf(receiver.smtpPort()),
                "store", store,
                "cache", "10s",
                "jmxName", "smtpserver-" + workDir.getFileName()), "mailetcontainer-suppress.xml",
                List.of("webadmin.properties", "bouncekit-suppression.properties"));
    }

    /** How many times the receiver was offered {@code address} in a RCPT TO, over all connections so far. */
    static long rcptCount(FakeReceiver receiver, String address) {
        String needle = "<" + address.toLowerCase(Locale.ROOT) + ">";
        return receiver.transcript().stream()
                .flatMap(connection -> connection.exchangesAt(SmtpStage.RCPT).stream())
                .filter(exchange -> exchange.command().toLowerCase(Locale.ROOT).contains(needle))
                .count();
    }

    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
