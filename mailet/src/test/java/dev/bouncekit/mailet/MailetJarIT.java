package dev.bouncekit.mailet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployable jar: what goes into James's extensions-jars/ folder. */
class MailetJarIT {

    private static final Map<String, ClassFileConstants> CLASSES = new LinkedHashMap<>();
    private static final List<String> ENTRIES = new ArrayList<>();

    @BeforeAll
    static void readJar() throws IOException {
        Path jar = Path.of(System.getProperty("bouncekit.mailet.jar", "target/bouncekit-mailet.jar"));
        assertThat(jar).as("the packaged mailet jar").isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                ENTRIES.add(entry.getName());
                if (entry.getName().endsWith(".class")) {
                    CLASSES.put(entry.getName(), ClassFileConstants.read(file.getInputStream(entry).readAllBytes()));
                }
            }
        }
    }

    @Test
    void no_class_refers_to_javax_mail_or_jakarta_mail() {
        List<String> offenders = new ArrayList<>();
        CLASSES.forEach((name, constants) -> constants.utf8().stream()
                .filter(text -> text.contains("javax/mail") || text.contains("jakarta/mail")
                        || text.contains("javax.mail") || text.contains("jakarta.mail"))
                .forEach(text -> offenders.add(name + " -> " + text)));

        assertThat(offenders).isEmpty();
    }

    @Test
    void the_mailet_and_matchers_are_inside() {
        assertThat(ENTRIES).contains(
                "dev/bouncekit/mailet/ClassifyBounce.class",
                "dev/bouncekit/mailet/matchers/IsBounceReason.class",
                "dev/bouncekit/mailet/matchers/IsBounceAction.class",
                "dev/bouncekit/mailet/matchers/IsBounceOwner.class",
                "dev/bouncekit/mailet/matchers/IsHardBounce.class");
    }

    @Test
    void bouncekit_core_and_its_data_are_inside() {
        assertThat(ENTRIES).contains(
                "dev/bouncekit/classify/BounceClassifier.class",
                "dev/bouncekit/providers/gmail.provider",
                "dev/bouncekit/rules/generic.rules",
                "dev/bouncekit/catalog/catalog.txt");
    }

    @Test
    void no_james_or_other_library_class_is_inside() {
        assertThat(CLASSES.keySet()).allMatch(name -> name.startsWith("dev/bouncekit/"));
    }

    @Test
    void every_class_is_java_17_bytecode() {
        assertThat(CLASSES.values()).extracting(ClassFileConstants::majorVersion).containsOnly(61);
    }

    @Test
    void the_constant_pool_reader_does_see_references() {
        assertThat(CLASSES.get("dev/bouncekit/mailet/ClassifyBounce.class").utf8())
                .contains("org/apache/mailet/Mail", "org/apache/mailet/base/GenericMailet");
    }
}
