package dev.bouncekit.suppression.mailet;

import dev.bouncekit.mailet.Bounces;
import dev.bouncekit.suppression.Suppression;
import dev.bouncekit.suppression.SuppressionStore;
import dev.bouncekit.suppression.file.JournalFileStore;
import dev.bouncekit.suppression.testing.PostgresExtension;
import dev.bouncekit.suppression.testing.PostgresServer;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class SuppressRecipientsTest {

    private static final String MAILBOX_FULL = "552 5.2.2 <full@example.org>: Mailbox full";

    @TempDir
    Path james;

    private JamesParts parts;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void james() throws Exception {
        parts = new JamesParts(james);
    }

    @AfterEach
    void destroy() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    private SuppressRecipients mailet(FakeMailetConfig.Builder config) throws Exception {
        SuppressRecipients mailet = parts.suppressRecipients(config);
        opened.add(mailet::destroy);
        return mailet;
    }

    private Suppression entryInJournal(String address) {
        try (SuppressionStore store = JournalFileStore.open(james.resolve("var/bouncekit/suppressions.journal"))) {
            return store.find(address).orElse(null);
        }
    }

    @Test
    void a_user_unknown_bounce_suppresses_the_recipient_in_the_journal_of_james_var_directory() throws Exception {
        SuppressRecipients mailet = mailet(FakeMailetConfig.builder());
        Mail bounce = parts.classifiedBounce(Bounces.GMAIL_USER_UNKNOWN, "ghost@gmail.com");

        mailet.service(bounce);
        mailet.destroy();
        opened.clear();

        Suppression entry = entryInJournal("ghost@gmail.com");
        assertThat(entry.reason()).isEqualTo("userunknown");
        assertThat(entry.provider()).isEqualTo("gmail");
        assertThat(entry.status()).isEqualTo("5.1.1");
        assertThat(entry.suppressedAt()).isNotNull();
        assertThat(bounce.getRecipients()).containsExactly(new MailAddress("ghost@gmail.com"));
        assertThat(parts.count("bouncekit_bounce_reason_userunknown")).isEqualTo(1);
        assertThat(parts.count("bouncekit_bounce_owner_recipient")).isEqualTo(1);
        assertThat(parts.count("bouncekit_bounce_provider_gmail")).isEqualTo(1);
        assertThat(parts.count("bouncekit_suppression_added_userunknown")).isEqualTo(1);
    }

    @Test
    void mailbox_full_suppresses_at_the_third_bounce() throws Exception {
        SuppressRecipients mailet = mailet(FakeMailetConfig.builder());
        mailet.service(parts.classifiedBounce(MAILBOX_FULL, "full@example.org"));
        mailet.service(parts.classifiedBounce(MAILBOX_FULL, "full@example.org"));
        assertThat(parts.count("bouncekit_suppression_added_mailboxfull")).isZero();

        mailet.service(parts.classifiedBounce(MAILBOX_FULL, "full@example.org"));

        assertThat(parts.count("bouncekit_suppression_added_mailboxfull")).isEqualTo(1);
        assertThat(parts.count("bouncekit_bounce_reason_mailboxfull")).isEqualTo(3);
    }

    @Test
    void a_spamhaus_block_is_counted_and_suppresses_nobody() throws Exception {
        SuppressRecipients mailet = mailet(FakeMailetConfig.builder());
        mailet.service(parts.classifiedBounce(Bounces.SPAMHAUS_CLIENT, "friend@example.net"));
        mailet.destroy();
        opened.clear();

        assertThat(entryInJournal("friend@example.net")).isNull();
        assertThat(parts.count("bouncekit_bounce_owner_sender")).isEqualTo(1);
        assertThat(parts.count("bouncekit_bounce_reason_blocked")).isEqualTo(1);
    }

    @Test
    void a_mail_without_a_verdict_changes_nothing() throws Exception {
        SuppressRecipients mailet = mailet(FakeMailetConfig.builder());
        Mail plain = Bounces.builder("someone@example.org").build();

        mailet.service(plain);

        assertThat(parts.registry.getMetrics()).isEmpty();
    }

    @Test
    void an_unknown_reason_stops_init_with_the_reasons_accepted() {
        assertThatThrownBy(() -> mailet(FakeMailetConfig.builder().setProperty("suppressAfter", "mailboxful=3/7d")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SuppressRecipients: suppressAfter: unknown reason 'mailboxful'")
                .hasMessageContaining("mailboxfull");
    }

    @Test
    void a_sender_reason_in_the_settings_stops_init() {
        assertThatThrownBy(() -> mailet(FakeMailetConfig.builder().setProperty("expiry", "blocked=1d")))
                .hasMessageContaining("'blocked' is owned by the sender");
    }

    @Test
    void an_expiry_too_long_to_compute_stops_init_with_the_bound() {
        assertThatThrownBy(() -> mailet(FakeMailetConfig.builder().setProperty("expiry", "mailboxfull=999999999999d")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SuppressRecipients: expiry: '999999999999d' is longer than 36525d (100 years), the longest accepted");
        assertThatThrownBy(() -> mailet(FakeMailetConfig.builder().setProperty("suppressAfter", "mailboxfull=3/PT99999999999999H")))
                .hasMessageStartingWith("SuppressRecipients: suppressAfter: 'PT99999999999999H' is longer than 36525d");
    }

    @Test
    void a_reason_given_twice_in_one_setting_stops_init_naming_both_entries() {
        // the last one was taken silently: a mailboxfull=3/7d written first, then overridden lower down
        assertThatThrownBy(() -> mailet(FakeMailetConfig.builder().setProperty("suppressAfter", "mailboxfull=3/7d, suspend=1, MailboxFull=2/1d")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SuppressRecipients: suppressAfter: mailboxfull is given twice ('mailboxfull=3/7d' and 'MailboxFull=2/1d'); give each reason once");
        assertThatThrownBy(() -> mailet(FakeMailetConfig.builder().setProperty("expiry", "userunknown=never,userunknown=30d")))
                .hasMessage("SuppressRecipients: expiry: userunknown is given twice ('userunknown=never' and 'userunknown=30d'); give each reason once");
    }

    @Test
    void a_count_below_one_stops_init_naming_the_setting() {
        assertThatThrownBy(() -> mailet(FakeMailetConfig.builder().setProperty("suppressAfter", "mailboxfull=0/7d")))
                .hasMessage("SuppressRecipients: suppressAfter: mailboxfull: the count must be at least 1, not 0");
    }

    @Test
    void an_empty_store_stops_init_instead_of_opening_the_default_journal() {
        // <store></store> opened the default journal while the matchers could read another store
        assertThatThrownBy(() -> mailet(FakeMailetConfig.builder().setProperty("store", " ")))
                .hasMessage("SuppressRecipients: store: is empty; give a jdbc:postgresql:// URL or a journal file,"
                        + " or leave it out for file://var/bouncekit/suppressions.journal");
    }

    @Test
    void an_unknown_parameter_stops_init() {
        assertThatThrownBy(() -> mailet(FakeMailetConfig.builder().setProperty("stroe", "x")))
                .hasMessageContaining("unknown parameter 'stroe'").hasMessageContaining("store");
    }

    @Test
    void a_bad_jdbc_url_stops_init() {
        assertThatThrownBy(() -> mailet(FakeMailetConfig.builder().setProperty("store", "jdbc:mysql://db/mail")))
                .hasMessageContaining("only jdbc:postgresql://HOST[:PORT]/DATABASE is supported");
        assertThatThrownBy(() -> mailet(FakeMailetConfig.builder().setProperty("store", "jdbc:postgresql://db:port/mail")))
                .hasMessageContaining("not a PostgreSQL JDBC URL");
    }

    @Test
    void an_unreachable_database_stops_init_with_where() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThatThrownBy(() -> mailet(FakeMailetConfig.builder().setProperty("store", "jdbc:postgresql://127.0.0.1:" + port + "/mail")))
                .hasMessageStartingWith("SuppressRecipients: cannot create or migrate the suppression schema in jdbc:postgresql://127.0.0.1:" + port);
    }

    @Test
    void a_database_outage_at_run_time_is_counted_and_the_mail_goes_on(PostgresServer server) throws Exception {
        SuppressRecipients mailet = mailet(FakeMailetConfig.builder().setProperty("store", server.newDatabase()));
        Mail bounce = parts.classifiedBounce(Bounces.GMAIL_USER_UNKNOWN, "ghost@gmail.com");
        bounce.setState("bounces");
        server.stop();
        try {
            mailet.service(bounce);
        } finally {
            server.restart();
        }
        assertThat(parts.count("bouncekit_suppression_store_errors")).isEqualTo(1);
        assertThat(bounce.getState()).isEqualTo("bounces");
        assertThat(bounce.getRecipients()).containsExactly(new MailAddress("ghost@gmail.com"));

        mailet.service(bounce);
        assertThat(parts.count("bouncekit_suppression_added_userunknown")).isEqualTo(1);
    }
}
