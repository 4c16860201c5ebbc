package dev.bouncekit.mailet;

import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.bouncekit.mailet.Bounces.GMAIL_USER_UNKNOWN;
import static dev.bouncekit.mailet.Bounces.bounce;
import static dev.bouncekit.mailet.Bounces.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassifyBounceInitTest {

    @TempDir
    Path dir;

    @Test
    void without_parameters_it_uses_the_default_prefix_and_the_built_in_rules() throws Exception {
        ClassifyBounce mailet = initialized(FakeMailetConfig.builder());

        assertThat(mailet.attributes().prefix()).isEqualTo("bouncekit.");
        Mail mail = bounce(GMAIL_USER_UNKNOWN, "bob@gmail.com");
        mailet.service(mail);
        assertThat(value(mail, "bouncekit.reason")).contains("userunknown");
    }

    @Test
    void the_prefix_parameter_is_trimmed() throws Exception {
        ClassifyBounce mailet = initialized(FakeMailetConfig.builder().setProperty("prefix", "  acme.  "));

        assertThat(mailet.attributes().prefix()).isEqualTo("acme.");
        assertThat(mailet.attributes().reason().asString()).isEqualTo("acme.reason");
    }

    @Test
    void a_blank_prefix_fails_init_naming_the_parameter() {
        assertThatThrownBy(() -> initialized(FakeMailetConfig.builder().setProperty("prefix", "  ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ClassifyBounce")
                .hasMessageContaining("prefix")
                .hasMessageContaining("blank");
    }

    @Test
    void a_prefix_with_white_space_inside_fails_init() {
        assertThatThrownBy(() -> initialized(FakeMailetConfig.builder().setProperty("prefix", "my bounce.")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("white space");
    }

    @Test
    void an_unknown_parameter_fails_init_and_lists_the_accepted_ones() {
        assertThatThrownBy(() -> initialized(FakeMailetConfig.builder().setProperty("rule", "x.rules")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[rule]")
                .hasMessageContaining("prefix")
                .hasMessageContaining("rules");
    }

    @Test
    void james_error_handling_parameters_are_accepted() throws Exception {
        ClassifyBounce mailet = initialized(FakeMailetConfig.builder()
                .setProperty("onMailetException", "ignore")
                .setProperty("onMatchException", "nomatch"));

        assertThat(mailet.attributes().prefix()).isEqualTo("bouncekit.");
    }

    @Test
    void a_rules_file_adds_rules_tried_before_the_built_in_ones() throws Exception {
        Path rules = write("custom.rules", "# ours\n[any]\nwidget gateway exploded => systemfull\n");
        ClassifyBounce mailet = initialized(FakeMailetConfig.builder().setProperty("rules", rules.toString()));
        Mail mail = bounce("554 widget gateway exploded", "bob@example.org");

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.reason")).contains("systemfull");
        assertThat(value(mail, "bouncekit.rule")).contains("phrase:custom.rules:3");
    }

    @Test
    void a_rules_file_overrides_a_built_in_rule() throws Exception {
        Path rules = write("override.rules", "email account that you tried to reach does not exist => suspend\n");
        ClassifyBounce mailet = initialized(FakeMailetConfig.builder().setProperty("rules", rules.toString()));
        Mail mail = bounce(GMAIL_USER_UNKNOWN, "bob@gmail.com");

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.reason")).contains("suspend");
        assertThat(value(mail, "bouncekit.hard")).contains(Boolean.FALSE);
    }

    @Test
    void a_missing_rules_file_fails_init_with_its_path() {
        Path missing = dir.resolve("nowhere.rules");

        assertThatThrownBy(() -> initialized(FakeMailetConfig.builder().setProperty("rules", missing.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rules")
                .hasMessageContaining("no rules file at " + missing.toAbsolutePath());
    }

    @Test
    void a_directory_as_rules_file_fails_init() {
        assertThatThrownBy(() -> initialized(FakeMailetConfig.builder().setProperty("rules", dir.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void an_empty_rules_parameter_fails_init() {
        assertThatThrownBy(() -> initialized(FakeMailetConfig.builder().setProperty("rules", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rules")
                .hasMessageContaining("is empty");
    }

    @Test
    void a_rules_file_with_a_bad_line_fails_init_naming_file_and_line() throws Exception {
        Path rules = write("broken.rules", "no such user => userunknown\nthis line has no arrow\n");

        assertThatThrownBy(() -> initialized(FakeMailetConfig.builder().setProperty("rules", rules.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid rules file")
                .hasMessageContaining("broken.rules:2")
                .hasMessageContaining("=>");
    }

    @Test
    void a_rules_file_with_an_unknown_reason_fails_init_listing_the_known_ones() throws Exception {
        Path rules = write("reason.rules", "mailbox on fire => onfire\n");

        assertThatThrownBy(() -> initialized(FakeMailetConfig.builder().setProperty("rules", rules.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason.rules:1")
                .hasMessageContaining("onfire")
                .hasMessageContaining("userunknown");
    }

    @Test
    void a_rules_file_that_is_not_utf8_fails_init_saying_it_cannot_be_read() throws Exception {
        Path rules = dir.resolve("latin1.rules");
        Files.write(rules, new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', '=', '>', ' ', 'b', 'l', 'o', 'c', 'k', 'e', 'd', '\n'});

        assertThatThrownBy(() -> initialized(FakeMailetConfig.builder().setProperty("rules", rules.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read rules file");
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static ClassifyBounce initialized(FakeMailetConfig.Builder config) throws Exception {
        ClassifyBounce mailet = new ClassifyBounce();
        mailet.init(config.mailetName("ClassifyBounce").build());
        return mailet;
    }
}
