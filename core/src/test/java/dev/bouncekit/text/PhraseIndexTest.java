package dev.bouncekit.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhraseIndexTest {

    private static final int MEGABYTE = 1 << 20;

    /** A text that counts how often its characters are read. */
    private static final class CountingText implements CharSequence {
        private final String text;
        long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            throw new UnsupportedOperationException("a scan reads characters one by one");
        }

        @Override
        public String toString() {
            return text;
        }
    }

    @Test
    void positions_are_ends_in_the_normalized_text() {
        PhraseIndex index = new PhraseIndex(List.of("no such user", "user"), p -> true);

        PhraseIndex.Matches found = index.scan("  550 NO\t\tSUCH\r\n user; user");

        assertThat(TextNormalizer.normalize("  550 NO\t\tSUCH\r\n user; user")).isEqualTo("550 no such user; user");
        assertThat(found.count()).isEqualTo(2);
        assertThat(found.phrase(0)).isEqualTo(0);
        assertThat(found.first(0)).isEqualTo(15);
        assertThat(found.phrase(1)).isEqualTo(1);
        assertThat(found.ends(1)).containsExactly(15, 21);
        assertThat(found.endAtOrAfter(1, 16)).isEqualTo(21);
        assertThat(found.endAtOrAfter(1, 22)).isEqualTo(-1);
        assertThat(index.length(0)).isEqualTo(12);
    }

    @Test
    void a_result_reused_after_a_text_with_many_ends_keeps_only_the_next_texts_ends() {
        PhraseIndex index = new PhraseIndex(List.of("user", "no such"), p -> p == 0);
        PhraseIndex.Matches reused = index.newMatches();

        index.scan("user ".repeat(2_000), reused);  // the ends of "user" grow past what a result keeps
        assertThat(reused.ends(0)).hasSize(2_000);
        index.scan("no such user, user", reused);
        PhraseIndex.Matches fresh = index.scan("no such user, user");

        assertThat(reused.count()).isEqualTo(fresh.count()).isEqualTo(2);
        assertThat(reused.phrase(0)).isEqualTo(fresh.phrase(0)).isEqualTo(1);
        assertThat(reused.ends(reused.indexOf(0))).containsExactly(fresh.ends(fresh.indexOf(0))).containsExactly(11, 17);
        index.scan("user user user", reused);
        assertThat(reused.ends(0)).containsExactly(3, 8, 13);
    }

    @Test
    void host_name_boundaries_take_a_whole_name_or_its_end_and_not_a_longer_name() {
        PhraseIndex index = new PhraseIndex(List.of("\\hgmx.de\\h", ".gmx.de\\h", "gmx.de"), p -> true);

        PhraseIndex.Matches found = index.scan("gmx.de mx.gmx.de notgmx.de gmx.de.example gmx.de-x (gmx.de). my-gmx.de");

        // 0-5 gmx.de, 7-15 mx.gmx.de, 17-25 notgmx.de, 27-40 gmx.de.example, 42-49 gmx.de-x, 51-58 (gmx.de)., 61-69 my-gmx.de
        assertThat(found.ends(found.indexOf(2))).containsExactly(5, 15, 25, 32, 47, 57, 69);
        assertThat(found.ends(found.indexOf(0))).containsExactly(5, 15, 57);
        assertThat(found.ends(found.indexOf(1))).containsExactly(15);
        assertThat(index.length(0)).isEqualTo(6);
    }

    @Test
    void word_boundaries_look_at_the_raw_characters_around_the_phrase() {
        PhraseIndex index = new PhraseIndex(List.of("\\bspam\\b", "\\bspam", "spam\\b", "spam"), p -> true);

        PhraseIndex.Matches found = index.scan("antispam spammer\n SPAM.");

        assertThat(found.ends(found.indexOf(3))).containsExactly(7, 12, 20);
        assertThat(found.ends(found.indexOf(2))).containsExactly(7, 20);
        assertThat(found.ends(found.indexOf(1))).containsExactly(12, 20);
        assertThat(found.ends(found.indexOf(0))).containsExactly(20);
        assertThat(index.length(0)).isEqualTo(4);
        assertThat(index.scan("spam").count()).isEqualTo(4);
    }

    @Test
    void a_leading_boundary_far_into_a_long_text_is_read_where_it_is_and_the_result_is_reused_after() {
        PhraseIndex index = new PhraseIndex(List.of("\\bspam", "spam"), p -> true);
        PhraseIndex.Matches reused = index.newMatches();
        String longText = "a b ".repeat(3_000) + "xspam spam";  // positions past what a result keeps

        index.scan(longText, reused);
        assertThat(reused.ends(reused.indexOf(1))).containsExactly(12_004, 12_009);
        assertThat(reused.ends(reused.indexOf(0))).containsExactly(12_009);
        index.scan("aspam\nspam", reused);

        assertThat(reused.ends(reused.indexOf(0))).containsExactly(9);
        assertThat(reused.ends(reused.indexOf(1))).containsExactly(4, 9);
    }

    @Test
    void an_empty_phrase_is_refused_and_untracked_ends_are_not_guessed() {
        assertThatThrownBy(() -> new PhraseIndex(List.of("ok", "\\b\\b"))).isInstanceOf(IllegalArgumentException.class);
        PhraseIndex.Matches found = new PhraseIndex(List.of("a")).scan("a a a");
        assertThat(found.first(0)).isEqualTo(0);
        assertThat(found.last(0)).isEqualTo(4);
        assertThatThrownBy(() -> found.endAtOrAfter(0, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_megabyte_of_one_letter_is_read_once_and_every_occurrence_kept() {
        List<String> phrases = new ArrayList<>();
        for (int k = 1; k <= 8; k++) {
            phrases.add("a".repeat(k));
        }
        phrases.add("a".repeat(200) + "b");           // a long repeated prefix that never completes
        phrases.add("a".repeat(100) + " a");
        int plain = phrases.size();
        phrases.add("\\baaa");                           // boundaries that fail at every occurrence but the edges
        phrases.add("aaa\\b");
        phrases.add("\\baaaa\\b");
        PhraseIndex index = new PhraseIndex(phrases, p -> true);
        CountingText text = new CountingText("a".repeat(MEGABYTE));

        PhraseIndex.Matches found = index.scan(text);

        for (int k = 1; k <= 8; k++) {
            int at = found.indexOf(k - 1);
            assertThat(found.ends(at)).hasSize(MEGABYTE - k + 1);
            assertThat(found.first(at)).isEqualTo(k - 1);
            assertThat(found.last(at)).isEqualTo(MEGABYTE - 1);
            assertThat(found.endAtOrAfter(at, MEGABYTE / 2)).isEqualTo(MEGABYTE / 2);
        }
        assertThat(found.indexOf(8)).isEqualTo(-1);
        assertThat(found.indexOf(9)).isEqualTo(-1);
        assertThat(found.ends(found.indexOf(plain))).containsExactly(2);
        assertThat(found.ends(found.indexOf(plain + 1))).containsExactly(MEGABYTE - 1);
        assertThat(found.indexOf(plain + 2)).isEqualTo(-1);
        assertThat(found.count()).isEqualTo(10);
        // one read per character, plus at most two (a surrogate pair) next to each occurrence of a boundary phrase
        long boundaryOccurrences = 2L * (MEGABYTE - 2) + (MEGABYTE - 3);
        assertThat(text.reads).isBetween((long) MEGABYTE, MEGABYTE + 2 * boundaryOccurrences);
    }

    @Test
    void a_megabyte_of_near_misses_is_read_exactly_once() {
        List<String> phrases = List.of("no such user", "no such user here", "such usex", "user unknown", "aaaa",
                "o such u", "sus");
        PhraseIndex index = new PhraseIndex(phrases, p -> true);
        String unit = "no such use\tno  such usr ";
        CountingText text = new CountingText(unit.repeat(MEGABYTE / unit.length() + 1));

        PhraseIndex.Matches found = index.scan(text);

        assertThat(text.reads).isEqualTo(text.length());
        assertThat(found.count()).isEqualTo(1);
        assertThat(found.phrase(0)).isEqualTo(5);
        assertThat(found.ends(0)).hasSize(2 * (MEGABYTE / unit.length() + 1));  // "n[o such u]se", "n[o such u]sr"
    }
}
