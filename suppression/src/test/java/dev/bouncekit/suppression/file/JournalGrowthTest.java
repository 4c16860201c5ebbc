package dev.bouncekit.suppression.file;

import dev.bouncekit.suppression.Bounce;
import dev.bouncekit.suppression.Suppression;
import dev.bouncekit.suppression.SuppressionPolicy;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journal that James appends to for months: it is compacted while the store runs, so it stays
 * bounded, and one that did grow past 2 GiB is still read to its end.
 */
class JournalGrowthTest {

    /** Past {@link Integer#MAX_VALUE}: where an {@code int} position or a single byte array ends. */
    private static final long PAST_2_GIB = (1L << 31) + 4096;

    @TempDir
    Path dir;

    private static final SuppressionPolicy POLICY = SuppressionPolicy.defaults();
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static String record(String address) {
        return "P\t" + address + "\tuserunknown\t-\t-\t1\t1\t1\t1\t1\t1\t-\n";
    }

    /**
     * Writes {@code text} at {@code position}, past the end of the file: the file system keeps the
     * gap as a hole (no blocks on disk; it reads as NUL bytes), so a file of more than 2 GiB costs
     * a few kilobytes. To a journal the NUL bytes are one line that is no record.
     */
    private static void writeAt(Path file, long position, String text) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes, position + bytes.position());
            }
        }
    }

    @Test
    void a_journal_larger_than_2_gib_is_read_to_its_end_and_compacted_at_open() throws IOException {
        Path file = dir.resolve("large.journal");
        try (JournalFileStore store = JournalFileStore.open(file)) {
            store.put(Suppression.manual("first@example.org", "userunknown", T0, null));
            store.put(Suppression.manual("gone@example.org", "userunknown", T0, null));
        }
        writeAt(file, PAST_2_GIB, "\n" + record("late@example.org") + "R\tgone@example.org\n");
        assertThat(Files.size(file)).isGreaterThan(Integer.MAX_VALUE);
        AtomicInteger skipped = new AtomicInteger();

        try (JournalFileStore store = JournalFileStore.open(file, skipped::incrementAndGet)) {
            assertThat(store.list(null, 10)).extracting(Suppression::address)
                    .containsExactly("first@example.org", "late@example.org");
            assertThat(skipped).as("the 2 GiB of NUL bytes: one line that is no record").hasValue(1);
            assertThat(Files.size(file)).as("compacted at open").isLessThan(1_000);
        }
        try (JournalFileStore again = JournalFileStore.open(file, skipped::incrementAndGet)) {
            assertThat(again.list(null, 10)).extracting(Suppression::address)
                    .containsExactly("first@example.org", "late@example.org");
            assertThat(skipped).hasValue(1);
        }
    }

    @Test
    void lines_appended_past_2_gib_by_another_process_are_read_by_the_running_store() throws IOException {
        Path file = dir.resolve("growing.journal");
        AtomicInteger skipped = new AtomicInteger();
        try (JournalFileStore store = JournalFileStore.open(file, skipped::incrementAndGet)) {
            store.put(Suppression.manual("first@example.org", "userunknown", T0, null));

            // another process's lines, 2 GiB further on
            writeAt(file, PAST_2_GIB, "\n" + record("late@example.org"));

            assertThat(store.suppressed(List.of("first@example.org", "late@example.org"), T0))
                    .containsExactly("first@example.org", "late@example.org");
            assertThat(skipped).hasValue(1);

            store.put(Suppression.manual("after@example.org", "userunknown", T0, null));
            assertThat(Files.size(file)).as("compacted by the write").isLessThan(1_000);
        }
        try (JournalFileStore again = JournalFileStore.open(file)) {
            assertThat(again.list(null, 10)).extracting(Suppression::address)
                    .containsExactly("after@example.org", "first@example.org", "late@example.org");
        }
    }

    @Test
    void a_long_run_of_writes_keeps_the_journal_bounded_and_loses_nothing() throws IOException {
        Path file = dir.resolve("months.journal");
        int addresses = 50;
        int writes = 2_000;
        long largest = 0;
        long appended = 0;
        try (JournalFileStore store = JournalFileStore.open(file)) {
            for (int i = 0; i < writes; i++) {
                long before = Files.size(file);
                store.record(new Bounce("full" + (i % addresses) + "@example.org", Reason.MAILBOXFULL, null, null,
                        T0.plusSeconds(i)), POLICY);
                long after = Files.size(file);
                appended += Math.max(0, after - before);
                largest = Math.max(largest, after);
            }
            assertThat(store.find("full7@example.org").orElseThrow().count()).isEqualTo(writes / addresses);
        }
        // each write appends a line of about 100 bytes: 200 kB in all, for 50 entries of about 5 kB
        assertThat(appended).isGreaterThan(150_000);
        assertThat(largest).as("the journal's largest size while running").isLessThan(80_000);
        try (JournalFileStore again = JournalFileStore.open(file)) {
            assertThat(again.list(null, 100)).hasSize(addresses)
                    .allSatisfy(entry -> assertThat(entry.count()).isEqualTo(writes / addresses));
        }
    }
}
