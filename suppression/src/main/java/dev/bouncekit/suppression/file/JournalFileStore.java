package dev.bouncekit.suppression.file;

import dev.bouncekit.suppression.Bounce;
import dev.bouncekit.suppression.EmailAddress;
import dev.bouncekit.suppression.StoreUnavailableException;
import dev.bouncekit.suppression.Suppression;
import dev.bouncekit.suppression.SuppressionPolicy;
import dev.bouncekit.suppression.SuppressionStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded store: the list in memory, every change appended as one line to a journal file and
 * forced to disk before the call returns, the journal replayed at open. Nothing to install, and it
 * survives a restart: put it in James's working directory ({@code var/bouncekit/suppressions.journal}).
 *
 * <p>Several processes on one machine may share the file (James and the CLI), and several stores of
 * one process (opened by different paths of the file): every change takes an exclusive
 * {@link FileLock}, first reads what others appended, then appends; every read first reads what
 * others appended. A line cut short by a crash is ignored, and cut off by the next writer.
 * A line that cannot be read elsewhere in the file (a line cut short and then followed by others, a
 * field that is no number) is skipped with one WARN naming the file and the line number, and
 * reported to the {@code onUnreadableLine} given at open; the other lines apply. A file whose first
 * line is no record of this journal is refused: it is not a journal.
 * At open, a journal holding far more lines than entries is rewritten with one line per entry (a
 * new file moved over the old one; the other processes notice and reload).
 *
 * <p>Line format (UTF-8, tab-separated, {@code -} for absent, instants in epoch milliseconds):
 * {@code P address reason provider status firstSeen lastSeen count windowStart windowCount suppressedAt expiresAt},
 * or {@code R address} for a removal. Several entries put in one step ({@link #putAll(Collection)})
 * follow a line {@code B count}: they apply all together, or, when a crash cut the batch short, not
 * at all (it is cut off as a torn last line is); a write that fails (a full disk) is cut off at once.
 */
public final class JournalFileStore implements SuppressionStore {

    private static final Logger LOGGER = LoggerFactory.getLogger(JournalFileStore.class);
    private static final int COMPACT_ABOVE_LINES = 1_000;
    /**
     * One lock per journal (by its real path) in this process: a {@link FileLock} keeps other
     * processes out, but two channels of one process on one file cannot both lock it (the second
     * throws), as when two stores open the file by different paths (a symbolic link).
     */
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final Runnable onUnreadableLine;
    private final Map<String, Suppression> entries = new TreeMap<>();
    private FileChannel channel;
    private ReentrantLock processLock;
    private Object fileKey;
    private long readUpTo;
    private long lines;
    private long lineNumber;

    private JournalFileStore(Path file, Runnable onUnreadableLine) {
        this.file = file;
        this.onUnreadableLine = Objects.requireNonNull(onUnreadableLine, "onUnreadableLine");
    }

    /**
     * Opens (creating it and its directory when missing) the journal at {@code file}.
     *
     * @throws StoreUnavailableException when it cannot be created, read or locked
     * @throws IllegalArgumentException  when it is not a journal of this store
     */
    public static JournalFileStore open(Path file) {
        return open(file, () -> { });
    }

    /**
     * Opens the journal at {@code file}, as {@link #open(Path)}; {@code onUnreadableLine} runs once
     * for each line that cannot be read and is skipped (to count it), at open and whenever the lines
     * others appended are read.
     *
     * @throws StoreUnavailableException when it cannot be created, read or locked
     * @throws IllegalArgumentException  when it is not a journal of this store
     */
    public static JournalFileStore open(Path file, Runnable onUnreadableLine) {
        JournalFileStore store = new JournalFileStore(file.toAbsolutePath().normalize(), onUnreadableLine);
        store.openFile();
        return store;
    }

    private synchronized void openFile() {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            reopen();
            processLock = IN_PROCESS.computeIfAbsent(file.toRealPath(), path -> new ReentrantLock());
            boolean compacted = false;
            FileLock lock = lockCurrentFile(false);
            try {
                catchUp(true);
                if (lines > COMPACT_ABOVE_LINES && lines > 2L * entries.size()) {
                    compact();
                    compacted = true;
                }
            } finally {
                release(lock);
            }
            if (compacted) {
                reopen();
                readShared();
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot open the suppression journal " + file + ": " + e.getMessage(), e);
        }
    }

    private void reopen() throws IOException {
        if (channel != null) {
            channel.close();
        }
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        fileKey = currentFileKey();
        entries.clear();
        readUpTo = 0;
        lines = 0;
        lineNumber = 0;
    }

    /** Reads what was appended since the last read; a writer also cuts off a torn last line. */
    private void catchUp(boolean writer) throws IOException {
        long size = channel.size();
        if (size < readUpTo) {
            // cut shorter in place than what was read: read it all again
            entries.clear();
            readUpTo = 0;
            lines = 0;
            lineNumber = 0;
        }
        if (size == readUpTo) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(size - readUpTo));
        long position = readUpTo;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                break;
            }
        }
        byte[] bytes = buffer.array();
        List<int[]> complete = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < buffer.position(); i++) {
            if (bytes[i] == '\n') {
                complete.add(new int[] {start, i});
                start = i + 1;
            }
        }
        int applied = 0;
        int k = 0;
        while (k < complete.size()) {
            int[] at = complete.get(k);
            String line = new String(bytes, at[0], at[1] - at[0], StandardCharsets.UTF_8);
            long batch = batchSize(line);
            if (batch > 0) {
                if (k + batch >= complete.size()) {
                    break; // a batch cut short: none of it applies, like a torn last line
                }
                lineNumber++;
                lines++;
                for (int j = 1; j <= batch; j++) {
                    int[] member = complete.get(k + j);
                    apply(new String(bytes, member[0], member[1] - member[0], StandardCharsets.UTF_8), position + member[0]);
                }
                k += (int) batch + 1;
            } else {
                apply(line, position + at[0]);
                k++;
            }
            applied = complete.get(k - 1)[1] + 1;
        }
        readUpTo = position + applied;
        if (writer && readUpTo < size) {
            channel.truncate(readUpTo);
        }
    }

    /** The count of lines a batch header {@code B\tCOUNT} announces, or 0 when {@code line} is no such header. */
    private static long batchSize(String line) {
        if (!line.startsWith("B\t")) {
            return 0;
        }
        try {
            long count = Long.parseLong(line.substring(2));
            return count > 0 && count < Integer.MAX_VALUE ? count : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void apply(String line, long offset) {
        lineNumber++;
        if (line.isEmpty()) {
            return;
        }
        lines++;
        String[] f = line.split("\t", -1);
        try {
            if (f[0].equals("R") && f.length == 2) {
                entries.remove(f[1]);
            } else if (f[0].equals("P") && f.length == 12) {
                Suppression s = new Suppression(f[1], f[2], absent(f[3]), absent(f[4]), instant(f[5]), instant(f[6]),
                        Long.parseLong(f[7]), instant(f[8]), Long.parseLong(f[9]), instant(f[10]), instant(f[11]));
                entries.put(s.address(), s);
            } else {
                throw new IllegalArgumentException("unknown record");
            }
        } catch (RuntimeException e) {
            String shown = line.length() > 80 ? line.substring(0, 80) + "..." : line;
            if (offset == 0 && !line.startsWith("P\t") && !line.startsWith("R\t") && !line.startsWith("B\t")) {
                throw new IllegalArgumentException(file + " at byte 0 is not a bouncekit suppression journal ("
                        + e.getMessage() + "): '" + shown + "'", e);
            }
            LOGGER.warn("{} line {} cannot be read and is skipped ({}): '{}'", file, lineNumber, e.getMessage(), shown);
            onUnreadableLine.run();
        }
    }

    /** Reads what others appended, under a shared lock. */
    private void readShared() throws IOException {
        FileLock lock = lockCurrentFile(true);
        try {
            catchUp(false);
        } finally {
            release(lock);
        }
    }

    /**
     * Locks the file now at {@link #file}, against this process's other stores of it and against
     * other processes: when another store has replaced it (a compaction), the new one is opened and
     * read from the start. {@link #release(FileLock)} lets both go.
     */
    private FileLock lockCurrentFile(boolean shared) throws IOException {
        processLock.lock();
        try {
            while (true) {
                FileLock lock = channel.lock(0, Long.MAX_VALUE, shared);
                if (Objects.equals(fileKey, currentFileKey())) {
                    return lock;
                }
                lock.release();
                reopen();
            }
        } catch (IOException | RuntimeException e) {
            processLock.unlock();
            throw e;
        }
    }

    private void release(FileLock lock) throws IOException {
        try {
            lock.release();
        } finally {
            processLock.unlock();
        }
    }

    private Object currentFileKey() throws IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private void append(String line) throws IOException {
        append(List.of(line));
    }

    private void append(List<String> newLines) throws IOException {
        StringBuilder text = new StringBuilder();
        newLines.forEach(line -> text.append(line).append('\n'));
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        long start = channel.size();
        long position = start;
        try {
            while (bytes.hasRemaining()) {
                position += channel.write(bytes, position);
            }
            channel.force(false);
        } catch (IOException e) {
            // a full disk: take back what was written, so that no part of it applies
            try {
                channel.truncate(start);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        readUpTo = position;
        lines += newLines.size();
    }

    private void compact() throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".compacting");
        List<String> text = new ArrayList<>();
        entries.values().forEach(s -> text.add(line(s)));
        Files.write(temporary, text, StandardCharsets.UTF_8);
        try (FileChannel written = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            written.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private interface Change<T> {
        T apply() throws IOException;
    }

    private synchronized <T> T write(String what, Change<T> change) {
        try {
            FileLock lock = lockCurrentFile(false);
            try {
                catchUp(true);
                return change.apply();
            } finally {
                release(lock);
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot " + what + " in " + file + ": " + e.getMessage(), e);
        }
    }

    private synchronized void refresh() {
        try {
            if (channel.size() != readUpTo || !Objects.equals(fileKey, currentFileKey())) {
                readShared();
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Suppression> record(Bounce bounce, SuppressionPolicy policy) {
        if (!policy.counts(bounce.reason())) {
            return Optional.empty();
        }
        return write("record a bounce", () -> {
            Optional<Suppression> next = policy.next(entries.get(bounce.address()), bounce);
            if (next.isPresent()) {
                append(line(next.get()));
                entries.put(bounce.address(), next.get());
            }
            return next;
        });
    }

    @Override
    public Set<String> suppressed(Collection<String> addresses, Instant now) {
        refresh();
        Set<String> suppressed = new TreeSet<>();
        synchronized (this) {
            for (String address : addresses) {
                String key = EmailAddress.normalize(address);
                Suppression s = entries.get(key);
                if (s != null && s.isActive(now)) {
                    suppressed.add(key);
                }
            }
        }
        return suppressed;
    }

    @Override
    public Optional<Suppression> find(String address) {
        String key = EmailAddress.normalize(address);
        refresh();
        synchronized (this) {
            return Optional.ofNullable(entries.get(key));
        }
    }

    @Override
    public List<Suppression> list(String contains, int limit) {
        refresh();
        String needle = contains == null ? "" : contains.trim().toLowerCase(Locale.ROOT);
        synchronized (this) {
            return entries.values().stream().filter(s -> s.address().contains(needle)).limit(Math.max(0, limit)).toList();
        }
    }

    @Override
    public void put(Suppression suppression) {
        write("add " + suppression.address(), () -> {
            append(line(suppression));
            entries.put(suppression.address(), suppression);
            return null;
        });
    }

    @Override
    public void putAll(Collection<Suppression> suppressions) {
        if (suppressions.isEmpty()) {
            return;
        }
        write("add " + suppressions.size() + " entries", () -> {
            List<String> newLines = new ArrayList<>(suppressions.size() + 1);
            if (suppressions.size() > 1) {
                newLines.add("B\t" + suppressions.size());
            }
            suppressions.forEach(s -> newLines.add(line(s)));
            append(newLines);
            suppressions.forEach(s -> entries.put(s.address(), s));
            return null;
        });
    }

    @Override
    public boolean remove(String address) {
        String key = EmailAddress.normalize(address);
        return write("remove " + key, () -> {
            if (!entries.containsKey(key)) {
                return false;
            }
            append("R\t" + key);
            entries.remove(key);
            return true;
        });
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot close " + file, e);
        }
    }

    private static String line(Suppression s) {
        return String.join("\t", "P", s.address(), s.reason(), present(s.provider()), present(s.status()),
                millis(s.firstSeen()), millis(s.lastSeen()), Long.toString(s.count()), millis(s.windowStart()),
                Long.toString(s.windowCount()), millis(s.suppressedAt()), millis(s.expiresAt()));
    }

    private static String present(String value) {
        if (value == null) {
            return "-";
        }
        return value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static String absent(String value) {
        return value.equals("-") ? null : value;
    }

    private static String millis(Instant instant) {
        return instant == null ? "-" : Long.toString(instant.toEpochMilli());
    }

    private static Instant instant(String value) {
        return value.equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(value));
    }

    @Override
    public String toString() {
        return "JournalFileStore[" + file + "]";
    }
}
