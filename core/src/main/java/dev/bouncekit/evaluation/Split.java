package dev.bouncekit.evaluation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * The project's fixed split of labelled rows into a training part (read, debugged, written rules
 * for) and a validation part (only scored). A row's part depends on its id alone: the CRC-32 of
 * the id's UTF-8 bytes, modulo 10; 0, 1 and 2 are validation (about 30 %), 3 to 9 training.
 *
 * <p>The checksum is the standard CRC-32 of zlib, gzip and PNG ({@link CRC32}), so the split is the
 * same in any language, e.g. in Python {@code zlib.crc32(id.encode("utf-8")) % 10 < 3}. It never
 * changes when rows are added, removed or reordered, so row ids must be unique and stable.
 */
public enum Split {
    /** Rows that may be read and used to write or tune rules. */
    TRAIN,
    /** Rows that are only scored; their text and misses are not read. */
    VALIDATION;

    private static final int BUCKETS = 10;
    private static final int VALIDATION_BUCKETS = 3;

    /** The part the row with this id belongs to. */
    public static Split of(String id) {
        return isValidation(id) ? VALIDATION : TRAIN;
    }

    /** True when the row with this id is a validation row: {@code crc32(utf8(id)) % 10 < 3}. */
    public static boolean isValidation(String id) {
        return crc32(id) % BUCKETS < VALIDATION_BUCKETS;
    }

    /**
     * Whether the rows of {@code file} are split at all: those of the files in a directory named
     * {@code labelled} (the corpus's {@code corpus/labelled/}). Any other file (the dev set, the
     * seeds, one of a user's own) and standard input ({@code -}) are tuned on whole: every row is a
     * training row.
     */
    public static boolean appliesTo(Path file) {
        if (file == null || file.toString().equals("-")) {
            return false;
        }
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("labelled");
    }

    /** The unsigned CRC-32 of the id's UTF-8 bytes, as {@code zlib.crc32} computes it. */
    public static long crc32(String id) {
        Objects.requireNonNull(id, "id");
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** The lower-case name used in output, e.g. {@code validation}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
