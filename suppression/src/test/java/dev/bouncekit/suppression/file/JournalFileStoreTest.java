package dev.bouncekit.suppression.file;

import dev.bouncekit.suppression.Bounce;
import dev.bouncekit.suppression.Suppression;
import dev.bouncekit.suppression.SuppressionPolicy;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalFileStoreTest {

    @TempDir
    Path dir;

    @Test
    void a_line_torn_by_a_crash_is_ignored_and_cut_off_by_the_next_write() throws IOException {
        Path file = dir.resolve("torn.journal");
        SuppressionPolicy policy = SuppressionPolicy.defaults();
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        try (JournalFileStore first = JournalFileStore.open(file)) {
            first.record(new Bounce("ghost@gmail.com", Reason.USERUNKNOWN, "gmail", "5.1.1", t0), policy);
        }
        Files.writeString(file, "P\tother@gmail.com\tuseru", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (JournalFileStore again = JournalFileStore.open(file)) {
            assertThat(again.list(null, 10)).hasSize(1);
            again.record(new Bounce("next@gmail.com", Reason.USERUNKNOWN, "gmail", "5.1.1", t0), policy);
        }
        try (JournalFileStore third = JournalFileStore.open(file)) {
            assertThat(third.suppressed(List.of("ghost@gmail.com", "next@gmail.com", "other@gmail.com"), t0))
                    .containsExactly("ghost@gmail.com", "next@gmail.com");
        }
    }

    @Test
    void an_unreadable_line_amid_others_is_skipped_counted_and_the_others_apply() throws IOException {
        Path file = dir.resolve("corrupt.journal");
        SuppressionPolicy policy = SuppressionPolicy.defaults();
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        try (JournalFileStore first = JournalFileStore.open(file)) {
            first.record(new Bounce("ghost@gmail.com", Reason.USERUNKNOWN, "gmail", "5.1.1", t0), policy);
        }
        // a line cut in half by a crash, then appended to by a writer that did not cut it off; a field that is no number
        Files.writeString(file, "P\tother@gmail.com\tuseru"
                        + "P\tnext@gmail.com\tuserunknown\t-\t-\t1\t1\t1\t1\t1\t1\t-\n"
                        + "P\tbad@gmail.com\tuserunknown\t-\t-\t1\t1\tmany\t1\t1\t1\t-\n"
                        + "P\tlast@gmail.com\tuserunknown\t-\t-\t1\t1\t1\t1\t1\t1\t-\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        AtomicInteger skipped = new AtomicInteger();

        try (JournalFileStore again = JournalFileStore.open(file, skipped::incrementAndGet)) {
            assertThat(skipped).hasValue(2);
            assertThat(again.suppressed(List.of("ghost@gmail.com", "other@gmail.com", "next@gmail.com", "bad@gmail.com",
                    "last@gmail.com"), t0)).containsExactly("ghost@gmail.com", "last@gmail.com");

            // another process appends an unreadable line, then a good one: the running store reads past it
            Files.writeString(file, "X\tnonsense\n" + "P\tlater@gmail.com\tuserunknown\t-\t-\t1\t1\t1\t1\t1\t1\t-\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            assertThat(again.suppressed(List.of("ghost@gmail.com", "later@gmail.com"), t0))
                    .containsExactly("ghost@gmail.com", "later@gmail.com");
            assertThat(skipped).hasValue(3);
            again.record(new Bounce("newer@gmail.com", Reason.USERUNKNOWN, "gmail", "5.1.1", t0), policy);
        }
        try (JournalFileStore third = JournalFileStore.open(file)) {
            assertThat(third.suppressed(List.of("ghost@gmail.com", "last@gmail.com", "later@gmail.com", "newer@gmail.com"), t0))
                    .hasSize(4);
        }
    }

    @Test
    void an_import_cut_short_by_a_crash_applies_none_of_its_entries() throws IOException {
        Path file = dir.resolve("import.journal");
        SuppressionPolicy policy = SuppressionPolicy.defaults();
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        try (JournalFileStore store = JournalFileStore.open(file)) {
            store.record(new Bounce("ghost@gmail.com", Reason.USERUNKNOWN, "gmail", "5.1.1", t0), policy);
        }
        long before = Files.size(file);
        List<Suppression> imported = List.of(Suppression.manual("a@example.org", "userunknown", t0, null),
                Suppression.manual("b@example.org", "userunknown", t0, null),
                Suppression.manual("c@example.org", "userunknown", t0, null));
        try (JournalFileStore store = JournalFileStore.open(file)) {
            store.putAll(imported);
        }
        // the crash: the import's last line only half written
        long written = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(written - 20);
        }
        assertThat(Files.size(file)).isGreaterThan(before);

        try (JournalFileStore again = JournalFileStore.open(file)) {
            assertThat(again.list(null, 10)).extracting(Suppression::address).containsExactly("ghost@gmail.com");
            again.record(new Bounce("next@gmail.com", Reason.USERUNKNOWN, "gmail", "5.1.1", t0), policy);
            again.putAll(imported);
        }
        try (JournalFileStore third = JournalFileStore.open(file)) {
            assertThat(third.list(null, 10)).extracting(Suppression::address)
                    .containsExactly("a@example.org", "b@example.org", "c@example.org", "ghost@gmail.com", "next@gmail.com");
        }
    }

    @Test
    void a_file_that_is_no_journal_is_refused_with_where() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JournalFileStore.open(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + " at byte 0 is not a bouncekit suppression journal");
    }

    @Test
    void a_device_is_refused_where_every_write_would_be_lost() {
        Path devNull = Path.of("/dev/null");
        assertThatThrownBy(() -> JournalFileStore.open(devNull)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/dev/null is not a regular file: a suppression journal must be one");
    }

    @Test
    void a_long_journal_is_compacted_at_open() throws IOException {
        Path file = dir.resolve("long.journal");
        SuppressionPolicy policy = SuppressionPolicy.defaults();
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        // written as by a build that compacted only at open
        try (JournalFileStore store = JournalFileStore.open(file, () -> { }, Long.MAX_VALUE)) {
            for (int i = 0; i < 1_100; i++) {
                store.record(new Bounce("full@example.org", Reason.MAILBOXFULL, null, null, t0.plusSeconds(i)), policy);
            }
        }
        assertThat(Files.readAllLines(file)).hasSize(1_100);
        try (JournalFileStore store = JournalFileStore.open(file)) {
            assertThat(Files.readAllLines(file)).hasSize(1);
            assertThat(store.find("full@example.org").orElseThrow().count()).isEqualTo(1_100);
        }
    }

    @Test
    void compactions_while_two_stores_of_one_file_write_and_read_at_once_lose_nothing_and_hide_nothing() throws Exception {
        Path real = Files.createDirectories(dir.resolve("james-3.8.1/var"));
        Path link = Files.createSymbolicLink(dir.resolve("james"), real.getParent());
        SuppressionPolicy policy = SuppressionPolicy.defaults();
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        int writes = 300;
        long compactAbove = 2_048;
        AtomicInteger unreadable = new AtomicInteger();
        try (JournalFileStore mailets = JournalFileStore.open(real.resolve("suppressions.journal"), unreadable::incrementAndGet, compactAbove);
             JournalFileStore route = JournalFileStore.open(link.resolve("var/suppressions.journal"), unreadable::incrementAndGet, compactAbove)) {
            mailets.put(Suppression.manual("ghost@gmail.com", "userunknown", t0, null));
            ExecutorService pool = Executors.newFixedThreadPool(6);
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger missed = new AtomicInteger();
            AtomicInteger lookups = new AtomicInteger();
            try {
                List<Future<?>> writers = new ArrayList<>();
                List<Future<?>> readers = new ArrayList<>();
                for (JournalFileStore store : List.of(mailets, route)) {
                    String name = store == mailets ? "m" : "r";
                    writers.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < writes; i++) {
                            store.record(new Bounce("full@example.org", Reason.MAILBOXFULL, null, null, t0.plusMillis(i)), policy);
                            store.put(Suppression.manual(name + i + "@example.org", "suppressed", t0, null));
                        }
                        return null;
                    }));
                    for (int reader = 0; reader < 2; reader++) {
                        readers.add(pool.submit(() -> {
                            start.await();
                            while (writing.get()) {
                                // what a compaction rewrites is never missing to a lookup, in this store or the other
                                if (store.suppressed(List.of("ghost@gmail.com"), t0).isEmpty()) {
                                    missed.incrementAndGet();
                                }
                                lookups.incrementAndGet();
                                LockSupport.parkNanos(20_000);
                            }
                            return null;
                        }));
                    }
                }
                start.countDown();
                for (Future<?> writer : writers) {
                    writer.get(120, TimeUnit.SECONDS);
                }
                writing.set(false);
                for (Future<?> reader : readers) {
                    reader.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(lookups.get()).isPositive();
            assertThat(missed).hasValue(0);
            for (JournalFileStore store : List.of(mailets, route)) {
                assertThat(store.find("full@example.org").orElseThrow().count()).isEqualTo(2L * writes);
                assertThat(store.list(null, 10_000)).hasSize(2 * writes + 2);
            }
            // each bounce of full@example.org wrote a line (2 x writes); only a compaction folds them into one
            // (the file's identity tells nothing: a later compaction's file may get the first file's inode back)
            assertThat(Files.readAllLines(real.resolve("suppressions.journal")).stream().filter(line -> line.contains("full@example.org")))
                    .as("compacted: the bounces' lines folded").hasSizeLessThan(2 * writes);
        }
        // 602 entries of less than 100 bytes
        assertThat(Files.size(real.resolve("suppressions.journal"))).as("at most twice the live entries").isLessThan(2L * 602 * 100);
        assertThat(unreadable).hasValue(0);
        try (JournalFileStore again = JournalFileStore.open(real.resolve("suppressions.journal"))) {
            assertThat(again.find("full@example.org").orElseThrow().count()).isEqualTo(2L * writes);
            assertThat(again.list(null, 10_000)).hasSize(2 * writes + 2);
        }
        try (var files = Files.list(real)) {
            assertThat(files.map(path -> path.getFileName().toString())).as("no new file left behind").containsExactlyInAnyOrder("suppressions.journal", "suppressions.journal.lock");
        }
    }

    @Test
    void two_stores_of_one_file_in_one_process_write_at_once_and_lose_nothing() throws Exception {
        // James's working directory reached through a symbolic link, as in /opt/james -> /opt/james-3.8.1:
        // the mailets name the journal one way, the WebAdmin route's properties the other
        Path real = Files.createDirectories(dir.resolve("james-3.8.1/var"));
        Path link = Files.createSymbolicLink(dir.resolve("james"), real.getParent());
        SuppressionPolicy policy = SuppressionPolicy.defaults();
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        int writes = 200;
        try (JournalFileStore mailets = JournalFileStore.open(real.resolve("suppressions.journal"));
             JournalFileStore route = JournalFileStore.open(link.resolve("var/suppressions.journal"))) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (JournalFileStore store : List.of(mailets, route)) {
                    writers.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < writes; i++) {
                            store.record(new Bounce("full@example.org", Reason.MAILBOXFULL, null, null, t0.plusMillis(i)), policy);
                            store.suppressed(List.of("full@example.org"), t0);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> writer : writers) {
                    writer.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(route.find("full@example.org").orElseThrow().count()).isEqualTo(2L * writes);
            assertThat(mailets.find("full@example.org").orElseThrow().count()).isEqualTo(2L * writes);
        }
        try (JournalFileStore again = JournalFileStore.open(real.resolve("suppressions.journal"))) {
            assertThat(again.find("full@example.org").orElseThrow().count()).isEqualTo(2L * writes);
        }
    }
}
