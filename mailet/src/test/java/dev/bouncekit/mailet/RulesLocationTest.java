package dev.bouncekit.mailet;

import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.server.core.JamesServerResourceLoader;
import org.apache.james.server.core.filesystem.FileSystemImpl;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.bouncekit.mailet.Bounces.bounce;
import static dev.bouncekit.mailet.Bounces.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code rules} parameter is found as James finds its own files, through James's FileSystem
 * ({@link FileSystemImpl}, rooted in a working directory that is not the JVM's).
 */
class RulesLocationTest {

    private static final String RULES = "# the operator's rules\n[any]\nwidget gateway exploded => systemfull\n";

    @TempDir
    Path james;

    private FileSystem fileSystem;

    @BeforeEach
    void jamesWorkingDirectory() throws Exception {
        Files.createDirectories(james.resolve("conf"));
        Files.writeString(james.resolve("conf/bounce.rules"), RULES, StandardCharsets.UTF_8);
        fileSystem = new FileSystemImpl(new JamesServerResourceLoader(james.toString()));
        assertThat(Path.of("").toAbsolutePath()).as("the JVM's directory is not James's").isNotEqualTo(james);
    }

    @Test
    void james_conf_url_is_read_from_james_conf_directory() throws Exception {
        assertUsesTheRules(initialized("file://conf/bounce.rules"));
    }

    @Test
    void a_relative_path_is_read_from_james_working_directory() throws Exception {
        assertUsesTheRules(initialized("conf/bounce.rules"));
    }

    @Test
    void an_absolute_path_and_an_absolute_file_url_are_read_as_they_are() throws Exception {
        assertUsesTheRules(initialized(james.resolve("conf/bounce.rules").toString()));
        assertUsesTheRules(initialized("file://" + james.resolve("conf/bounce.rules")));
    }

    @Test
    void a_missing_file_names_where_james_looked() {
        assertThatThrownBy(() -> initialized("file://conf/nope.rules"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no rules file at " + james.resolve("conf").toAbsolutePath())
                .hasMessageEndingWith("nope.rules")
                .hasMessageNotContaining("file:");
    }

    @Test
    void without_james_file_system_a_james_url_is_refused_with_what_to_give() {
        assertThatThrownBy(() -> {
            ClassifyBounce mailet = new ClassifyBounce();
            mailet.init(FakeMailetConfig.builder().mailetName("ClassifyBounce").setProperty("rules", "file://conf/bounce.rules").build());
        }).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'file://conf/bounce.rules' is a James file URL")
                .hasMessageContaining("give an absolute path");
    }

    private ClassifyBounce initialized(String rules) throws Exception {
        ClassifyBounce mailet = new ClassifyBounce(fileSystem);
        mailet.init(FakeMailetConfig.builder().mailetName("ClassifyBounce").setProperty("rules", rules).build());
        return mailet;
    }

    private static void assertUsesTheRules(ClassifyBounce mailet) throws Exception {
        Mail mail = bounce("554 widget gateway exploded", "bob@example.org");

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.reason")).contains("systemfull");
        assertThat(value(mail, "bouncekit.rule")).contains("phrase:bounce.rules:3");
    }
}
