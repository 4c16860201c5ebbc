package dev.bouncekit.junit.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user's tests compile against when they depend on bouncekit-junit: the compile scope of this
 * artifact, as Maven resolves it (target/compile-dependencies.txt, written by maven-dependency-plugin),
 * less the optional ones, which users never get. It may shrink; growing it is a decision, made here.
 */
class CompileDependenciesTest {

    /** Each one is named by this artifact's API, or is a compile dependency of one that is. */
    private static final List<String> ALLOWED = List.of(
            "dev.bouncekit:bouncekit-core",
            "dev.bouncekit:bouncekit-fake-receiver",
            "com.icegreen:greenmail",                       // FakeReceiver.greenMail()
            "jakarta.mail:jakarta.mail-api",                // GreenMail's and ReceivedMessage's API
            "jakarta.activation:jakarta.activation-api",    // jakarta.mail-api's
            "org.slf4j:slf4j-api",                          // GreenMail's
            "org.junit.jupiter:junit-jupiter-api",          // the extension
            "org.junit.jupiter:junit-jupiter-params",       // @CatalogSource
            "org.junit.platform:junit-platform-commons",    // junit-jupiter-api's
            "org.opentest4j:opentest4j",                    // junit-jupiter-api's
            "org.apiguardian:apiguardian-api",              // junit-jupiter-api's
            "org.assertj:assertj-core",                     // the assertions
            "net.bytebuddy:byte-buddy",                     // assertj-core's
            "org.eclipse.angus:angus-mail");                // bouncekit-fake-receiver's Jakarta Mail implementation

    /** Optional: on this module's class path (@Scenario), never passed on to users. */
    private static final List<String> OPTIONAL = List.of(
            "dev.bouncekit:bouncekit-server",
            "com.fasterxml.jackson.core:jackson-databind",            // bouncekit-server's, so optional too
            "com.fasterxml.jackson.core:jackson-core",
            "com.fasterxml.jackson.core:jackson-annotations",
            "com.fasterxml.jackson.dataformat:jackson-dataformat-yaml",
            "org.yaml:snakeyaml");

    private static final Pattern LINE = Pattern.compile("^\\s+([^:\\s]+):([^:\\s]+):[^\\s]*:compile\\b.*$");

    @Test
    void the_compile_scope_holds_only_what_the_api_needs() throws IOException {
        List<String> compile = compileDependencies(false);

        assertThat(compile).as("compile dependencies of bouncekit-junit").isNotEmpty().isSubsetOf(ALLOWED);
        assertThat(compile).as("the all-in-one Jakarta Mail jar, Jackson, SnakeYAML")
                .doesNotContain("org.eclipse.angus:jakarta.mail", "com.fasterxml.jackson.core:jackson-databind",
                        "org.yaml:snakeyaml");
        assertThat(compileDependencies(true)).as("optional compile dependencies of bouncekit-junit").isSubsetOf(OPTIONAL);
    }

    private static List<String> compileDependencies(boolean optional) throws IOException {
        Path list = Path.of(System.getProperty("basedir", ".")).resolve("target/compile-dependencies.txt");
        assertThat(list).as("written by the compile-dependencies execution of maven-dependency-plugin").isRegularFile();
        return Files.readAllLines(list).stream()
                .filter(line -> line.contains("(optional)") == optional)
                .map(LINE::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1) + ":" + m.group(2))
                .toList();
    }
}
