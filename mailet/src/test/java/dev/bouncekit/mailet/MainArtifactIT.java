package dev.bouncekit.mailet;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main artifact, the one a Maven build depends on: the mailet and matchers only, and a POM that
 * brings bouncekit-core, so core's classes are never on a class path twice. (The jar for James,
 * core inside, is the 'james' classifier: MailetJarIT.)
 */
class MainArtifactIT {

    @Test
    void holds_no_class_of_bouncekit_core() throws IOException {
        Path jar = Path.of(System.getProperty("bouncekit.mailet.main.jar", "target/bouncekit-mailet.jar"));
        assertThat(jar).as("the main artifact").isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> classes = file.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
            assertThat(classes).contains("dev/bouncekit/mailet/ClassifyBounce.class")
                    .allMatch(n -> n.startsWith("dev/bouncekit/mailet/"));
            assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("dev.bouncekit.mailet");
        }
    }

    @Test
    void its_pom_depends_on_core() throws IOException {
        Path pom = Path.of(System.getProperty("basedir", ".")).resolve("pom.xml");
        assertThat(java.nio.file.Files.readString(pom)).contains("<artifactId>bouncekit-core</artifactId>")
                .contains("<createDependencyReducedPom>false</createDependencyReducedPom>");
    }
}
