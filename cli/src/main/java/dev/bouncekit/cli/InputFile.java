package dev.bouncekit.cli;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file named on the command line, opened for reading as UTF-8 (bytes that are not UTF-8 read as
 * U+FFFD; a byte order mark at its start is skipped); standard input when the name is absent or {@code -}. What keeps it from being read is a
 * {@link UserError} that names the file, and so is text saved as UTF-16 (a UTF-16 byte order mark at its start), which
 * would read as a reply of U+FFFD and NUL characters a line.
 */
final class InputFile {

    private InputFile() {
    }

    /**
     * Opens {@code file}, or standard input.
     *
     * @param expected what the file should be, for the message when it cannot be read, e.g. "a file of replies"
     */
    static BufferedReader open(Path file, String expected) {
        if (file == null || file.toString().equals("-")) {
            return utf8(System.in, Path.of("-"), expected);
        }
        check(file, expected);
        try {
            return utf8(Files.newInputStream(file), file, expected);
        } catch (IOException e) {
            throw cannotRead(file, e, expected);
        }
    }

    /** {@code raw} read as UTF-8, past a UTF-8 byte order mark; refused when it starts with a UTF-16 one. */
    private static BufferedReader utf8(InputStream raw, Path file, String expected) {
        BufferedInputStream in = new BufferedInputStream(raw);
        try {
            in.mark(2);
            int first = in.read();
            // a second octet is read only after one that starts no UTF-8 text: a line typed at a terminal is not held back
            int second = first == 0xFF || first == 0xFE ? in.read() : -1;
            in.reset();
            if ((first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF)) {
                throw new UserError("cannot read " + file + ": it is UTF-16 text (it starts with a UTF-16 byte order mark); "
                        + "save it as UTF-8 and give " + expected);
            }
        } catch (IOException e) {
            throw cannotRead(file, e, expected);
        }
        return withoutByteOrderMark(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), file, expected);
    }

    /** {@code in} past the byte order mark of a file saved "UTF-8 with BOM": the mark is no text of its first line. */
    private static BufferedReader withoutByteOrderMark(BufferedReader in, Path file, String expected) {
        try {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            return in;
        } catch (IOException e) {
            throw cannotRead(file, e, expected);
        }
    }

    /** Checks that {@code file} is a readable regular file. */
    static void check(Path file, String expected) {
        if (Files.isDirectory(file)) {
            throw new UserError("cannot read " + file + ": it is a directory; give " + expected);
        }
        if (!Files.exists(file)) {
            throw new UserError("cannot read " + file + ": no such file; give " + expected);
        }
        if (!Files.isReadable(file)) {
            throw new UserError("cannot read " + file + ": permission denied; give " + expected + " you may read");
        }
    }

    /** A failure to read {@code file}, as a user error. */
    static UserError cannotRead(Path file, IOException e, String expected) {
        String reason = e instanceof NoSuchFileException ? "no such file"
                : e instanceof AccessDeniedException ? "permission denied"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new UserError("cannot read " + file + ": " + reason + "; give " + expected);
    }
}
