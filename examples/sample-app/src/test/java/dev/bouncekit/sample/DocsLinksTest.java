package dev.bouncekit.sample;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of README.md, the pages of docs/ and the modules' READMEs points to a file that
 * exists and, when it names an anchor, to a heading of that file (GitHub's heading ids).
 */
class DocsLinksTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("../..").normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Set<String> MODULE_READMES = Set.of("core", "fake-receiver", "server", "junit-extension", "mailet",
            "suppression", "spring-boot-test", "cli", "bench", "e2e", "examples/sample-app", "examples/spring-app");

    @TestFactory
    Stream<DynamicTest> every_relative_link_resolves() throws IOException {
        List<Path> pages = new ArrayList<>(ReadmeSnippetsTest.pages());
        for (String module : MODULE_READMES) {
            Path readme = ROOT.resolve(module).resolve("README.md");
            if (Files.isRegularFile(readme)) {
                pages.add(readme);
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : pages) {
            for (String link : links(page)) {
                tests.add(DynamicTest.dynamicTest(ROOT.relativize(page) + " -> " + link, () -> checkLink(page, link)));
            }
        }
        assertThat(tests).as("links in README.md and docs/").hasSizeGreaterThan(10);
        return tests.stream();
    }

    private static void checkLink(Path page, String link) throws IOException {
        int hash = link.indexOf('#');
        String file = hash < 0 ? link : link.substring(0, hash);
        Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        assertThat(target).as("target of %s in %s", link, page).exists();
        if (hash >= 0 && Files.isRegularFile(target) && target.toString().endsWith(".md")) {
            assertThat(headingIds(target)).as("headings of %s", target).contains(link.substring(hash + 1));
        }
    }

    private static List<String> links(Path page) throws IOException {
        List<String> links = new ArrayList<>();
        for (String line : prose(page)) {
            Matcher m = LINK.matcher(line);
            while (m.find()) {
                String link = m.group(1);
                if (!link.matches("^[a-z]+:.*")) {
                    links.add(link);
                }
            }
        }
        return links;
    }

    /** The ids GitHub gives the headings of a page. */
    static Set<String> headingIds(Path page) throws IOException {
        return prose(page).stream()
                .filter(l -> l.matches("^#{1,6} .*"))
                .map(l -> l.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }

    /** The lines of a page outside its fenced code blocks. */
    private static List<String> prose(Path page) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(page)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                lines.add(line);
            }
        }
        return lines;
    }
}
