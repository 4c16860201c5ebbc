package dev.bouncekit.spring.test;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's {@code spring-boot-starter-mail} next to bouncekit-spring-boot-test, as
 * docs/spring-boot.md says to add it: no class is on the test class path twice. Boot 4.0's starter
 * brings {@code jakarta.mail-api} + {@code angus-mail}, as bouncekit does; Boot 3.5's brings the
 * all-in-one {@code org.eclipse.angus:jakarta.mail}, which the documented exclusions leave alone.
 */
class ClassPathTest {

    @Test
    void jakarta_mail_is_on_the_class_path_once() throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Map<String, String> firstJar = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                jar.stream()
                        .map(e -> e.getName())
                        .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/")
                                && !name.endsWith("module-info.class"))
                        .forEach(name -> {
                            String other = firstJar.putIfAbsent(name, entry);
                            if (other != null) {
                                duplicates.add(name + " in " + other + " and " + entry);
                            }
                        });
            }
        }
        assertThat(firstJar).containsKey("jakarta/mail/Session.class");
        assertThat(duplicates).as("classes on the test class path twice").isEmpty();
    }
}
