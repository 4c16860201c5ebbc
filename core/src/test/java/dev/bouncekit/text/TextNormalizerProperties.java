package dev.bouncekit.text;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link TextNormalizer} claims: lower case, white space runs as one space, none at the ends; idempotent. */
class TextNormalizerProperties {

    @Property(tries = 1000)
    void normalizing_twice_changes_nothing(@ForAll("texts") String text) {
        String once = TextNormalizer.normalize(text);

        assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    }

    @Property(tries = 1000)
    void normalizing_any_string_twice_changes_nothing(@ForAll @StringLength(max = 200) String text) {
        String once = TextNormalizer.normalize(text);

        assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    }

    @Property(tries = 1000)
    void no_space_at_either_end_nor_two_in_a_row_nor_other_white_space(@ForAll("texts") String text) {
        String normalized = TextNormalizer.normalize(text);

        assertThat(normalized).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
        assertThat(normalized.chars()).noneMatch(c -> c != ' ' && NaiveText.isSpace((char) c.intValue()));
    }

    @Property(tries = 1000)
    void equals_the_naive_reference(@ForAll("texts") String text) {
        assertThat(TextNormalizer.normalize(text)).isEqualTo(new NaiveText(text).normalized);
    }

    @Property(tries = 1000)
    void case_is_folded_as_lower_case_in_the_root_locale(@ForAll("texts") String text) {
        String normalized = TextNormalizer.normalize(text);
        String reference = text.toLowerCase(Locale.ROOT);

        assertThat(normalized).isEqualTo(collapse(reference));
    }

    @Test
    void every_character_folds_like_root_lower_case_except_capital_i_with_dot() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            char folded = TextNormalizer.fold(ch);
            assertThat(TextNormalizer.fold(folded)).as("fold is idempotent on U+%04X", c).isEqualTo(folded);
            if (NaiveText.isSpace(ch)) {
                assertThat(folded).as("U+%04X is white space", c).isEqualTo(' ');
            } else if (ch == '\u0130') {
                assertThat(folded).isEqualTo('i');
            } else {
                assertThat(folded).as("U+%04X", c).isEqualTo(NaiveText.lower(ch));
            }
        }
    }

    @Test
    void unicode_spaces_and_controls_are_white_space() {
        assertThat(TextNormalizer.normalize("\u2003no\u00a0such\u2009\u2028user\u0085\u3000"))
                .isEqualTo("no such user");
    }

    /** White space runs as one space, none at the ends. */
    private static String collapse(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (NaiveText.isSpace(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
        int end = out.length();
        return end > 0 && out.charAt(end - 1) == ' ' ? out.substring(0, end - 1) : out.toString();
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(NaiveText.TEXT_ALPHABET).list().ofMaxSize(60)
                .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
    }
}
