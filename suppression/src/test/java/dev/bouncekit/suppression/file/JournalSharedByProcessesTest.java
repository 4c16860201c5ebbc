package dev.bouncekit.suppression.file;

import dev.bouncekit.suppression.Bounce;
import dev.bouncekit.suppression.Suppression;
import dev.bouncekit.suppression.SuppressionPolicy;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
