package dev.bouncekit.suppression.file;

import dev.bouncekit.suppression.Bounce;
import dev.bouncekit.suppression.Suppression;
import dev.bouncekit.suppression.SuppressionPolicy;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One journal open in two processes, as James and the command line share it: each sees what the
 * other wrote, and neither loses the other's lines. The second process is a new JVM running
 * {@link JournalWriter}.
 */
class JournalSharedByProcessesTest {

    @TempDir
    Path dir;

    /** Writes in a journal from another process: {@code FILE COUNT} adds COUNT addresses, one change each. */
    public static final class JournalWriter {
        public static void main(String[] args) {
            try (JournalFileStore store = JournalFileStore.open(Path.of(args[0]))) {
                for (int i = 0; i < Integer.parseInt(args[1]); i++) {
                    store.put(Suppression.manual("other" + i + "@example.org", "suppressed", Instant.now(), null));
                }
                System.out.println(store.list(null, Integer.MAX_VALUE).size());
            }
        }
    }

    /**
     * Writes in a journal from another process, compacting it often: {@code FILE COUNT COMPACT_ABOVE}
     * records COUNT bounces of {@code shared@example.org} and adds COUNT addresses, one change each.
     */
    public static final class CompactingWriter {
        public static void main(String[] args) {
            int count = Integer.parseInt(args[1]);
            try (JournalFileStore store = JournalFileStore.open(Path.of(args[0]), () -> System.out.println("unreadable"),
                    Long.parseLong(args[2]))) {
                for (int i = 0; i < count; i++) {
                    store.record(new Bounce("shared@example.org", Reason.MAILBOXFULL, null, null, Instant.now()),
                            SuppressionPolicy.defaults());
                    store.put(Suppression.manual("other" + i + "@example.org", "suppressed", Instant.now(), null));
                }
                System.out.println(store.find("shared@example.org").orElseThrow().count());
            }
        }
    }

    private static String runWriter(Path journal, int count) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JournalWriter.class.getName(), journal.toString(), String.valueOf(count))
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void two_processes_writing_and_compacting_one_journal_at_once_lose_nothing() throws Exception {
        Path journal = dir.resolve("suppressions.journal");
        SuppressionPolicy policy = SuppressionPolicy.defaults();
        int theirs = 300;
        long compactAbove = 2_048;
        AtomicInteger unreadable = new AtomicInteger();
        try (JournalFileStore here = JournalFileStore.open(journal, unreadable::incrementAndGet, compactAbove)) {
            here.put(Suppression.manual("ghost@gmail.com", "userunknown", Instant.now(), null));
            Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CompactingWriter.class.getName(), journal.toString(),
                    String.valueOf(theirs), String.valueOf(compactAbove)).redirectErrorStream(true).start();
            long ours = 0;
            long missed = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            // write and look up for as long as the other process writes and compacts
            while (other.isAlive() && System.nanoTime() < deadline) {
                here.record(new Bounce("shared@example.org", Reason.MAILBOXFULL, null, null, Instant.now()), policy);
                ours++;
                if (here.suppressed(List.of("ghost@gmail.com"), Instant.now()).isEmpty()) {
                    missed++;
                }
            }
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String output = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(other.exitValue()).as(output).isZero();
            assertThat(output).doesNotContain("unreadable");
            assertThat(ours).as("writes here while the other process wrote").isGreaterThan(10);
            assertThat(missed).isZero();

            assertThat(here.find("shared@example.org").orElseThrow().count()).isEqualTo(ours + theirs);
            assertThat(here.list(null, 10_000)).hasSize(theirs + 2);
            // each bounce of shared@example.org wrote a line; only a compaction folds them into one (the file's
            // identity tells nothing: a later compaction's file may get the first file's inode back)
            assertThat(Files.readAllLines(journal).stream().filter(line -> line.contains("shared@example.org")))
                    .as("compacted: the bounces' lines folded").hasSizeLessThan((int) (ours + theirs));
        }
        assertThat(unreadable).hasValue(0);
        // 302 entries of less than 100 bytes
        assertThat(Files.size(journal)).as("at most twice the live entries").isLessThan(2 * 302 * 100);
        try (JournalFileStore reopened = JournalFileStore.open(journal)) {
            assertThat(reopened.list(null, 10_000)).hasSize(theirs + 2);
        }
    }

    @Test
    void writes_from_two_processes_on_one_open_journal_are_all_kept_and_seen_by_both() throws Exception {
        Path journal = dir.resolve("suppressions.journal");
        SuppressionPolicy policy = SuppressionPolicy.defaults();
        try (JournalFileStore here = JournalFileStore.open(journal)) {
            here.record(new Bounce("ghost@gmail.com", Reason.USERUNKNOWN, "gmail", "5.1.1", Instant.now()), policy);

            String seenThere = runWriter(journal, 50);

            assertThat(seenThere).as("entries the other process saw after its writes").isEqualTo("51");
            assertThat(here.suppressed(List.of("other49@example.org", "ghost@gmail.com"), Instant.now()))
                    .containsExactly("ghost@gmail.com", "other49@example.org");
            here.remove("other0@example.org");
            assertThat(here.list(null, 100)).hasSize(50);
        }
        try (JournalFileStore reopened = JournalFileStore.open(journal)) {
            assertThat(reopened.list(null, 100)).hasSize(50);
            assertThat(reopened.find("other0@example.org")).isEmpty();
        }
    }
}
