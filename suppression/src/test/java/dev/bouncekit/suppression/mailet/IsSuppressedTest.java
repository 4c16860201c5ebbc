package dev.bouncekit.suppression.mailet;

import dev.bouncekit.mailet.Bounces;
import dev.bouncekit.suppression.Suppression;
import dev.bouncekit.suppression.SuppressionStore;
import dev.bouncekit.suppression.postgres.PostgresStore;
import dev.bouncekit.suppression.testing.PostgresExtension;
import dev.bouncekit.suppression.testing.PostgresServer;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    void damaged_batch_headers_are_counted_and_nothing_written_after_them_is_lost() throws Exception {
        Path journal = james.resolve("var/bouncekit/suppressions.journal");
        Files.createDirectories(journal.getParent());
        String first = "P\ta@gmail.com\tuserunknown\t-\t-\t1\t1\t1\t1\t1\t1\t-\n"
                + "P\tb@gmail.com\tuserunknown\t-\t-\t1\t1\t1\t1\t1\t1\t-\n";
        String second = "P\tc@gmail.com\tuserunknown\t-\t-\t1\t1\t1\t1\t1\t1\t-\n"
                + "P\td@gmail.com\tuserunknown\t-\t-\t1\t1\t1\t1\t1\t1\t-\n";
        // two imports of two entries each, whose headers now say nine and seven (the first as the builds
        // before batch headers held their size wrote it), then a suppression written after them
        Files.writeString(journal, "P\tghost@gmail.com\tuserunknown\t-\t-\t1\t1\t1\t1\t1\t1\t-\n"
                + "B\t9\n" + first
                + "B\t7\t" + second.getBytes(StandardCharsets.UTF_8).length + "\n" + second
                + "P\tdead@gmail.com\tuserunknown\t-\t-\t1\t1\t1\t1\t1\t1\t-\n", StandardCharsets.UTF_8);
        IsSuppressed matcher = matcher("cache=0");
        SuppressRecipients mailet = mailet(null);
        assertThat(parts.count("bouncekit_suppression_store_errors")).isEqualTo(2);

        mailet.service(parts.classifiedBounce(Bounces.GMAIL_USER_UNKNOWN, "next@gmail.com"));

        assertThat(matcher.match(outgoing("ghost@gmail.com", "a@gmail.com", "b@gmail.com", "c@gmail.com", "d@gmail.com",
                "dead@gmail.com", "next@gmail.com", "friend@gmail.com"))).containsExactly(new MailAddress("ghost@gmail.com"),
                new MailAddress("a@gmail.com"), new MailAddress("b@gmail.com"), new MailAddress("c@gmail.com"),
                new MailAddress("d@gmail.com"), new MailAddress("dead@gmail.com"), new MailAddress("next@gmail.com"));
        assertThat(Files.readString(journal, StandardCharsets.UTF_8)).contains("dead@gmail.com", "next@gmail.com");
        assertThat(parts.count("bouncekit_suppression_store_errors")).isEqualTo(2);
    }

    // An address suppressed or taken off the list in this James is held back, or sent again, at the next
    // mail, whatever the matcher had cached: the writes of the mailet and of any other caller through the
    // shared store reach its cache (the WebAdmin route's: SuppressionRoutesTest). The matcher's clock stands
    // still here, so a cached answer would be kept for all of its 10 seconds.

    /** James's working directory reached through a symbolic link, as {@code /opt/james -> /opt/james-3.8.1}. */
    private Path journalThroughALink() throws Exception {
        Path link = Files.createSymbolicLink(james.resolve("link"), james);
        return link.resolve("var/bouncekit/suppressions.journal");
    }

    @Test
    void a_bounce_recorded_under_another_name_of_the_journal_is_held_back_at_the_next_mail() throws Exception {
        IsSuppressed matcher = matcher(null);
        SuppressRecipients mailet = mailet(journalThroughALink().toString());
        assertThat(matcher.match(outgoing("ghost@gmail.com"))).as("cached: not suppressed").isEmpty();

        mailet.service(parts.classifiedBounce(Bounces.GMAIL_USER_UNKNOWN, "ghost@gmail.com"));

        assertThat(matcher.match(outgoing("ghost@gmail.com"))).containsExactly(new MailAddress("ghost@gmail.com"));
    }

    @Test
    void any_write_through_the_shared_store_reaches_the_cache() throws Exception {
        IsSuppressed matcher = matcher(null);
        String location = StoreLocation.resolve(null, parts.fileSystem);
        SuppressionStore shared = SharedStores.acquire(location);
        toDestroy.add(() -> SharedStores.release(location, null));
        assertThat(matcher.match(outgoing("ghost@gmail.com", "other@gmail.com"))).isEmpty();

        shared.putAll(List.of(Suppression.manual("ghost@gmail.com", "userunknown", Instant.now(), null),
                Suppression.manual("other@gmail.com", "userunknown", Instant.now(), null)));
        assertThat(matcher.match(outgoing("ghost@gmail.com", "other@gmail.com")))
                .containsExactly(new MailAddress("ghost@gmail.com"), new MailAddress("other@gmail.com"));

        shared.remove("Ghost@Gmail.com");
        assertThat(matcher.match(outgoing("ghost@gmail.com"))).isEmpty();
        shared.put(Suppression.manual("ghost@gmail.com", "suppressed", Instant.now(), null));
        assertThat(matcher.match(outgoing("ghost@gmail.com"))).containsExactly(new MailAddress("ghost@gmail.com"));
    }

    /**
     * A lookup that asked the database before a suppression committed and answers after it: the
     * answer it brings is older than the suppression, and must not be kept. Each round runs the
     * lookup and the bounce at once, the lookup started a little later each round, so that some
     * rounds land it across the commit.
     */
    @Test
    void a_lookup_racing_with_a_suppression_never_leaves_not_suppressed_in_the_cache(PostgresServer server) throws Exception {
        String url = server.newDatabase();
        IsSuppressed matcher = matcher("store=" + url + ";cache=10s");
        SuppressRecipients mailet = mailet(url);
        int rounds = 300;
        List<Mail> bounces = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            bounces.add(parts.classifiedBounce(Bounces.GMAIL_USER_UNKNOWN, "ghost" + i + "@gmail.com"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> stale = new ArrayList<>();
        try {
            for (int i = 0; i < rounds; i++) {
                String address = "ghost" + i + "@gmail.com";
                long delayNanos = (i % 30) * 50_000L;
                CyclicBarrier start = new CyclicBarrier(2);
                Mail bounce = bounces.get(i);
                Future<?> suppression = pool.submit(() -> {
                    start.await();
                    mailet.service(bounce);
                    return null;
                });
                Future<?> lookup = pool.submit(() -> {
                    start.await();
                    long until = System.nanoTime() + delayNanos;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    matcher.match(outgoing(address));
                    return null;
                });
                suppression.get(30, TimeUnit.SECONDS);
                lookup.get(30, TimeUnit.SECONDS);
                if (matcher.match(outgoing(address)).isEmpty()) {
                    stale.add(address);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stale).as("addresses suppressed, yet sent to at the next mail").isEmpty();
        assertThat(parts.count("bouncekit_suppression_store_errors")).isZero();
    }

    @Test
    void bad_conditions_stop_init() {
        assertThatThrownBy(() -> matcher("cache=forever")).hasMessageStartingWith("IsSuppressed: cache: 'forever' is not a positive duration");
        assertThatThrownBy(() -> matcher("colour=blue"))
                .hasMessage("IsSuppressed: unknown option 'colour=blue'; accepted: cache, store, as key=value separated by ';'");
        assertThatThrownBy(() -> matcher("store=jdbc:oracle:thin:@db")).hasMessageContaining("only jdbc:postgresql://");
    }

    @Test
    void an_empty_store_stops_init() {
        assertThatThrownBy(() -> matcher("store=;cache=10s")).hasMessageStartingWith("IsSuppressed: store: is empty;");
    }

    @Test
    void an_option_given_twice_stops_init_naming_both() {
        // the last one was taken silently
        assertThatThrownBy(() -> matcher("cache=10s; store=file://var/a.journal ;cache=1m"))
                .hasMessage("IsSuppressed: option cache is given twice ('cache=10s' and 'cache=1m'); give each option once");
    }
}
