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
 * Keeps the docs from rotting: every Java block of {@code README.md} and of the pages in {@code docs/} is
 * (and a Kotlin block may be) preceded by {@code <!-- snippet: PATH#TAG -->} and must equal the lines between {@code // tag::TAG[]}
 * and {@code // end::TAG[]} in that compiled test source (common indentation and the marker lines of
 * other tags removed). The new-user check's test must hold the quick start too.
 */
class ReadmeSnippetsTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("../..").normalize();
    private static final Path JUNIT_GUIDE = ROOT.resolve("docs/testing-with-junit.md");
    private static final Path NEW_USER_TEST =
            ROOT.resolve("junit-extension/src/it/new-user/src/test/java/com/example/QuickStartTest.java");
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: (\\S+)#(\\S+) -->\\n```(?:java|kotlin)\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern TAG_MARKER = Pattern.compile("//\\s*(tag|end)::\\S+\\[\\]");

    @TestFactory
    Stream<DynamicTest> every_snippet_matches_its_test_source() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : pages()) {
            Matcher m = SNIPPET.matcher(Files.readString(page));
            while (m.find()) {
                String path = m.group(1);
                String tag = m.group(2);
                String shown = m.group(3);
                String name = ROOT.relativize(page) + " " + path + "#" + tag;
                tests.add(DynamicTest.dynamicTest(name,
                        () -> assertThat(shown).as("snippet %s", name).isEqualTo(region(ROOT.resolve(path), tag))));
            }
        }
        assertThat(tests).as("snippets in README.md and docs/").hasSizeGreaterThanOrEqualTo(10);
        return tests.stream();
    }

    @Test
    void the_junit_guide_and_the_front_page_show_checked_snippets() throws IOException {
        assertThat(SNIPPET.matcher(Files.readString(JUNIT_GUIDE)).results().count()).isGreaterThanOrEqualTo(8);
        assertThat(SNIPPET.matcher(Files.readString(ROOT.resolve("README.md"))).results().count()).isGreaterThanOrEqualTo(1);
    }

    /** The pages whose every Java block is a checked snippet; the others also show API sketches. */
    @TestFactory
    Stream<DynamicTest> every_java_block_of_the_front_page_and_the_junit_guide_is_a_checked_snippet() {
        return Stream.of(ROOT.resolve("README.md"), JUNIT_GUIDE).map(page -> DynamicTest.dynamicTest(ROOT.relativize(page).toString(), () -> {
            String text = Files.readString(page);
            long javaBlocks = Pattern.compile("```java").matcher(text).results().count();
            long checked = SNIPPET.matcher(text).results().count();
            assertThat(checked).as("Java blocks in %s without a '<!-- snippet: PATH#TAG -->' line", page).isEqualTo(javaBlocks);
        }));
    }

    @Test
    void the_new_user_check_runs_the_quick_start_of_the_guide() throws IOException {
        Path sample = ROOT.resolve("examples/sample-app/src/test/java/dev/bouncekit/sample/QuickStartTest.java");
        assertThat(region(NEW_USER_TEST, "quick-start")).isEqualTo(region(sample, "quick-start"));
    }

    /** README.md and every page of docs/. */
    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The lines between the tag markers, without other tags' markers, with their common indentation removed. */
    static String region(Path source, String tag) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int start = indexOf(lines, "// tag::" + tag + "[]", source);
        int end = indexOf(lines, "// end::" + tag + "[]", source);
        List<String> body = lines.subList(start + 1, end).stream()
                .filter(l -> !TAG_MARKER.matcher(l.strip()).matches())
                .toList();
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
