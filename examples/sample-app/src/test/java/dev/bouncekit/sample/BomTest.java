package dev.bouncekit.sample;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BOM has no parent (an imported BOM would bring the parent's dependency management along), so its
 * version is written twice: it must be the build's, and it must list every published artifact.
 */
class BomTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("../..").normalize();
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>(bouncekit-[a-z-]+)</artifactId>");

    @Test
    void the_bom_has_the_version_of_the_build() throws IOException {
        assertThat(ownVersion(ROOT.resolve("bom/pom.xml"))).isEqualTo(ownVersion(ROOT.resolve("pom.xml")));
    }

    @Test
    void the_bom_lists_every_published_artifact() throws IOException {
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        List<String> published = new ArrayList<>();
        for (String module : List.of("core", "fake-receiver", "junit-extension", "spring-boot-test", "mailet", "suppression", "cli")) {
            String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
            assertThat(pom).as("%s is published", module).doesNotContain("<maven.deploy.skip>true");
            Matcher m = ARTIFACT_ID.matcher(pom.substring(pom.indexOf("</parent>")));
            assertThat(m.find()).isTrue();
            published.add(m.group(1));
        }
        assertThat(published).allSatisfy(artifact -> assertThat(bom).contains("<artifactId>" + artifact + "</artifactId>"));
        assertThat(bom).contains("<classifier>james</classifier>").doesNotContain("<parent>");
    }

    /** The version a POM gives itself: the first version after its own artifactId, outside the parent. */
    private static String ownVersion(Path pom) throws IOException {
        String text = Files.readString(pom);
        int start = text.contains("</parent>") ? text.indexOf("</parent>") : text.indexOf("<artifactId>");
        Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(text.substring(start));
        assertThat(m.find()).as("a version in %s", pom).isTrue();
        return m.group(1);
    }
}
