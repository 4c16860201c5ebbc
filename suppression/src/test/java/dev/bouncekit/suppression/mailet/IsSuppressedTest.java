package dev.bouncekit.suppression.mailet;

import dev.bouncekit.mailet.Bounces;
import dev.bouncekit.suppression.Suppression;
import dev.bouncekit.suppression.postgres.PostgresStore;
import dev.bouncekit.suppression.testing.PostgresExtension;
import dev.bouncekit.suppression.testing.PostgresServer;
import org.apache.james.core.MailAddress;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class IsSuppressedTest {

    @TempDir
    Path james;

    private JamesParts parts;
    private final AtomicLong nanoTime = new AtomicLong();
    private final List<Runnable> toDestroy = new ArrayList<>();

    @BeforeEach
    void james() throws Exception {
        parts = new JamesParts(james);
    }

    @AfterEach
    void destroy() {
        toDestroy.forEach(Runnable::run);
    }

    private IsSuppressed matcher(String condition) throws Exception {
        IsSuppressed matcher = parts.isSuppressed(condition, nanoTime::get);
        toDestroy.add(matcher::destroy);
        return matcher;
    }

    private SuppressRecipients mailet(String store) throws Exception {
        FakeMailetConfig.Builder config = FakeMailetConfig.builder();
        if (store != null) {
            config.setProperty("store", store);
        }
        SuppressRecipients mailet = parts.suppressRecipients(config);
        toDestroy.add(mailet::destroy);
        return mailet;
    }

    private static FakeMail outgoing(String... recipients) throws Exception {
        return FakeMail.builder().name("outgoing-1").sender("news@sender.test").recipients(recipients).build();
    }

    @Test
    void a_recipient_this_james_just_suppressed_is_held_back_and_the_others_go_on() throws Exception {
        IsSuppressed matcher = matcher(null);
        SuppressRecipients mailet = mailet(null);
        assertThat(matcher.match(outgoing("ghost@gmail.com", "friend@gmail.com"))).isEmpty();

        mailet.service(parts.classifiedBounce(Bounces.GMAIL_USER_UNKNOWN, "ghost@gmail.com"));

        assertThat(matcher.match(outgoing("Ghost@Gmail.com", "friend@gmail.com")))
                .containsExactly(new MailAddress("Ghost@Gmail.com"));
        assertThat(parts.count("bouncekit_suppression_held")).isEqualTo(1);
    }

    @Test
    void another_node_s_suppression_is_seen_once_the_cached_answer_is_old(PostgresServer server) throws Exception {
        String url = server.newDatabase();
        IsSuppressed matcher = matcher("store=" + url + ";cache=30s");
        assertThat(matcher.match(outgoing("ghost@gmail.com"))).isEmpty();
        try (PostgresStore otherNode = PostgresStore.open(url)) {
            otherNode.put(Suppression.manual("ghost@gmail.com", "userunknown", Instant.now(), null));
        }
        assertThat(matcher.match(outgoing("ghost@gmail.com"))).as("the cached answer").isEmpty();

        nanoTime.addAndGet(java.time.Duration.ofSeconds(31).toNanos());

        assertThat(matcher.match(outgoing("ghost@gmail.com"))).containsExactly(new MailAddress("ghost@gmail.com"));
    }

    @Test
    void with_no_cache_every_mail_asks_the_store(PostgresServer server) throws Exception {
        String url = server.newDatabase();
        IsSuppressed matcher = matcher("store=" + url + ";cache=0");
        assertThat(matcher.match(outgoing("ghost@gmail.com"))).isEmpty();
        try (PostgresStore otherNode = PostgresStore.open(url)) {
            otherNode.put(Suppression.manual("ghost@gmail.com", "userunknown", Instant.now(), null));
        }
        assertThat(matcher.match(outgoing("ghost@gmail.com"))).containsExactly(new MailAddress("ghost@gmail.com"));
    }

    @Test
    void a_database_outage_holds_nobody_back_and_is_counted(PostgresServer server) throws Exception {
        String url = server.newDatabase();
        IsSuppressed matcher = matcher("store=" + url + ";cache=0");
        try (PostgresStore store = PostgresStore.open(url)) {
            store.put(Suppression.manual("ghost@gmail.com", "userunknown", Instant.now(), null));
        }
        server.stop();
        try {
            assertThat(matcher.match(outgoing("ghost@gmail.com", "friend@gmail.com"))).isEmpty();
        } finally {
            server.restart();
        }
        assertThat(parts.count("bouncekit_suppression_store_errors")).isEqualTo(1);
        assertThat(matcher.match(outgoing("ghost@gmail.com"))).containsExactly(new MailAddress("ghost@gmail.com"));
    }

    @Test
    void an_unreadable_journal_line_is_skipped_and_counted_and_the_known_suppressions_still_hold() throws Exception {
        Path journal = james.resolve("var/bouncekit/suppressions.journal");
        Files.createDirectories(journal.getParent());
        Files.writeString(journal, "P\tghost@gmail.com\tuserunknown\t-\t-\t1\t1\t1\t1\t1\t1\t-\n"
                + "P\tbad@gmail.com\tuserunknown\t-\t-\t1\t1\tmany\t1\t1\t1\t-\n", StandardCharsets.UTF_8);
        IsSuppressed matcher = matcher("cache=0");
        assertThat(parts.count("bouncekit_suppression_store_errors")).isEqualTo(1);

        // a line cut in half by a crash with the next record glued to it, then a good one
        Files.writeString(journal, "P\tgho" + "P\tlost@gmail.com\tuserunknown\t-\t-\t1\t1\t1\t1\t1\t1\t-\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.writeString(journal, "P\tdead@gmail.com\tuserunknown\t-\t-\t1\t1\t1\t1\t1\t1\t-\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(matcher.match(outgoing("ghost@gmail.com", "dead@gmail.com", "friend@gmail.com")))
                .containsExactly(new MailAddress("ghost@gmail.com"), new MailAddress("dead@gmail.com"));
        assertThat(parts.count("bouncekit_suppression_store_errors")).isEqualTo(2);
    }

    @Test
    void bad_conditions_stop_init() {
        assertThatThrownBy(() -> matcher("cache=forever")).hasMessageStartingWith("IsSuppressed: cache: 'forever' is not a positive duration");
        assertThatThrownBy(() -> matcher("colour=blue")).hasMessageContaining("unknown option 'colour=blue'; accepted: cache, store");
        assertThatThrownBy(() -> matcher("store=jdbc:oracle:thin:@db")).hasMessageContaining("only jdbc:postgresql://");
    }
}
