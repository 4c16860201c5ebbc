package dev.bouncekit.text;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link HostNameLabels} blanks, and that it equals a reference written over split labels. */
class HostNameLabelsTest {

    @Test
    void the_labels_before_a_hosts_registered_domain_are_blanked() {
        assertThat(blanked("521 5.5.2 mx.quota.example.net Error: bare <LF> received"))
                .isEqualTo("521 5.5.2 xx.xxxxx.example.net Error: bare <LF> received");
        assertThat(blanked("host spamfilter.mail.example.co.uk[192.0.2.1] said: 550 5.1.1 user unknown"))
                .isEqualTo("host xxxxxxxxxx.xxxx.example.co.uk[192.0.2.1] said: 550 5.1.1 user unknown");
        assertThat(blanked("Learn more at https://support.google.com/mail/?p=NoSuchUser"))
                .isEqualTo("Learn more at https://xxxxxxx.google.com/mail/?p=NoSuchUser");
        assertThat(blanked("relay-virus.EXAMPLE.JP.")).isEqualTo("xxxxx-xxxxx.EXAMPLE.JP.");
    }

    @Test
    void what_is_not_a_host_name_or_is_only_a_registered_domain_is_kept() {
        for (String text : List.of("550 5.1.1 user unknown", "docomo.ne.jp and example.co.uk", "spamhaus.org",
                "RESOLVER.ADR.RecipNotFound; not found", "java.net.SocketTimeoutException: Read timed out",
                "invoice.pdf.exe", "a..b.example.com", "1.2.3.4", "xx.x.example.com")) {
            char[] chars = text.toCharArray();

            assertThat(HostNameLabels.blank(text, chars)).as(text).isFalse();
            assertThat(new String(chars)).isEqualTo(text);
        }
    }

    @Test
    void a_phrase_is_blanked_as_a_text_is_and_keeps_its_word_boundaries() {
        assertThat(HostNameLabels.blank(".protection.outlook.com")).isEqualTo(".xxxxxxxxxx.outlook.com");
        assertThat(HostNameLabels.blank("\\bmx.google.com\\b")).isEqualTo("\\bxx.google.com\\b");
        assertThat(HostNameLabels.blank("user unknown")).isEqualTo("user unknown");
    }

    @Test
    void a_phrase_that_starts_inside_a_blanked_label_starts_at_a_word_boundary() {
        String phrase = HostNameLabels.blank("groups.google.com");
        PhraseIndex index = new PhraseIndex(List.of(phrase));

        assertThat(phrase).isEqualTo("\\bxxxxxx.google.com");
        assertThat(index.scanWithoutNames("see https://support.google.com/a/answer/1", index.newMatches()).count()).isZero();
        assertThat(index.scanWithoutNames("sent to list@groups.google.com", index.newMatches()).count()).isOne();
        assertThat(index.scanWithoutNames("see https://groups.google.com/g/x", index.newMatches()).count()).isOne();
    }

    @Property(tries = 3000)
    void equals_the_split_label_reference(@ForAll("texts") String text) {
        assertThat(blanked(text)).isEqualTo(reference(text)).hasSameSizeAs(text);
    }

    @Test
    void a_megabyte_of_dots_and_labels_is_read_in_linear_time() {
        String text = "a.b-c.".repeat(170_000) + "example.com";
        String dots = ".".repeat(1_000_000) + "a";

        assertThat(blanked(text)).startsWith("x.x-x.x.x-x.").endsWith(".example.com").hasSameSizeAs(text);
        assertThat(blanked(dots)).isEqualTo(dots);
    }

    private static final Pattern RUN = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Set<String> GENERIC = Set.of("com", "net", "org", "edu", "gov", "mil", "int", "biz", "pro",
            "cat", "tel", "app", "dev", "xyz", "top", "lan", "info", "name", "mobi", "asia", "arpa", "aero", "jobs",
            "cloud", "email", "online", "site", "tech", "club", "shop", "live", "blog", "link", "zone", "host", "page",
            "store", "space", "website", "example", "test", "invalid", "localhost", "local", "localdomain", "internal",
            "intranet", "corp", "home");
    private static final Set<String> SECOND = Set.of("co", "com", "net", "org", "ne", "or", "ac", "ad", "go", "gov",
            "edu", "ed", "gr", "lg", "mil");

    /** The blanking worked out on each maximal run of label characters and dots, split at its dots. */
    private static String reference(String text) {
        StringBuilder out = new StringBuilder(text);
        Matcher m = RUN.matcher(text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            while (start < end && text.charAt(start) == '.') {
                start++;
            }
            while (end > start && text.charAt(end - 1) == '.') {
                end--;
            }
            String[] labels = text.substring(start, end).split("\\.", -1);
            if (labels.length < 3 || List.of(labels).contains("")) {
                continue;
            }
            String top = labels[labels.length - 1].toLowerCase(Locale.ROOT);
            if (!top.matches("[a-z]+") || top.length() != 2 && !GENERIC.contains(top)) {
                continue;
            }
            int keep = top.length() == 2 && SECOND.contains(labels[labels.length - 2].toLowerCase(Locale.ROOT)) ? 3 : 2;
            int blankTo = start;
            for (int i = 0; i < labels.length - keep; i++) {
                blankTo += labels[i].length() + 1;
            }
            for (int i = start; i < blankTo; i++) {
                if (Character.isLetterOrDigit(text.charAt(i))) {
                    out.setCharAt(i, 'x');
                }
            }
        }
        return out.toString();
    }

    private static String blanked(String text) {
        return InPlaceBlanking.blanked(text, HostNameLabels::blank);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.of("a", "Z", "9", ".", "-", " ", "@", "é", "com", "CO", "jp", "ne", "uk",
                "example", "x", "..", "net", "info");
        return pieces.list().ofMaxSize(16).map(p -> String.join("", p));
    }
}
