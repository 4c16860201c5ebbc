package dev.bouncekit.classify;

import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Any text gives a classification, never an exception. */
class BadInputTest {

    private final BounceClassifier classifier = BounceClassifier.builtIn();

    @Test
    void null_and_empty_are_undefined() {
        assertThat(classifier.classify((String) null).reason()).isEqualTo(Reason.UNDEFINED);
        assertThat(classifier.classify("").reason()).isEqualTo(Reason.UNDEFINED);
        assertThat(classifier.classify("   \n\r\n ").reason()).isEqualTo(Reason.UNDEFINED);
        assertThat(classifier.classify("x", null).reason()).isEqualTo(Reason.ONHOLD);
    }

    @Test
    void random_bytes_decoded_as_utf8_and_latin1_are_classified() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            assertThat(classifier.classify(new String(bytes, StandardCharsets.UTF_8)).reason()).isNotNull();
            assertThat(classifier.classify(new String(bytes, StandardCharsets.ISO_8859_1),
                    DeliveryContext.at(SmtpStage.values()[i % 5])).reason()).isNotNull();
        }
    }

    @Test
    void a_megabyte_of_status_like_text_is_classified() {
        assertThat(classifier.classify("5.5.5.5.5.".repeat(100_000)).reason()).isNotNull();
        assertThat(classifier.classify("550 " + "5.5.5.".repeat(200_000)).reason()).isNotNull();
    }

    @Test
    void a_megabyte_of_repeated_basic_codes_is_classified() {
        assertThat(classifier.classify("550 " + "550 ".repeat(250_000)).reason()).isNotNull();
        assertThat(classifier.classify("550-5.1.1 " + "550-".repeat(250_000)).reason()).isNotNull();
    }

    @Test
    void a_megabyte_of_near_stage_reports_is_classified() {
        // Every y and Y is a place where Postfix's "in reply to " may stand.
        assertThat(classifier.classify("550 " + "y".repeat(1_000_000)).reason()).isNotNull();
        assertThat(classifier.classify("550 " + "in reply tY in Reply tO ".repeat(40_000)).reason()).isNotNull();
        assertThat(classifier.classify("550 " + "(in reply to RCPT TO ".repeat(40_000)).reason()).isNotNull();
    }

    @Test
    void a_megabyte_of_encoded_word_openings_is_classified() {
        assertThat(classifier.classify("550 " + "=?".repeat(500_000)).reason()).isNotNull();
        assertThat(classifier.classify("550 " + "=?=?=?".repeat(170_000)).reason()).isNotNull();
        assertThat(classifier.classify("550 " + "=?UTF-8?Q?=".repeat(100_000)).reason()).isNotNull();
        assertThat(classifier.classify("550 " + "=?UTF-8?Q?user_unknown?= ".repeat(40_000)).reason()).isNotNull();
    }

    @Test
    void a_megabyte_without_spaces_is_classified() {
        assertThat(classifier.classify("x".repeat(1_000_000)).reason()).isEqualTo(Reason.ONHOLD);
    }

    @Test
    void ten_thousand_lines_and_nul_bytes_are_classified() {
        Classification c = classifier.classify("550-5.1.1 line\n".repeat(10_000) + "550 5.1.1 user unknown\u0000\u0000");

        assertThat(c.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(c.reply().lines()).hasSize(10_001);
    }

    @Test
    void unbalanced_brackets_and_odd_separators_are_classified() {
        assertThat(classifier.classify("<<<<<<<<<< [[[[ ((((( ;;;; smtp; smtp;;; Diagnostic-Code: ").reason()).isNotNull();
        assertThat(classifier.classify("Diagnostic-Code:").reason()).isEqualTo(Reason.UNDEFINED);
    }
}
