package dev.bouncekit.junit.internal;

import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.server.scenario.Scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.List;

/**
 * The rules of a scenario file named by a test: {@code classpath:NAME}, a resource found by the
 * test's class loader, or the path of a file.
 */
public final class ScenarioFile {

    /** The prefix of a class-path location. */
    public static final String CLASSPATH = "classpath:";

    private ScenarioFile() {
    }

    /**
     * Whether scenario files can be read: they are YAML, read by bouncekit-server, which bouncekit-junit
     * does not bring along.
     */
    public static boolean readable() {
        try {
            Class.forName("dev.bouncekit.server.scenario.Scenario", false, ScenarioFile.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static void requireServerModule() {
        if (!readable()) {
            throw new IllegalArgumentException("@Scenario needs dev.bouncekit:bouncekit-server on the test class path "
                    + "(it reads the YAML); add it as a test dependency beside bouncekit-junit");
        }
    }

    /**
     * Whether {@code name} is a directory of the class path, in a folder or a jar: its resource
     * stream would be a listing of its files, or nothing, rather than a scenario.
     */
    private static boolean isDirectory(String name, ClassLoader loader) throws IOException {
        if (name.isEmpty() || name.endsWith("/")) {
            return true;
        }
        URL url = loader.getResource(name);
        if (url == null) {
            return false;
        }
        if ("file".equals(url.getProtocol())) {
            try {
                return Files.isDirectory(Path.of(url.toURI()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return false;
            }
        }
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar) {
            JarEntry entry = jar.getJarEntry();
            return entry != null && entry.isDirectory();
        }
        return false;
    }

    /**
     * Reads the rules at {@code location}.
     *
     * @throws IllegalArgumentException when there is no such resource or file, it cannot be read,
     *                                  or it is not a valid scenario (naming the rule and field)
     */
    public static List<ReplyRule> rules(String location, ClassLoader loader) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("no scenario named; give classpath:NAME or the path of a file");
        }
        requireServerModule();
        try {
            if (location.startsWith(CLASSPATH)) {
                String name = location.substring(CLASSPATH.length()).replaceFirst("^/+", "");
                if (isDirectory(name, loader)) {
                    throw new IllegalArgumentException(location + ": a directory on the test class path, not a scenario file");
                }
                try (InputStream in = loader.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IllegalArgumentException(location + ": no such resource on the test class path");
                    }
                    return Scenario.parse(name,
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)).rules();
                }
            }
            return Scenario.load(Path.of(location)).rules();
        } catch (IOException e) {
            throw new IllegalArgumentException(location + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
