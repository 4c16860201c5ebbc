package dev.bouncekit.text;

import java.util.function.BiPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a blanking pass that writes into a copy of a text ({@link AddressLocalParts},
 * {@link HostNameLabels}) the way the scan does, in a buffer longer than the text, and checks what
 * every such pass promises: it says whether it changed a character, and it writes nothing past the
 * text's end.
 */
final class InPlaceBlanking {

    private InPlaceBlanking() {
    }

    /** {@code text} after {@code pass}, which gets the text and a copy of it followed by more characters. */
    static String blanked(String text, BiPredicate<String, char[]> pass) {
        char[] chars = (text + "tail").toCharArray();
        boolean changed = pass.test(text, chars);
        String inPlace = new String(chars, 0, text.length());
        assertThat(changed).isEqualTo(!inPlace.equals(text));
        assertThat(new String(chars, text.length(), 4)).isEqualTo("tail");
        return inPlace;
    }
}
