package dev.bouncekit.provider;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderDetectorTest {

    private final ProviderDetector detector = ProviderDetector.builtIn();

    @Test
    void a_host_belongs_to_the_provider_of_its_nearest_listed_parent_domain() {
        assertThat(detector.byHost("gmail-smtp-in.l.google.com").map(Provider::id)).contains("gmail");
        assertThat(detector.byHost("Example-COM.mail.protection.outlook.com.").map(Provider::id)).contains("outlook");
        assertThat(detector.byHost("google.com").map(Provider::id)).contains("gmail");
        assertThat(detector.byHost("mx.yandex.ru").map(Provider::id)).contains("yandex");
        assertThat(detector.byHost("notgoogle.com")).isEmpty();
        assertThat(detector.byHost("mx.example.org")).isEmpty();
        assertThat(detector.byHost("")).isEmpty();
    }

    @Test
    void text_markers_come_before_the_host_and_the_host_before_named_domains() {
        assertThat(detector.detect("550 blocked - gsmtp", "mx.yahoodns.net", null).map(Provider::id)).contains("gmail");
        assertThat(detector.detect("550 <a@me.com> no", "mx.yahoodns.net", null).map(Provider::id)).contains("yahoo");
        assertThat(detector.detect("550 <a@me.com> no", null, "outlook.com").map(Provider::id)).contains("apple");
        assertThat(detector.detect("550 no", null, "sub.outlook.com").map(Provider::id)).contains("outlook");
        assertThat(detector.detect("550 @ @. @x a@b", null, null)).isEmpty();
    }

    @Test
    void markers_ignore_case_and_runs_of_white_space() {
        assertThat(detector.detect("550 5.7.1 THE EMAIL ACCOUNT THAT\r\n  YOU TRIED TO REACH", null, null).map(Provider::id))
                .contains("gmail");
    }

    @Test
    void a_host_name_in_the_text_names_its_provider_but_a_link_or_an_address_does_not() {
        assertThat(detector.detect("550 5.7.1 Rejected [mx7.mail.ru]", null, null).map(Provider::id)).contains("mailru");
        assertThat(detector.detect("451 try later (mta3.am0.yahoodns.net)", null, null).map(Provider::id)).contains("yahoo");
        assertThat(detector.detect("Learn more at https://support.google.com/mail/answer/7720", null, null)).isEmpty();
        assertThat(detector.detect("550 no such user: bob@mx.google.com.example", null, null)).isEmpty();
    }
}
