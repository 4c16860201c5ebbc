package dev.bouncekit.properties;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.reply.ReplyParser;
import dev.bouncekit.reply.SmtpReply;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.status.EnhancedStatusCode;
import dev.bouncekit.taxonomy.Reason;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the parser and classifier over generated input: never an exception, always a verdict. */
class ClassifierProperties {

    private final BounceClassifier classifier = BounceClassifier.builtIn();

    @Property(tries = 500)
    void any_string_is_classified(@ForAll @StringLength(max = 3000) String text) {
        Classification c = classifier.classify(text);

        assertThat(c.reason()).isNotNull();
        assertThat(c.owner()).isEqualTo(c.reason().owner());
        assertThat(c.rule()).isNotBlank();
    }

    @Property(tries = 300)
    void any_bytes_decoded_as_utf8_or_latin1_are_classified_at_any_stage(
            @ForAll @Size(max = 4000) byte[] bytes, @ForAll SmtpStage stage) {
        assertThat(classifier.classify(new String(bytes, StandardCharsets.UTF_8), DeliveryContext.at(stage)).reason()).isNotNull();
        assertThat(classifier.classify(new String(bytes, StandardCharsets.ISO_8859_1), DeliveryContext.at(stage)).reason()).isNotNull();
    }

    @Property(tries = 200)
    void smtp_shaped_noise_is_classified(@ForAll("smtpShapedNoise") String text) {
        assertThat(classifier.classify(text).reason()).isNotNull();
    }

    @Property(tries = 50)
    void deep_nesting_of_newlines_and_unbalanced_brackets_is_classified(@ForAll @IntRange(min = 1, max = 20_000) int depth) {
        String text = "550 " + "<".repeat(depth) + "\n".repeat(depth) + "[(".repeat(depth) + "user unknown";

        Classification c = classifier.classify(text, DeliveryContext.at(SmtpStage.RCPT));

        assertThat(c.reason()).isEqualTo(Reason.USERUNKNOWN);
    }

    @Property(tries = 200)
    void parse_format_parse_round_trips(@ForAll("replies") SmtpReply reply) {
        SmtpReply once = ReplyParser.parse(reply.toWire());
        SmtpReply twice = ReplyParser.parse(once.toWire());

        assertThat(once.code()).isEqualTo(reply.code());
        assertThat(once.status()).isEqualTo(reply.status());
        assertThat(twice).isEqualTo(once);
        assertThat(once.toWire()).isEqualTo(reply.toWire());
    }

    @Property(tries = 200)
    void the_enhanced_code_is_found_on_every_shape(@ForAll("replies") SmtpReply reply) {
        for (String shape : List.of(reply.toWire(), String.join("\n", reply.wireLines()), String.join(" ", reply.wireLines()),
                "Diagnostic-Code: smtp; " + String.join(" ", reply.wireLines()), "smtp;" + reply.wireLines().get(0))) {
            SmtpReply parsed = ReplyParser.parse(shape);
            assertThat(parsed.code()).as(shape).isEqualTo(reply.code());
            assertThat(parsed.status()).as(shape).isEqualTo(reply.status());
        }
    }

    @Provide
    Arbitrary<SmtpReply> replies() {
        Arbitrary<Integer> codes = Arbitraries.of(421, 450, 451, 452, 550, 551, 552, 553, 554);
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> line = word.list().ofMinSize(1).ofMaxSize(8).map(words -> String.join(" ", words));
        Arbitrary<List<String>> lines = line.list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<Integer> subject = Arbitraries.integers().between(0, 7);
        Arbitrary<Integer> detail = Arbitraries.integers().between(0, 30);
        Arbitrary<Boolean> withStatus = Arbitraries.of(true, false);
        return Combinators.combine(codes, lines, subject, detail, withStatus).as((code, text, s, d, hasStatus) -> {
            EnhancedStatusCode status = hasStatus ? new EnhancedStatusCode(code / 100, s, d) : null;
            return new SmtpReply(code, status, text, null, null);
        });
    }

    @Provide
    Arbitrary<String> smtpShapedNoise() {
        Arbitrary<String> pieces = Arbitraries.of("550", "-", " ", "5.1.1", "5.", "5.5.5.5", "\r\n", "\n", "<", ">", "@",
                "smtp;", "Diagnostic-Code:", "Status:", "host ", " said:", "(in reply to ", " command)", "user unknown",
                "...", "#", "(", ")", "\u0000", "\u00ff", "\u2019", "x.example.com", "192.0.2.1");
        return pieces.list().ofMaxSize(400).map(list -> String.join("", list));
    }
}
