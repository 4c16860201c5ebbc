package dev.bouncekit.suppression;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployable jar, bouncekit-suppression-VERSION-james.jar: what goes beside bouncekit-mailet's in extensions-jars/. */
class SuppressionJarIT {

    private static final List<String> ENTRIES = new ArrayList<>();
    private static String flywayPlugins;

    @BeforeAll
    static void readJar() throws IOException {
        Path jar = Path.of(System.getProperty("bouncekit.suppression.jar", "target/bouncekit-suppression-james.jar"));
        assertThat(jar).as("the packaged -james jar").isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                ENTRIES.add(entry.getName());
            }
            JarEntry plugins = file.getJarEntry("META-INF/services/org.flywaydb.core.extensibility.Plugin");
            flywayPlugins = plugins == null ? "" : new String(file.getInputStream(plugins).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_mailet_the_matchers_the_route_and_the_stores_are_inside() {
        assertThat(ENTRIES).contains(
                "dev/bouncekit/suppression/mailet/SuppressRecipients.class",
                "dev/bouncekit/suppression/mailet/IsSuppressed.class",
                "dev/bouncekit/suppression/mailet/IsReputationAlert.class",
                "dev/bouncekit/suppression/mailet/SuppressionRoutes.class",
                "dev/bouncekit/suppression/file/JournalFileStore.class",
                "dev/bouncekit/suppression/postgres/PostgresStore.class",
                "dev/bouncekit/suppression/postgres/migration/V1__suppression_list.sql");
    }

    @Test
    void the_postgresql_driver_and_flyway_with_its_postgresql_plugin_are_inside() {
        assertThat(ENTRIES).contains("org/postgresql/Driver.class", "org/flywaydb/core/Flyway.class",
                "META-INF/LICENSE", "META-INF/LICENSE-postgresql-jdbc.txt");
        assertThat(flywayPlugins).contains("org.flywaydb.database.postgresql.PostgreSQLDatabaseType");
    }

    @Test
    void nothing_of_james_nor_of_bouncekit_core_or_mailet_is_inside() {
        assertThat(ENTRIES).noneMatch(name -> name.startsWith("org/apache/james/") || name.startsWith("org/apache/mailet/")
                || name.startsWith("dev/bouncekit/classify/") || name.startsWith("dev/bouncekit/mailet/")
                || name.startsWith("com/google/inject/") || name.startsWith("org/slf4j/"));
    }
}
