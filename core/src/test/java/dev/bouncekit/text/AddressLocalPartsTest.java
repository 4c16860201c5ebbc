package dev.bouncekit.text;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link AddressLocalParts} blanks, and that it equals a plain regular-expression reference. */
class AddressLocalPartsTest {

    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9.!#$%&'*+\\-/=?^_`{|}~]+(?=@[A-Za-z0-9\\[])");

    @Test
    void the_local_part_of_an_address_is_blanked_and_its_domain_kept() {
        assertThat(blanked("550 5.1.1 <mailbox-full@example.org>: Recipient address rejected: User unknown"))
                .isEqualTo("550 5.1.1 <xxxxxxx-xxxx@example.org>: Recipient address rejected: User unknown");
        assertThat(blanked("Unknown user this-local-part-does-not-exist@docomo.ne.jp, dmarc_2@[192.0.2.1]"))
                .isEqualTo("Unknown user xxxx-xxxxx-xxxx-xxxx-xxx-xxxxx@docomo.ne.jp, xxxxx_x@[192.0.2.1]");
    }

    @Test
    void a_text_without_an_address_is_returned_as_it_is() {
        String text = "550 Mailbox full @ 100% (see mail @example)";
        char[] chars = text.toCharArray();

        assertThat(AddressLocalParts.blank(text, chars)).isFalse();
        assertThat(new String(chars)).isEqualTo(text);
        assertThat(blanked("user@ nowhere, @domain.example, a@-b")).isEqualTo("user@ nowhere, @domain.example, a@-b");
    }

    @Property(tries = 2000)
    void equals_the_regular_expression_reference(@ForAll("texts") String text) {
        Matcher m = LOCAL_PART.matcher(text);
        StringBuilder reference = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (Character.isLetterOrDigit(text.charAt(i)) && text.charAt(i) < 128) {
                    reference.setCharAt(i, 'x');
                }
            }
        }

        assertThat(blanked(text)).isEqualTo(reference.toString()).hasSameSizeAs(text);
    }

    @Test
    void a_megabyte_of_at_signs_and_local_part_characters_is_read_in_one_pass() {
        String text = "a.b-c@".repeat(170_000) + "x";

        assertThat(blanked(text)).startsWith("x.x-x@x.x-x@").hasSameSizeAs(text);
    }

    private static String blanked(String text) {
        return InPlaceBlanking.blanked(text, AddressLocalParts::blank);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("aZ09.-_@[ <>:;,'é\n").ofMaxLength(40);
    }
}
