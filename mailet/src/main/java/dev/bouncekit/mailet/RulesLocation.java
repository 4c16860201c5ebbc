package dev.bouncekit.mailet;

import org.apache.james.filesystem.api.FileSystem;

import java.io.FileNotFoundException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where the {@code rules} init parameter of {@link ClassifyBounce} points, resolved as James
 * resolves its own configuration paths: {@code file://conf/bounce.rules} and
 * {@code file://var/...} in James's conf and var directories, {@code file:///opt/bounce.rules}
 * absolute, {@code classpath:...} on James's class path (all by James's {@link FileSystem}); an
 * absolute path as it is, and a relative path against James's working directory.
 */
final class RulesLocation {

    private RulesLocation() {
    }

    /**
     * The file {@code value} names.
     *
     * @param fileSystem James's file system, or null when the mailet runs without one (then only
     *                   plain paths are understood, relative ones against the JVM's directory)
     * @throws IllegalArgumentException when {@code value} cannot name a file
     */
    static Path resolve(String value, FileSystem fileSystem) {
        String location = value.trim();
        boolean jamesUrl = location.startsWith(FileSystem.FILE_PROTOCOL) || location.startsWith(FileSystem.CLASSPATH_PROTOCOL);
        try {
            if (jamesUrl) {
                if (fileSystem == null) {
                    throw new IllegalArgumentException("'" + location + "' is a James file URL, but this mailet was"
                            + " created without James's FileSystem; give an absolute path");
                }
                return fileSystem.getFile(location).toPath();
            }
            Path path = Path.of(location);
            if (path.isAbsolute() || fileSystem == null) {
                return path;
            }
            return fileSystem.getBasedir().toPath().resolve(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid path: " + e.getMessage(), e);
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException("'" + value + "' names no file James can find: " + e.getMessage(), e);
        }
    }
}
