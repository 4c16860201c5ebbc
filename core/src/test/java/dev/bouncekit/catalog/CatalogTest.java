package dev.bouncekit.catalog;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.reply.SmtpReply;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.StringReader;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogTest {

    private final Catalog catalog = Catalog.builtIn();

    @TestFactory
    Stream<DynamicTest> every_entry_classifies_to_its_own_label_at_its_stage() {
        BounceClassifier classifier = BounceClassifier.builtIn();
        return catalog.entries().stream().map(entry -> DynamicTest.dynamicTest(entry.id(), () -> {
            Classification c = classifier.classify(entry.joined(), DeliveryContext.at(entry.stage()));

            assertThat(c.reason()).as(entry.id() + " by " + c.rule()).isEqualTo(entry.reason());
            assertThat(c.hard()).as(entry.id()).isEqualTo(entry.hard());
        }));
    }

    @TestFactory
    Stream<DynamicTest> every_entry_is_a_valid_wire_reply_with_one_code() {
        return catalog.entries().stream().map(entry -> DynamicTest.dynamicTest(entry.id(), () -> {
            SmtpReply reply = entry.reply();
            assertThat(reply.code()).isBetween(400, 599);
            for (int i = 0; i < entry.lines().size(); i++) {
                String line = entry.lines().get(i);
                char separator = i == entry.lines().size() - 1 ? ' ' : '-';
                assertThat(line).startsWith(reply.code() + String.valueOf(separator));
                assertThat(line).doesNotContain("\r", "\n");
            }
            assertThat(entry.wire()).endsWith("\r\n");
        }));
    }

    @Test
    void covers_every_seed_provider_and_the_common_cases() {
        assertThat(catalog.size()).isGreaterThanOrEqualTo(70);
        for (String provider : new String[] {"gmail", "outlook", "yahoo", "apple", "comcast", "att", "mailru", "qq",
                "webde", "zoho", "mimecast", "proofpoint", "barracuda", "symantec", "trendmicro", "fireeye"}) {
            assertThat(catalog.byProvider(provider)).as(provider).isNotEmpty();
        }
    }

    @Test
    void gmail_user_unknown_is_the_exact_multi_line_reply() {
        CatalogEntry entry = catalog.byId("gmail/user-unknown").orElseThrow();

        assertThat(entry.lines()).hasSize(4);
        assertThat(entry.lines().get(0))
                .isEqualTo("550-5.1.1 The email account that you tried to reach does not exist. Please try");
        assertThat(entry.lines().get(3)).startsWith("550 5.1.1  https://support.google.com/mail/?p=NoSuchUser").endsWith("- gsmtp");
        assertThat(entry.hard()).isTrue();
    }

    @Test
    void ids_are_case_insensitive() {
        assertThat(catalog.byId("GMAIL/User-Unknown")).isPresent();
        assertThat(catalog.byId("nope/nothing")).isEmpty();
        assertThat(catalog.byId(null)).isEmpty();
    }

    @Test
    void a_bad_catalog_names_the_line_and_field() {
        assertThatThrownBy(() -> Catalog.parse("mine.txt", new StringReader("id: x/y\nstage: LUNCH\nreason: userunknown\n| 550 no\n")))
                .hasMessageContaining("mine.txt:1").hasMessageContaining("stage");
        assertThatThrownBy(() -> Catalog.parse("mine.txt", new StringReader("id: xy\nstage: RCPT\nreason: userunknown\n| 550 no\n")))
                .hasMessageContaining("provider/name");
        assertThatThrownBy(() -> Catalog.parse("mine.txt", new StringReader("\n\nid: x/y\nstage: RCPT\nreason: userunknown\n")))
                .hasMessageContaining("mine.txt:3").hasMessageContaining("no '| ' reply lines");
    }
}
