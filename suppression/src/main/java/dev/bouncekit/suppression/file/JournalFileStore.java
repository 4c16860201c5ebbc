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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.Arrays;

/**
 * The embedded store: the list in memory, every change appended as one line to a journal file and
 * forced to disk before the call returns, the journal replayed at open. Nothing to install, and it
 * survives a restart: put it in James's working directory ({@code var/bouncekit/suppressions.journal}).
 *
 * <p>Several processes on one machine may share the file (James and the CLI), and several stores of
 * one process (opened by different paths of the file): every change takes an exclusive
 * {@link FileLock} on the journal's lock file ({@code NAME.lock} beside it, created at open and
 * left there: a compaction replaces the journal, never the lock file), first reads what others
 * appended, then appends; every read takes a shared one and first reads what others appended. A line cut short by a crash is ignored, and cut off by the next writer.
 * A line that cannot be read elsewhere in the file (a line cut short and then followed by others, a
 * field that is no number) is skipped with one WARN naming the file and the line number, and
 * reported to the {@code onUnreadableLine} given at open; the other lines apply. A file whose first
 * line is no record of this journal is refused: it is not a journal. The file is read a chunk at a
 * time, at 64-bit positions: a journal of any size opens, and so does one holding a line too long
 * to be a record (over 1 MiB, skipped unread as a line that cannot be read).
 *
 * <p><b>Compaction.</b> Every change adds a line, and a line that a later one replaces or removes
 * is dead weight. When the file is larger than 64 KiB and more than twice the size of its live
 * entries (one line each), the store rewrites it with one line per entry: after the write that
 * crossed that line, while it runs, and at open. The rewrite holds the exclusive lock of the
 * journal, so no write of any process can slip between the entries it saves and the new file; it
 * writes a new file beside the journal ({@code NAME.compacting}), forces it to disk, moves it over
 * the journal in one atomic rename and forces the directory. A process that has the old file open
 * notices at its next lock (the path names another file) and reads the new one. Lookups of the
 * store that compacts go on from memory while the new file is written; the caller whose write
 * triggered it waits for it. A compaction that fails (a full disk) leaves the journal as it was,
 * removes its new file and is logged at WARN; it is tried again once the journal has grown by
 * another 64 KiB. So the file stays within about twice the size of the list, plus 64 KiB.
 *
 * <p>Line format (UTF-8, tab-separated, {@code -} for absent, instants in epoch milliseconds):
 * {@code P address reason provider status firstSeen lastSeen count windowStart windowCount suppressedAt expiresAt},
 * or {@code R address} for a removal. Several entries put in one step ({@link #putAll(Collection)})
 * follow a line {@code B count bytes}, the count of their lines and the bytes those lines take:
 * they apply all together, or, when a crash cut the batch short, not at all (it is cut off as a
 * torn last line is); a write that fails (a full disk) is cut off at once. A batch is taken as cut
 * short only when both its lines and its bytes run past the end of the file; a header whose count
 * or size does not match what follows it (a damaged file) is skipped and reported as a line that
 * cannot be read, and the lines after it are read one by one, so that nothing written after it is
 * ever cut off. A header {@code B count} of the builds before batches carried their size is read
 * the same way, cut short or damaged alike.
 */
public final class JournalFileStore implements SuppressionStore {

    private static final Logger LOGGER = LoggerFactory.getLogger(JournalFileStore.class);
    /** A journal no larger than this is never compacted, and a compaction that failed waits for this much growth. */
    static final long COMPACT_ABOVE_BYTES = 64 * 1024;
    /** How much is read from the file at once. */
    private static final int CHUNK = 64 * 1024;
    /** The longest line read as a record: no record comes near it; a longer line is skipped unread. */
    private static final int LONGEST_LINE = 1024 * 1024;
    /** What {@link #checkBatch} answers for a batch cut short at the end of the file. */
    private static final String TORN = "torn";
    /**
     * Per journal (by its real path) in this process: the lock of its stores here, and the one
     * channel of its lock file ({@code NAME.lock}) they take the {@link FileLock} on. Other processes
     * are kept out by that file lock; this process's stores by the in-process lock (two channels of
     * one process cannot both lock a file, and closing any channel of a file lets go every lock the
     * process holds on it, so there is one channel, closed when the last store of the journal here is).
     */
    private static final Map<Path, ProcessLock> IN_PROCESS = new HashMap<>();

    /** What the stores of one journal in this process share: see {@link #IN_PROCESS}. */
    private static final class ProcessLock {
        final ReentrantLock lock = new ReentrantLock();
        final FileChannel lockFile;
        int stores;

        ProcessLock(FileChannel lockFile) {
            this.lockFile = lockFile;
        }
    }

    /** An entry with the size of its line in the journal, counted to know when to compact. */
    private record Entry(Suppression suppression, int bytes) {
    }

    /** A complete line of the journal: from {@code start} to {@code end}, its newline included; no text when too long. */
    private record Line(long start, long end, String text) {
    }

    /**
     * What a read of the journal found: read from the start, the entries; else the entries it
     * changes (null: removed). And where the last whole line ends.
     */
    private static final class Reading {
        final boolean fresh;
        final Map<String, Entry> changes;
        long end;
        Line tornBatch;

        Reading(long from, boolean fresh) {
            this.fresh = fresh;
            this.changes = fresh ? new TreeMap<>() : new HashMap<>();
            this.end = from;
        }

        void put(String address, Entry entry) {
            changes.put(address, entry);
        }

        void remove(String address) {
            if (fresh) {
                changes.remove(address);
            } else {
                changes.put(address, null);
            }
        }
    }

    private final Path file;
    private final Runnable onUnreadableLine;
    private final long compactAbove;
    private Path realFile;
    private ReentrantLock processLock;
    private ProcessLock shared;
    // Changed only by the thread that holds processLock, under this store's monitor; read by lookups
    // under the monitor, and by the holder of processLock as it likes.
    private TreeMap<String, Entry> entries = new TreeMap<>();
    private FileChannel channel;
    private Object fileKey;
    private long readUpTo;
    private long liveBytes;
    private boolean rebuild;
    // Used only by the holder of processLock.
    private long lineNumber;
    private long compactionFailedAt = -1;

    private JournalFileStore(Path file, Runnable onUnreadableLine, long compactAbove) {
        this.file = file;
        this.onUnreadableLine = Objects.requireNonNull(onUnreadableLine, "onUnreadableLine");
        this.compactAbove = compactAbove;
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
        return open(file, onUnreadableLine, COMPACT_ABOVE_BYTES);
    }

    /** As {@link #open(Path, Runnable)}, compacting above {@code compactAbove} bytes instead of 64 KiB (for tests). */
    static JournalFileStore open(Path file, Runnable onUnreadableLine, long compactAbove) {
        JournalFileStore store = new JournalFileStore(file.toAbsolutePath().normalize(), onUnreadableLine, compactAbove);
        store.openFile();
        return store;
    }

    private void openFile() {
        if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            // a device (/dev/null) or a pipe opens and locks, and every suppression written to it is lost
            throw new IllegalArgumentException(file + " is not a regular file: a suppression journal must be one");
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            // the journal exists (its real path names the lock file); it is opened under the lock
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
            realFile = file.toRealPath();
            shared = joinProcessLock(realFile);
            processLock = shared.lock;
            FileLock lock = lockCurrentFile(false);
            try {
                catchUp(true);
                compactIfWorthIt();
            } finally {
                release(lock);
            }
        } catch (IOException e) {
            closeQuietly();
            throw new StoreUnavailableException("cannot open the suppression journal " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /** The lock of the journal at {@code real} in this process, its lock file opened by its first store. */
    private static ProcessLock joinProcessLock(Path real) throws IOException {
        synchronized (IN_PROCESS) {
            ProcessLock lock = IN_PROCESS.get(real);
            if (lock == null) {
                lock = new ProcessLock(FileChannel.open(real.resolveSibling(real.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
                IN_PROCESS.put(real, lock);
            }
            lock.stores++;
            return lock;
        }
    }

    /** Leaves the lock of the journal at {@code real}; the last store here closes its lock file. */
    private static void leaveProcessLock(Path real, ProcessLock lock) throws IOException {
        synchronized (IN_PROCESS) {
            if (--lock.stores == 0) {
                IN_PROCESS.remove(real);
                lock.lockFile.close();
            }
        }
    }

    /**
     * Opens the file now at {@link #file} (creating it when missing), to be read from the start; the
     * caller holds the lock ({@link #lockCurrentFile}), so no compaction moves another file there
     * meanwhile (its identity, read before and after the open, always agrees then; the open is tried
     * again when it does not).
     */
    private void reopen() throws IOException {
        while (true) {
            Object before = existingFileKey();
            FileChannel opened = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            Object after = currentFileKey();
            if (before != null && before.equals(after)) {
                FileChannel old;
                synchronized (this) {
                    old = channel;
                    channel = opened;
                    fileKey = after;
                    rebuild = true;
                }
                if (old != null) {
                    old.close();
                }
                return;
            }
            opened.close();
        }
    }

    private void closeQuietly() {
        try {
            if (channel != null) {
                channel.close();
            }
            if (shared != null) {
                leaveProcessLock(realFile, shared);
                shared = null;
            }
        } catch (IOException ignored) {
            // the error that made us close is the one to report
        }
    }

    /** Reads what was appended since the last read (all of it after a reopen); a writer also cuts off a torn end. */
    private void catchUp(boolean writer) throws IOException {
        long size = channel.size();
        boolean fresh = rebuild || size < readUpTo;
        if (!fresh && size == readUpTo) {
            return;
        }
        long from = fresh ? 0 : readUpTo;
        if (fresh) {
            lineNumber = 0;
        }
        Reading reading = read(from, size, fresh);
        if (fresh) {
            TreeMap<String, Entry> rebuilt = (TreeMap<String, Entry>) reading.changes;
            long bytes = 0;
            for (Entry entry : rebuilt.values()) {
                bytes += entry.bytes();
            }
            synchronized (this) {
                entries = rebuilt;
                liveBytes = bytes;
                readUpTo = reading.end;
                rebuild = false;
            }
        } else {
            synchronized (this) {
                applyChanges(reading.changes);
                readUpTo = reading.end;
            }
        }
        if (writer && reading.end < size) {
            if (reading.tornBatch != null) {
                LOGGER.warn("{} ends with a batch cut short by a crash at byte {} ('{}'): none of it applies, and it is cut off",
                        file, reading.tornBatch.start(), reading.tornBatch.text());
            }
            channel.truncate(reading.end);
        }
    }

    /** Applies {@code changes} to the entries; the caller holds the monitor. */
    private void applyChanges(Map<String, Entry> changes) {
        for (Map.Entry<String, Entry> change : changes.entrySet()) {
            Entry old = change.getValue() == null ? entries.remove(change.getKey()) : entries.put(change.getKey(), change.getValue());
            liveBytes += (change.getValue() == null ? 0 : change.getValue().bytes()) - (old == null ? 0 : old.bytes());
        }
    }

    /** Reads the whole lines from {@code from} to {@code size}, a chunk at a time. */
    private Reading read(long from, long size, boolean fresh) throws IOException {
        Reading reading = new Reading(from, fresh);
        Lines lines = new Lines(channel, from, size);
        Line line;
        while ((line = lines.next()) != null) {
            lineNumber++;
            if (line.text() != null && line.text().startsWith("B\t")) {
                String problem = checkBatch(line, size);
                if (problem == TORN) {
                    lineNumber--;
                    reading.tornBatch = line;
                    break; // a batch cut short: none of it applies, like a torn last line
                }
                if (problem != null) {
                    unreadable(line, problem + "; the lines after it are read one by one");
                }
            } else {
                readRecord(line, reading);
            }
            reading.end = line.end();
        }
        return reading;
    }

    /**
     * Whether the batch that {@code header} opens is whole (null), cut short by a crash at the end of
     * the file ({@link #TORN}: both its lines and its bytes run past the end), or neither: why its
     * header cannot be trusted. Its lines themselves are read as any others.
     */
    private String checkBatch(Line header, long size) throws IOException {
        String[] fields = header.text().split("\t", -1);
        long count;
        long bytes;
        try {
            count = Long.parseLong(fields[1]);
            bytes = fields.length == 3 ? Long.parseLong(fields[2]) : -1;
        } catch (NumberFormatException e) {
            return "a batch header whose count or size is no number";
        }
        if (fields.length > 3 || count < 1 || (fields.length == 3 && count > bytes / 2)) {
            return "a batch header with an impossible count or size";
        }
        long members = header.end();
        if (bytes < 0) {
            long found = newlines(members, size, count);
            return found == count ? null : "a batch header announcing " + count + " lines where " + found
                    + " follow (written before batch headers held their size, so it cannot be told from a crash)";
        }
        if (bytes <= size - members) {
            long found = newlines(members, members + bytes, count + 1);
            return found == count && byteAt(members + bytes - 1) == '\n' ? null : "a batch header announcing " + count
                    + " lines in " + bytes + " bytes, which hold " + found + " lines";
        }
        return newlines(members, size, count) < count ? TORN : "a batch header announcing " + bytes + " bytes where "
                + (size - members) + " follow, which hold its " + count + " lines";
    }

    /** The count of newlines from {@code from} to {@code to}, counted up to {@code atMost}. */
    private long newlines(long from, long to, long atMost) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(1, to - from)));
        long count = 0;
        long at = from;
        while (at < to && count < atMost) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), to - at));
            int read = channel.read(buffer, at);
            if (read <= 0) {
                break;
            }
            byte[] bytes = buffer.array();
            for (int i = 0; i < read && count < atMost; i++) {
                if (bytes[i] == '\n') {
                    count++;
                }
            }
            at += read;
        }
        return count;
    }

    private int byteAt(long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        return channel.read(one, position) == 1 ? one.get(0) : -1;
    }

    private void readRecord(Line line, Reading reading) {
        String text = line.text();
        if (text != null && text.isEmpty()) {
            return;
        }
        try {
            if (text == null) {
                throw new IllegalArgumentException("a line of " + (line.end() - line.start()) + " bytes, longer than any record");
            }
            String[] f = text.split("\t", -1);
            if (f[0].equals("R") && f.length == 2) {
                reading.remove(f[1]);
            } else if (f[0].equals("P") && f.length == 12) {
                Suppression s = new Suppression(f[1], f[2], absent(f[3]), absent(f[4]), instant(f[5]), instant(f[6]),
                        Long.parseLong(f[7]), instant(f[8]), Long.parseLong(f[9]), instant(f[10]), instant(f[11]));
                reading.put(s.address(), new Entry(s, Math.toIntExact(line.end() - line.start())));
            } else {
                throw new IllegalArgumentException("unknown record");
            }
        } catch (RuntimeException e) {
            if (line.start() == 0 && (text == null || !text.startsWith("P\t") && !text.startsWith("R\t"))) {
                throw new IllegalArgumentException(file + " at byte 0 is not a bouncekit suppression journal ("
                        + e.getMessage() + "): '" + shown(line) + "'", e);
            }
            unreadable(line, e.getMessage());
        }
    }

    private void unreadable(Line line, String why) {
        LOGGER.warn("{} line {} cannot be read and is skipped ({}): '{}'", file, lineNumber, why, shown(line));
        onUnreadableLine.run();
    }

    private static String shown(Line line) {
        if (line.text() == null) {
            return "...";
        }
        return line.text().length() > 80 ? line.text().substring(0, 80) + "..." : line.text();
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
     * Locks the journal, against this process's other stores of it and against other processes, by
     * its lock file, which no compaction replaces; then, when another store has replaced the journal
     * (a compaction), opens the new one, to be read from the start. While the lock is held nobody can
     * replace the journal, so the file opened is the one its identity was read from: a compaction's
     * new file can get a number the file system freed (a replaced journal's inode), and identities
     * read while compactions went on could name a file that was already replaced, whose writes were
     * then lost. {@link #release(FileLock)} lets both locks go.
     */
    private FileLock lockCurrentFile(boolean shared) throws IOException {
        processLock.lock();
        try {
            FileLock lock = this.shared.lockFile.lock(0, Long.MAX_VALUE, shared);
            try {
                if (!Objects.equals(fileKey, currentFileKey())) {
                    reopen();
                }
            } catch (IOException | RuntimeException e) {
                lock.release();
                throw e;
            }
            return lock;
        } catch (IOException | RuntimeException e) {
            processLock.unlock();
            throw e;
        }
    }

    /** Lets the locks go. */
    private void release(FileLock lock) throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            processLock.unlock();
        }
    }

    private Object currentFileKey() throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private Object existingFileKey() throws IOException {
        try {
            return currentFileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Appends the lines of {@code puts} (a batch when there are several) or, when {@code removed} is
     * not null, its removal; forced to disk, then applied. A write that fails is cut off at once.
     */
    private void append(List<Suppression> puts, String removed) throws IOException {
        Map<String, Entry> changes = new HashMap<>();
        List<byte[]> records = new ArrayList<>();
        long recordBytes = 0;
        if (removed != null) {
            records.add(bytes("R\t" + removed));
            changes.put(removed, null);
        }
        for (Suppression s : puts) {
            byte[] record = bytes(line(s));
            records.add(record);
            changes.put(s.address(), new Entry(s, record.length));
            recordBytes += record.length;
        }
        if (records.size() > 1) {
            records.add(0, bytes("B\t" + records.size() + "\t" + recordBytes));
        }
        ByteBuffer text = ByteBuffer.allocate(Math.toIntExact(records.stream().mapToLong(r -> r.length).sum()));
        records.forEach(text::put);
        text.flip();
        long start = readUpTo;
        long position = start;
        try {
            while (text.hasRemaining()) {
                position += channel.write(text, position);
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
        synchronized (this) {
            applyChanges(changes);
            readUpTo = position;
        }
        lineNumber += records.size();
    }

    private static byte[] bytes(String record) {
        return (record + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Compacts the journal when its dead lines outweigh its live ones (see the class comment); the caller holds the exclusive lock. */
    private void compactIfWorthIt() {
        long size = readUpTo;
        if (size <= compactAbove || size <= 2 * liveBytes
                || compactionFailedAt >= 0 && size <= compactionFailedAt + compactAbove) {
            return;
        }
        try {
            compact();
            compactionFailedAt = -1;
        } catch (IOException e) {
            compactionFailedAt = size;
            LOGGER.warn("{} ({} bytes, {} of them live) could not be compacted and stays as it is: {}", file, size,
                    liveBytes, e.getMessage());
        }
    }

    /**
     * Writes the live entries to a new file, forces it, moves it over the journal and makes it this
     * store's; the caller holds the exclusive lock of the journal, and {@link #release(FileLock)}
     * closes the old file. On failure the journal is left as it was and the new file removed.
     */
    private void compact() throws IOException {
        Path temporary = realFile.resolveSibling(realFile.getFileName() + ".compacting");
        FileChannel written = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        boolean moved = false;
        long started = System.nanoTime();
        try {
            TreeMap<String, Entry> compacted = new TreeMap<>();
            ByteBuffer out = ByteBuffer.allocate(CHUNK);
            long size = 0;
            for (Entry entry : entries.values()) {
                byte[] record = bytes(line(entry.suppression()));
                if (record.length > out.remaining()) {
                    size += writeFully(written, out.flip(), size);
                    out.clear();
                }
                if (record.length > out.capacity()) {
                    size += writeFully(written, ByteBuffer.wrap(record), size);
                } else {
                    out.put(record);
                }
                compacted.put(entry.suppression().address(), new Entry(entry.suppression(), record.length));
            }
            size += writeFully(written, out.flip(), size);
            written.force(true);
            Object key = Files.readAttributes(temporary, BasicFileAttributes.class).fileKey();
            Files.move(temporary, realFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            FileChannel old;
            synchronized (this) {
                old = channel;
                entries = compacted;
                liveBytes = size;
                channel = written;
                fileKey = key;
                readUpTo = size;
            }
            old.close();
            lineNumber = compacted.size();
            forceDirectory();
            LOGGER.info("{} compacted to {} entries, {} bytes, in {} ms", file, compacted.size(), size,
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            if (!moved) {
                written.close();
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** Writes the remaining bytes of {@code bytes} at {@code position}; their count. */
    private static long writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long written = 0;
        while (bytes.hasRemaining()) {
            written += channel.write(bytes, position + written);
        }
        return written;
    }

    /** Forces the rename to disk; a system that cannot open a directory keeps it as durable as its file system makes it. */
    private void forceDirectory() {
        Path directory = realFile.getParent();
        if (directory == null) {
            return;
        }
        try (FileChannel handle = FileChannel.open(directory, StandardOpenOption.READ)) {
            handle.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOGGER.debug("cannot force directory {}: {}", directory, e.getMessage());
        }
    }

    private interface Change<T> {
        T apply() throws IOException;
    }

    /** Runs {@code change} under the exclusive lock, after reading what others appended; compacts when worth it. */
    private <T> T write(String what, Change<T> change) {
        try {
            FileLock lock = lockCurrentFile(false);
            try {
                catchUp(true);
                T result = change.apply();
                compactIfWorthIt();
                return result;
            } finally {
                release(lock);
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot " + what + " in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads what others appended, when they did: lookups otherwise answer from memory without any lock. */
    private void refresh() {
        try {
            Object current = currentFileKey();
            boolean stale;
            synchronized (this) {
                stale = rebuild || channel.size() != readUpTo || !Objects.equals(fileKey, current);
            }
            if (stale) {
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
            Entry existing = entries.get(bounce.address());
            Optional<Suppression> next = policy.next(existing == null ? null : existing.suppression(), bounce);
            if (next.isPresent()) {
                append(List.of(next.get()), null);
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
                Entry entry = entries.get(key);
                if (entry != null && entry.suppression().isActive(now)) {
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
            return Optional.ofNullable(entries.get(key)).map(Entry::suppression);
        }
    }

    @Override
    public List<Suppression> list(String contains, int limit) {
        refresh();
        String needle = contains == null ? "" : contains.trim().toLowerCase(Locale.ROOT);
        synchronized (this) {
            return entries.values().stream().map(Entry::suppression).filter(s -> s.address().contains(needle))
                    .limit(Math.max(0, limit)).toList();
        }
    }

    @Override
    public void put(Suppression suppression) {
        write("add " + suppression.address(), () -> {
            append(List.of(suppression), null);
            return null;
        });
    }

    @Override
    public void putAll(Collection<Suppression> suppressions) {
        if (suppressions.isEmpty()) {
            return;
        }
        write("add " + suppressions.size() + " entries", () -> {
            append(List.copyOf(suppressions), null);
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
            append(List.of(), key);
            return true;
        });
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public void close() {
        processLock.lock();
        try {
            synchronized (this) {
                channel.close();
            }
            if (shared != null) {
                leaveProcessLock(realFile, shared);
                shared = null;
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot close " + file, e);
        } finally {
            processLock.unlock();
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

    /** The whole lines of a channel between two positions, read a chunk at a time, at any position. */
    private static final class Lines {

        private final FileChannel channel;
        private final long end;
        private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        private long chunkStart;
        private long next;
        private byte[] line = new byte[512];

        Lines(FileChannel channel, long from, long end) {
            this.channel = channel;
            this.end = end;
            this.next = from;
            this.chunkStart = from;
            chunk.limit(0);
        }

        /** The next line that ends with a newline before the end, or null when none does (a torn last line). */
        Line next() throws IOException {
            long start = next;
            int length = 0;
            boolean tooLong = false;
            while (true) {
                if (next - chunkStart >= chunk.limit() && !fill(next)) {
                    return null;
                }
                byte[] bytes = chunk.array();
                int from = (int) (next - chunkStart);
                int to = from;
                int limit = chunk.limit();
                while (to < limit && bytes[to] != '\n') {
                    to++;
                }
                int run = to - from;
                if (!tooLong && length + run > LONGEST_LINE) {
                    tooLong = true;
                } else if (!tooLong) {
                    if (length + run > line.length) {
                        line = Arrays.copyOf(line, Math.max(length + run, 2 * line.length));
                    }
                    System.arraycopy(bytes, from, line, length, run);
                    length += run;
                }
                next = chunkStart + to;
                if (to < limit) {
                    next++;
                    return new Line(start, next, tooLong ? null : new String(line, 0, length, StandardCharsets.UTF_8));
                }
            }
        }

        private boolean fill(long at) throws IOException {
            if (at >= end) {
                return false;
            }
            chunk.clear();
            chunk.limit((int) Math.min(CHUNK, end - at));
            while (chunk.hasRemaining()) {
                if (channel.read(chunk, at + chunk.position()) < 0) {
                    break;
                }
            }
            chunk.flip();
            chunkStart = at;
            return chunk.hasRemaining();
        }
    }
}
