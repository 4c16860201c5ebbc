package dev.bouncekit.provider;

import dev.bouncekit.text.PhraseIndex;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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
    void every_lookup_answers_null_with_empty_as_byId_does() {
        assertThat(detector.byId(null)).isEmpty();
        assertThat(detector.byHost(null)).isEmpty();
        assertThat(detector.byDomain(null)).isEmpty();
        assertThat(detector.detect(null, null, null)).isEmpty();
        assertThat(ProviderFiles.byId("gmail").orElseThrow().reasonOf(null)).isEmpty();
    }

    @Test
    void a_domain_is_found_in_any_case_and_with_the_trailing_dot_of_a_fully_qualified_name() {
        assertThat(detector.byDomain("gmail.com").map(Provider::id)).contains("gmail");
        assertThat(detector.byDomain("gmail.com.").map(Provider::id)).contains("gmail");
        assertThat(detector.byDomain("GMAIL.COM").map(Provider::id)).contains("gmail");
        assertThat(detector.byDomain("GMail.Com.").map(Provider::id)).contains("gmail");
        assertThat(detector.byDomain("sub.outlook.com.").map(Provider::id)).contains("outlook");
        assertThat(detector.byDomain("b\u00fccher.gmail.com.").map(Provider::id)).contains("gmail");
        assertThat(detector.detect("550 no", null, "gmail.com.").map(Provider::id)).contains("gmail");
        assertThat(detector.byDomain("example.org.")).isEmpty();
        assertThat(detector.byDomain(".")).isEmpty();
        assertThat(detector.byDomain("")).isEmpty();
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
    void the_first_marker_is_the_lowest_numbered_marker_of_the_text() {
        List<String> markers = detector.textMarkers();
        int gsmtp = markers.indexOf("gsmtp");
        assertThat(gsmtp).isNotNegative();
        assertThat(detector.firstMarker("550 blocked - gsmtp")).isEqualTo(gsmtp);
        assertThat(detector.firstMarker("550 blocked - GSMTP")).isEqualTo(gsmtp);
        assertThat(detector.firstMarker("550 blocked")).isEqualTo(-1);
        assertThat(detector.firstMarker("")).isEqualTo(-1);
        assertThat(detector.firstMarker(null)).isEqualTo(-1);
        for (int m = 0; m < markers.size(); m++) {
            String text = "550 " + markers.get(m).replace("\\b", "").replace("\\h", "") + " x";  // a \\b marks a word boundary
            int first = detector.firstMarker(text);
            if (!markers.get(m).contains("@")) {  // an address's local part is not read: the scan blanks it
                assertThat(first).as(text).isBetween(0, m);
            }
            assertThat(detector.detect(first, text, null, null)).as(text).isEqualTo(detector.detect(text, null, null));
        }
    }

    @Test
    void every_host_pattern_of_sisimai_rhost_names_its_provider() {
        // Sisimai 4.25 Rhost.pm: the remote hosts whose replies its provider tables read
        assertThat(detector.byHost("cxr.mx.a.cloudfilter.net").map(Provider::id)).contains("cox");
        assertThat(detector.byHost("mx.east.cox.net").map(Provider::id)).contains("cox");
        assertThat(detector.byHost("neko220022.namprd22.prod.outlook.com").map(Provider::id)).contains("outlook");
        assertThat(detector.byHost("hotmail-com.olc.protection.outlook.com").map(Provider::id)).contains("outlook");
        assertThat(detector.byHost("smtp-in.orange.fr").map(Provider::id)).contains("orange");
        assertThat(detector.byHost("smtp-in.wanadoo.fr").map(Provider::id)).contains("orange");
        assertThat(detector.byHost("smtpz4.laposte.net").map(Provider::id)).contains("laposte");
        assertThat(detector.byHost("smtp.secureserver.net").map(Provider::id)).contains("godaddy");
        assertThat(detector.byHost("mailstore1.secureserver.net").map(Provider::id)).contains("godaddy");
        assertThat(detector.byHost("aspmx.l.google.com").map(Provider::id)).contains("gmail");
        assertThat(detector.byHost("mx3.email.ua").map(Provider::id)).contains("iua");
        assertThat(detector.byHost("lsean.ezweb.ne.jp").map(Provider::id)).contains("kddi");
        assertThat(detector.byHost("msmx.au.com").map(Provider::id)).contains("kddi");
        assertThat(detector.byHost("eu-smtp-inbound-1.mimecast.com").map(Provider::id)).contains("mimecast");
        assertThat(detector.byHost("mfsmax.docomo.ne.jp").map(Provider::id)).contains("nttdocomo");
        assertThat(detector.byHost("mx.charter.net").map(Provider::id)).contains("spectrum");
        assertThat(detector.byHost("mx3.qq.com").map(Provider::id)).contains("qq");
    }

    @Test
    void hosts_outside_the_providers_inbound_mx_name_no_provider() {
        // Sisimai labels neither Hotmail's outbound hosts nor an on-premises Exchange server
        assertThat(detector.detect("Delivery to the following recipients has been delayed.", "bay004-omc1s18.hotmail.com", null))
                .isEmpty();
        assertThat(detector.detect("550 5.1.1 RESOLVER.ADR.RecipNotFound; not found", "r20-ffe0020.example.com", null))
                .isEmpty();
    }

    @Test
    void a_providers_own_codes_and_wording_name_it_without_a_host() {
        assertThat(detector.detect("554 Connection refused. This IP is listed on the Spamhaus Block List (SBL). IB104", null, null)
                .map(Provider::id)).contains("godaddy");
        assertThat(detector.detect("550 Local CT IP Reputation - (reject)", null, null).map(Provider::id)).contains("mimecast");
        assertThat(detector.detect("550 SC-001 Unfortunately, messages from 192.0.2.1 weren't sent.", null, null)
                .map(Provider::id)).contains("outlook");
        assertThat(detector.detect("554 192.0.2.1 found on one or more DNSBLs, see #BL000010", null, null).map(Provider::id))
                .contains("comcast");
        assertThat(detector.detect("452 4.5.3 Domain policy size per transaction exceeded, please try this recipient in a "
                + "separate transaction", null, null).map(Provider::id)).contains("gmail");
        assertThat(detector.detect("421 4.7.0 Messages from 192.0.2.1 temporarily deferred due to user complaints", null, null)
                .map(Provider::id)).contains("yahoo");
        assertThat(detector.detect("553 Relaying disallowed as team@example.com", null, null).map(Provider::id)).contains("zoho");
        assertThat(detector.detect("550 #5.1.0 Address rejected.", null, null)).isEmpty();
        assertThat(detector.detect("554 IB1040 unrelated", null, null)).isEmpty();
    }

    @Test
    void exchange_onlines_own_organisation_in_a_store_diagnostic_names_it_but_an_on_premises_one_does_not() {
        assertThat(detector.detect("554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException; Cannot open "
                + "mailbox /o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients", null, null)
                .map(Provider::id)).contains("outlook");
        assertThat(detector.detect("554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException; Cannot open "
                + "mailbox /o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients", null, null)).isEmpty();
    }

    @Test
    void a_marker_that_names_a_domain_is_not_found_inside_a_longer_name() {
        assertThat(detector.detect("550 5.1.1 <juan@prodigy.net.mx>: user unknown", null, null).map(Provider::id)).contains("telmex");
        assertThat(detector.detect("550 5.1.1 <juan@myatt.net>: user unknown", null, null)).isEmpty();
        assertThat(detector.detect("550 5.1.1 <j@notgmx.de>: user unknown", null, null)).isEmpty();
        assertThat(detector.detect("550 5.1.1 <j@mail.gmx.net>: user unknown", null, null).map(Provider::id)).contains("gmx");
        assertThat(detector.detect("550 5.1.1 user unknown (gmx.net).", null, null).map(Provider::id)).contains("gmx");
        assertThat(detector.detect("550 5.1.1 <j@prodigy.net>: user unknown", null, null).map(Provider::id)).contains("att");
        assertThat(detector.detect("550 see abuse_rbl@abuse-att.net", null, null).map(Provider::id)).contains("att");
    }

    @Test
    void every_text_marker_is_found_in_a_text_that_is_the_marker_itself() {
        // a marker the scan can never report (the local part of an address is blanked before the scan)
        // is dead weight that reads as if it identified its provider
        ProviderDetector detector = ProviderDetector.builtIn();
        List<String> markers = detector.textMarkers();
        List<String> dead = new ArrayList<>();
        for (int i = 0; i < markers.size(); i++) {
            String text = markers.get(i).replace(PhraseIndex.BOUNDARY, "").replace(PhraseIndex.HOST_BOUNDARY, "");
            int found = detector.firstMarker("550 rejected: " + text + " said no");
            if (found < 0 || found > i) {
                dead.add(markers.get(i));
            }
        }
        assertThat(dead).isEmpty();
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

    @Test
    void sentence_periods_around_a_name_neither_hide_it_nor_make_one() {
        assertThat(detector.detect("Rejected. Ask mx7.mail.ru.", null, null).map(Provider::id)).contains("mailru");
        assertThat(detector.detect("Rejected...mx7.mail.ru... later.", null, null).map(Provider::id)).contains("mailru");
        assertThat(detector.detect("Rejected by MX7.Mail.RU", null, null).map(Provider::id)).contains("mailru");
        assertThat(detector.detect("mx7.mail.ru", null, null).map(Provider::id)).contains("mailru");
        assertThat(detector.detect("No. Such. User. mail. ru.", null, null)).isEmpty();
        assertThat(detector.detect("Mailbox full. Sent to bob@mail.ru. Try later.", null, null).map(Provider::id)).contains("mailru");
        assertThat(detector.detect("Mailbox full. Sent to bob@mail.", null, null)).isEmpty();
        assertThat(detector.detect("User unknown.", null, null)).isEmpty();
        assertThat(detector.detect(".", null, null)).isEmpty();
    }
}
