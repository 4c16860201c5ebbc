package dev.bouncekit.mailet;

import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.bouncekit.mailet.Bounces.bounce;
import static dev.bouncekit.mailet.Bounces.builder;
import static dev.bouncekit.mailet.Bounces.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form {@code bouncekit.rule} takes is documented in the attribute table of docs/james.md, so
 * that routes keyed on it (a MailAttributesToMimeHeaders copy, a log search) can rely on it.
 */
class RuleFormsDocumentedTest {

    private static final Path README = Path.of(System.getProperty("basedir", ".")).resolve("../docs/james.md").normalize();

    @Test
    void every_rule_form_the_mailet_writes_is_in_the_readme() throws Exception {
        ClassifyBounce mailet = new ClassifyBounce();
        mailet.init(FakeMailetConfig.builder().mailetName("ClassifyBounce").build());
        List<Mail> mails = List.of(
                bounce(Bounces.GMAIL_USER_UNKNOWN, "bob@gmail.com"),
                bounce("550 5.7.1 we do not relay for example.org, sorry", "bob@example.org"),
                bounce("550 5.1.1 zzz", "bob@example.org"),
                bounce("550 zzz", "bob@example.org"),
                builder("bob@example.org").build());
        Set<String> forms = new LinkedHashSet<>();
        for (Mail mail : mails) {
            mailet.service(mail);
            String rule = value(mail, "bouncekit.rule").orElseThrow().toString();
            forms.add(rule.contains(":") ? rule.substring(0, rule.indexOf(':') + 1) : rule);
        }
        assertThat(forms).contains("catalog:", "phrase:", "status:", "fallback:", "empty");

        String row = Files.readAllLines(README).stream().filter(l -> l.startsWith("| `bouncekit.rule` |")).findFirst().orElseThrow();
        List<String> missing = new ArrayList<>();
        for (String form : forms) {
            if (!row.contains("`" + form)) {
                missing.add(form);
            }
        }
        assertThat(missing).as("rule forms missing from the README row %s", row).isEmpty();
    }
}
