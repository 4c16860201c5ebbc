package dev.bouncekit.junit.internal;

import dev.bouncekit.receiver.ReplyRule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

    /** Scenario files are YAML, read by bouncekit-server, which bouncekit-junit does not bring along. */
    private static void requireServerModule() {
        try {
            Class.forName("dev.bouncekit.server.scenario.Scenario", false, ScenarioFile.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("@Scenario needs dev.bouncekit:bouncekit-server on the test class path "
                    + "(it reads the YAML); add it as a test dependency beside bouncekit-junit");
        }
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
                try (InputStream in = loader.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IllegalArgumentException(location + ": no such resource on the test class path");
                    }
                    return dev.bouncekit.server.scenario.Scenario.parse(name,
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)).rules();
                }
            }
            return dev.bouncekit.server.scenario.Scenario.load(Path.of(location)).rules();
        } catch (IOException e) {
            throw new IllegalArgumentException(location + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
