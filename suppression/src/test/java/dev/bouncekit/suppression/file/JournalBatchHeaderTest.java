package dev.bouncekit.suppression.file;

import dev.bouncekit.suppression.Bounce;
import dev.bouncekit.suppression.Suppression;
import dev.bouncekit.suppression.SuppressionPolicy;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The line {@code B ...} that opens a batch (the entries of one import), damaged in a real file:
 * the batch is not taken for one cut short by a crash, and nothing written after it is cut off.
 */
class JournalBatchHeaderTest {

    private static final SuppressionPolicy POLICY = SuppressionPolicy.defaults();
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final List<String> ALL = List.of("a@example.org", "b@example.org", "c@example.org", "d@example.org",
            "e@example.org", "f@example.org");

    @TempDir
    Path dir;

    /** a; an import of b, c and d in one batch; then e and f, one write each. */
    private Path journal() {
        Path file = dir.resolve("suppressions.journal");
        try (JournalFileStore store = JournalFileStore.open(file)) {
            store.put(Suppression.manual("a@example.org", "userunknown", T0, null));
            store.putAll(List.of(Suppression.manual("b@example.org", "userunknown", T0, null),
                    Suppression.manual("c@example.org", "userunknown", T0, null),
                    Suppression.manual("d@example.org", "userunknown", T0, null)));
            store.record(new Bounce("e@example.org", Reason.USERUNKNOWN, "gmail", "5.1.1", T0), POLICY);
            store.record(new Bounce("f@example.org", Reason.USERUNKNOWN, "gmail", "5.1.1", T0), POLICY);
        }
        return file;
    }

    /** Rewrites the batch's header line in place (the rest of the file byte for byte as it was). */
    private static void damageHeader(Path file, UnaryOperator<String[]> damage) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("B\t")) {
                header = i;
            }
        }
        assertThat(header).as("the import's batch header").isEqualTo(1);
        lines.set(header, String.join("\t", damage.apply(lines.get(header).split("\t", -1))));
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static String[] withCount(String[] header, String count) {
        String[] damaged = header.clone();
        damaged[1] = count;
        return damaged;
    }

    /** Opens the damaged journal, writes once more, and checks that every entry is there, then and after. */
    private static void assertNothingLost(Path file) {
        AtomicInteger skipped = new AtomicInteger();
        try (JournalFileStore store = JournalFileStore.open(file, skipped::incrementAndGet)) {
            assertThat(store.suppressed(ALL, T0)).as("entries after the damaged header").containsExactlyElementsOf(ALL);
            assertThat(skipped).as("the damaged header, counted as a line that cannot be read").hasValue(1);
            store.record(new Bounce("g@example.org", Reason.USERUNKNOWN, "gmail", "5.1.1", T0), POLICY);
        }
        List<String> expected = new ArrayList<>(ALL);
        expected.add("g@example.org");
        try (JournalFileStore again = JournalFileStore.open(file)) {
            assertThat(again.suppressed(expected, T0)).as("after a write, in a new store").containsExactlyElementsOf(expected);
        }
    }

    @Test
    void a_count_corrupted_to_more_lines_than_follow_cuts_nothing_off() throws IOException {
        Path file = journal();
        damageHeader(file, header -> withCount(header, "9"));
        assertNothingLost(file);
    }

    @Test
    void a_count_corrupted_to_fewer_lines_than_the_batch_holds_loses_none_of_them() throws IOException {
        Path file = journal();
        damageHeader(file, header -> withCount(header, "2"));
        assertNothingLost(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "many", "99999999999999999999", "3x"})
    void an_impossible_count_is_skipped_and_counted(String count) throws IOException {
        Path file = journal();
        damageHeader(file, header -> withCount(header, count));
        assertNothingLost(file);
    }

    @Test
    void a_batch_cut_short_by_a_crash_at_the_end_is_still_cut_off_whole() throws IOException {
        Path file = dir.resolve("torn.journal");
        try (JournalFileStore store = JournalFileStore.open(file)) {
            store.put(Suppression.manual("a@example.org", "userunknown", T0, null));
            store.putAll(List.of(Suppression.manual("b@example.org", "userunknown", T0, null),
                    Suppression.manual("c@example.org", "userunknown", T0, null),
                    Suppression.manual("d@example.org", "userunknown", T0, null)));
        }
        // the crash: the import's last line was never written, the others were
        String whole = Files.readString(file, StandardCharsets.UTF_8);
        int lastLine = whole.lastIndexOf("P\td@example.org");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(whole.substring(0, lastLine).getBytes(StandardCharsets.UTF_8).length);
        }
        AtomicInteger skipped = new AtomicInteger();
        try (JournalFileStore store = JournalFileStore.open(file, skipped::incrementAndGet)) {
            assertThat(store.list(null, 10)).extracting(Suppression::address).containsExactly("a@example.org");
            store.put(Suppression.manual("e@example.org", "userunknown", T0, null));
        }
        assertThat(skipped).hasValue(0);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContain("b@example.org", "B\t");
        try (JournalFileStore again = JournalFileStore.open(file)) {
            assertThat(again.list(null, 10)).extracting(Suppression::address).containsExactly("a@example.org", "e@example.org");
        }
    }
}
