package dev.bouncekit.sample;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the docs from rotting: every Java block in {@code junit-extension/README.md} is preceded by
 * {@code <!-- snippet: PATH#TAG -->} and must equal the lines between {@code // tag::TAG[]} and
 * {@code // end::TAG[]} in that compiled test source (common indentation removed); the snippets the
 * main {@code README.md} shows are checked the same way. The new-user check's test must hold the
 * quick start too.
 */
class ReadmeSnippetsTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("../..").normalize();
    private static final Path README = ROOT.resolve("junit-extension/README.md");
    private static final Path NEW_USER_TEST =
            ROOT.resolve("junit-extension/src/it/new-user/src/test/java/com/example/QuickStartTest.java");
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: (\\S+)#(\\S+) -->\\n```java\\n(.*?)\\n```", Pattern.DOTALL);

    @TestFactory
    Stream<DynamicTest> every_readme_snippet_matches_its_test_source() throws IOException {
        String readme = Files.readString(README);
        List<DynamicTest> tests = new ArrayList<>();
        Matcher m = SNIPPET.matcher(readme);
        while (m.find()) {
            String path = m.group(1);
            String tag = m.group(2);
            String shown = m.group(3);
            tests.add(DynamicTest.dynamicTest(path + "#" + tag,
                    () -> assertThat(shown).as("README snippet %s#%s", path, tag).isEqualTo(region(ROOT.resolve(path), tag))));
        }
        assertThat(tests).as("snippets in %s", README).hasSizeGreaterThanOrEqualTo(8);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> every_snippet_in_the_main_readme_matches_its_test_source() throws IOException {
        Path mainReadme = ROOT.resolve("README.md");
        String readme = Files.readString(mainReadme);
        List<DynamicTest> tests = new ArrayList<>();
        Matcher m = SNIPPET.matcher(readme);
        while (m.find()) {
            String path = m.group(1);
            String tag = m.group(2);
            String shown = m.group(3);
            tests.add(DynamicTest.dynamicTest("README.md " + path + "#" + tag,
                    () -> assertThat(shown).as("main README snippet %s#%s", path, tag).isEqualTo(region(ROOT.resolve(path), tag))));
        }
        assertThat(tests).as("snippets in %s", mainReadme).hasSizeGreaterThanOrEqualTo(3);
        return tests.stream();
    }

    @Test
    void every_java_block_in_the_readme_is_a_checked_snippet() throws IOException {
        String readme = Files.readString(README);
        long javaBlocks = Pattern.compile("```java").matcher(readme).results().count();
        long checked = SNIPPET.matcher(readme).results().count();
        assertThat(checked).as("Java blocks in the README without a '<!-- snippet: PATH#TAG -->' line").isEqualTo(javaBlocks);
    }

    @Test
    void the_new_user_check_runs_the_quick_start_of_the_readme() throws IOException {
        Path sample = ROOT.resolve("examples/sample-app/src/test/java/dev/bouncekit/sample/QuickStartTest.java");
        assertThat(region(NEW_USER_TEST, "quick-start")).isEqualTo(region(sample, "quick-start"));
    }

    /** The lines between the tag markers, with their common indentation removed. */
    static String region(Path source, String tag) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int start = indexOf(lines, "// tag::" + tag + "[]", source);
        int end = indexOf(lines, "// end::" + tag + "[]", source);
        List<String> body = lines.subList(start + 1, end);
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
    }

    private static int indexOf(List<String> lines, String marker, Path source) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError("no line '" + marker + "' in " + source);
    }
}
