package com.example;

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
 * The application's Jakarta Mail next to bouncekit-junit: every class is on the test class path once,
 * and a project that reads no scenario file gets no YAML or JSON library.
 */
class ClassPathTest {

    @Test
    void no_class_is_on_the_class_path_twice() throws IOException {
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
        assertThat(duplicates).isEmpty();
    }

    @Test
    void no_jackson_or_snakeyaml_without_bouncekit_server() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        assertThat(classPath.split(File.pathSeparator))
                .as("the test class path of a project without @Scenario")
                .noneMatch(entry -> entry.contains("jackson") || entry.contains("snakeyaml"));
    }
}
