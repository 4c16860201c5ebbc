package dev.bouncekit.suppression.file;

import dev.bouncekit.suppression.StoreUnavailableException;
import dev.bouncekit.suppression.Suppression;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journal on a file system that fills up: a real one, a 256 KiB tmpfs mounted in a mount
 * namespace of its own ({@code unshare}), so that the kernel itself refuses the write with ENOSPC.
 * The store runs in a new JVM inside that namespace ({@link OnAFullDisk}); nothing is mounted
 * where the rest of the machine sees it, and the namespace goes away with the JVM.
 */
class JournalFullDiskTest {

    @TempDir
    Path dir;

    /** Runs in the namespace: {@code MOUNT_POINT}, a tmpfs of its own. Prints what it saw, a line a step. */
    public static final class OnAFullDisk {
        public static void main(String[] args) throws IOException {
            Path tmpfs = Path.of(args[0]);
            Path journal = tmpfs.resolve("suppressions.journal");
            Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
            List<Suppression> imported = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                imported.add(Suppression.manual("imported" + i + "@example.org", "userunknown", t0, null));
            }
            try (JournalFileStore store = JournalFileStore.open(journal, () -> System.out.println("unreadable line"), 1)) {
                store.put(Suppression.manual("a@example.org", "userunknown", t0, null));
                store.putAll(List.of(Suppression.manual("b@example.org", "userunknown", t0, null),
                        Suppression.manual("c@example.org", "userunknown", t0, null)));
                byte[] before = Files.readAllBytes(journal);

                Path filler = tmpfs.resolve("filler");
                try (OutputStream out = Files.newOutputStream(filler)) {
                    byte[] block = new byte[4096];
                    while (true) {
                        out.write(block);
                    }
                } catch (IOException full) {
                    System.out.println("filled: " + full.getMessage());
                }

                try {
                    store.putAll(imported);
                    System.out.println("import: written");
                } catch (StoreUnavailableException e) {
                    System.out.println("import: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                System.out.println("journal unchanged: " + Arrays.equals(before, Files.readAllBytes(journal)));
                System.out.println("entries: " + store.list(null, 1_000).size());
                try (JournalFileStore reader = JournalFileStore.open(journal)) {
                    System.out.println("another store reads: " + reader.list(null, 1_000).size());
                }

                // one line still fits in the journal's last page; the compaction it triggers finds no room
                store.put(Suppression.manual("a@example.org", "suppressed", t0, null));
                System.out.println("a's reason: " + store.find("a@example.org").orElseThrow().reason());
                try (var left = Files.list(tmpfs)) {
                    System.out.println("files: " + left.map(p -> p.getFileName().toString()).sorted().toList());
                }

                Files.delete(filler);
                store.putAll(imported);
                System.out.println("after space returned: " + store.list(null, 1_000).size());
            }
            try (JournalFileStore reopened = JournalFileStore.open(journal)) {
                System.out.println("reopened: " + reopened.list(null, 1_000).size());
            }
        }
    }

    private static Process run(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Whether this machine lets a process mount a tmpfs in a namespace of its own (root, or user namespaces). */
    private static String cannotMount(Path mountPoint) throws InterruptedException {
        try {
            Process probe = run(List.of("unshare", "-r", "-m", "--propagation", "private", "sh", "-c",
                    "mount -t tmpfs -o size=64k tmpfs \"$0\"", mountPoint.toString()));
            boolean ended = probe.waitFor(30, TimeUnit.SECONDS);
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return ended && probe.exitValue() == 0 ? null : "unshare/mount: " + output;
        } catch (IOException e) {
            return "unshare: " + e.getMessage();
        }
    }

    @Test
    void an_import_on_a_full_disk_fails_clearly_leaves_the_journal_as_it_was_and_the_store_goes_on() throws Exception {
        Path mountPoint = Files.createDirectories(dir.resolve("tmpfs"));
        String why = cannotMount(mountPoint);
        Assumptions.assumeTrue(why == null, () -> "no tmpfs of our own can be mounted here: " + why);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = run(List.of("unshare", "-r", "-m", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs -o size=256k tmpfs \"$0\" && exec \"$1\" -cp \"$2\" \"$3\" \"$0\"",
                mountPoint.toString(), java, System.getProperty("java.class.path"), OnAFullDisk.class.getName()));
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();

        List<String> lines = output.lines().filter(line -> !line.contains(" WARN ") && !line.startsWith("\tat ")).toList();
        String journal = mountPoint.resolve("suppressions.journal").toString();
        assertThat(lines).as(output).containsSubsequence(
                "filled: No space left on device",
                "import: StoreUnavailableException: cannot add 300 entries in " + journal + ": No space left on device",
                "journal unchanged: true",
                "entries: 3",
                "another store reads: 3",
                "a's reason: suppressed",
                "files: [filler, suppressions.journal, suppressions.journal.lock]",
                "after space returned: 303",
                "reopened: 303");
        assertThat(output).doesNotContain("unreadable line");
    }
}
