package dev.bouncekit.suppression.mailet;

import org.apache.james.filesystem.api.FileSystem;

import java.nio.file.Path;

/**
 * Where the mailets' store lives, from the {@code store} setting: a {@code jdbc:postgresql://} URL as
 * it is, or a journal file named as James names its files ({@code file://var/...} in James's working
 * directory, {@code file:///abs/path}, an absolute path, or a path relative to James's working
 * directory, not the JVM's).
 */
final class StoreLocation {

    /** The store when none is configured: a journal in James's {@code var/} directory. */
    static final String DEFAULT = "file://var/bouncekit/suppressions.journal";

    private StoreLocation() {
    }

    /**
     * The location to open: a JDBC URL, or an absolute file path; {@link #DEFAULT} when {@code value}
     * is null (not configured). A blank value is refused: an empty {@code <store></store>} opening
     * the default journal would part the mailet from matchers that name another store.
     */
    static String resolve(String value, FileSystem fileSystem) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException("store: is empty; give a jdbc:postgresql:// URL or a journal file, or leave it out for "
                    + DEFAULT);
        }
        String location = value == null ? DEFAULT : value.trim();
        if (location.startsWith("jdbc:")) {
            return location;
        }
        Path base = baseDirectory(fileSystem);
        if (location.startsWith("file:///")) {
            return Path.of(location.substring("file://".length())).normalize().toString();
        }
        if (location.startsWith("file://")) {
            return base.resolve(location.substring("file://".length())).normalize().toString();
        }
        if (location.contains("://")) {
            throw new IllegalArgumentException("store: '" + location + "' is neither a jdbc:postgresql:// URL nor a file "
                    + "(file://var/..., file:///path, or a path)");
        }
        Path path = Path.of(location);
        return (path.isAbsolute() ? path : base.resolve(path)).normalize().toString();
    }

    private static Path baseDirectory(FileSystem fileSystem) {
        if (fileSystem == null) {
            return Path.of("").toAbsolutePath();
        }
        try {
            return fileSystem.getBasedir().toPath();
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalArgumentException("James's working directory cannot be found: " + e.getMessage(), e);
        }
    }
}
