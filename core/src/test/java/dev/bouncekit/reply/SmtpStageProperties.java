package dev.bouncekit.reply;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SmtpStage#parse(String)}, which reads an ASCII name in place, against the reading it had
 * before: the name trimmed and upper-cased, then compared.
 */
class SmtpStageProperties {

    private static final String[] PIECES = {
        "MAIL", "mail", "Mail ", "FROM", "RCPT", "rcpt to", "DATA", "data", "BDAT", "end of data", "END OF ", "DATA",
        "CONN", "connect", "GREETING", "greeting", "BANNER", "EHLO", "helo", "LHLO", " ", "\t", "x", "ı", "İ", "ß",
        "ſ", "é", "\u00a0", "\u2028", ":"
    };

    @Property(tries = 3000)
    void a_name_reads_as_it_did_once_upper_cased(@ForAll("names") String name) {
        assertThat(SmtpStage.parse(name)).isEqualTo(reference(name));
        int half = name.length() / 2;
        assertThat(SmtpStage.read(name, half, name.length())).isEqualTo(reference(name.substring(half)).orElse(null));
    }

    @Property(tries = 500)
    void any_text_reads_as_it_did(@ForAll String name) {
        assertThat(SmtpStage.parse(name)).isEqualTo(reference(name));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(PIECES).list().ofMaxSize(5).map(pieces -> String.join("", pieces));
    }

    private static Optional<SmtpStage> reference(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.startsWith("CONN") || n.equals("GREETING") || n.equals("BANNER")) {
            return Optional.of(SmtpStage.CONNECT);
        }
        if (n.startsWith("EHLO") || n.startsWith("HELO") || n.startsWith("LHLO")) {
            return Optional.of(SmtpStage.EHLO);
        }
        if (n.startsWith("MAIL")) {
            return Optional.of(SmtpStage.MAIL);
        }
        if (n.startsWith("RCPT")) {
            return Optional.of(SmtpStage.RCPT);
        }
        if (n.startsWith("DATA") || n.startsWith("BDAT") || n.equals("END OF DATA")) {
            return Optional.of(SmtpStage.DATA);
        }
        return Optional.empty();
    }
}
