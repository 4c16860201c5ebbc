package dev.bouncekit.suppression;

import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every store does; a subclass per store opens it. */
abstract class SuppressionStoreContract {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    final SuppressionPolicy policy = SuppressionPolicy.defaults();
    SuppressionStore store;

    /** A new, empty store. */
    abstract SuppressionStore openNew();

    /** The same store opened again, as after a restart. */
    abstract SuppressionStore reopen();

    @BeforeEach
    void open() {
        store = openNew();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void a_user_unknown_bounce_suppresses_the_address() {
        store.record(new Bounce("Ghost@Gmail.com", Reason.USERUNKNOWN, "gmail", "5.1.1", T0), policy);

        assertThat(store.suppressed(List.of("ghost@gmail.com", "friend@gmail.com", "GHOST@gmail.com"), T0.plusSeconds(1)))
                .containsExactly("ghost@gmail.com");
        Suppression s = store.find("ghost@gmail.com").orElseThrow();
        assertThat(s).isEqualTo(new Suppression("ghost@gmail.com", "userunknown", "gmail", "5.1.1", T0, T0, 1, T0, 1, T0, null));
    }

    @Test
    void an_internationalized_domain_is_one_entry_in_its_ascii_and_unicode_forms() {
        store.record(new Bounce("Bob@XN--Bcher-kva.de", Reason.USERUNKNOWN, null, "5.1.1", T0), policy);

        assertThat(store.suppressed(List.of("bob@bücher.de", "bob@Bücher.DE", "bob@xn--bcher-kva.de", "bob@bucher.de"),
                T0.plusSeconds(1))).containsExactly("bob@bücher.de");
        assertThat(store.find("bob@BÜCHER.de")).isPresent();
        assertThat(store.remove("bob@bücher.de")).isTrue();
        assertThat(store.find("bob@xn--bcher-kva.de")).isEmpty();
    }

    @Test
    void mailbox_full_suppresses_at_the_third_bounce() {
        for (int i = 0; i < 2; i++) {
            store.record(new Bounce("full@example.org", Reason.MAILBOXFULL, null, "5.2.2", T0.plusSeconds(i)), policy);
        }
        assertThat(store.suppressed(List.of("full@example.org"), T0.plusSeconds(5))).isEmpty();
        store.record(new Bounce("full@example.org", Reason.MAILBOXFULL, null, "5.2.2", T0.plusSeconds(2)), policy);

        assertThat(store.suppressed(List.of("full@example.org"), T0.plusSeconds(5))).containsExactly("full@example.org");
        assertThat(store.suppressed(List.of("full@example.org"), T0.plus(Duration.ofDays(31)))).isEmpty();
        assertThat(store.find("full@example.org").orElseThrow().count()).isEqualTo(3);
    }

    @Test
    void a_sender_reason_stores_nothing() {
        assertThat(store.record(new Bounce("victim@outlook.com", Reason.BLOCKED, "outlook", "5.7.1", T0), policy)).isEmpty();
        assertThat(store.find("victim@outlook.com")).isEmpty();
        assertThat(store.list(null, 100)).isEmpty();
    }

    @Test
    void put_list_search_and_remove() {
        store.put(Suppression.manual("b@example.com", "suppressed", T0, null));
        store.put(Suppression.manual("a@example.com", "userunknown", T0, T0.plusSeconds(60)));
        store.put(Suppression.manual("c@other.org", "suppressed", T0, null));

        assertThat(store.list(null, 10)).extracting(Suppression::address).containsExactly("a@example.com", "b@example.com", "c@other.org");
        assertThat(store.list("EXAMPLE", 10)).extracting(Suppression::address).containsExactly("a@example.com", "b@example.com");
        assertThat(store.list("", 1)).hasSize(1);
        assertThat(store.suppressed(List.of("a@example.com"), T0.plusSeconds(61))).isEmpty();

        assertThat(store.remove("B@example.com")).isTrue();
        assertThat(store.remove("b@example.com")).isFalse();
        assertThat(store.suppressed(List.of("b@example.com"), T0)).isEmpty();
    }

    @Test
    void put_all_adds_and_replaces_in_one_step() {
        store.put(Suppression.manual("a@example.com", "userunknown", T0, null));
        List<Suppression> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(Suppression.manual("user" + i + "@example.com", "suppressed", T0, null));
        }
        batch.add(Suppression.manual("A@example.com", "hasmoved", T0, T0.plusSeconds(60)));

        store.putAll(batch);

        assertThat(store.list(null, 1_000)).hasSize(501);
        assertThat(store.find("a@example.com").orElseThrow().reason()).isEqualTo("hasmoved");
        assertThat(store.suppressed(List.of("user499@example.com", "a@example.com"), T0.plusSeconds(61))).containsExactly("user499@example.com");
    }

    @Test
    void entries_survive_a_reopen() {
        store.record(new Bounce("ghost@gmail.com", Reason.USERUNKNOWN, "gmail", "5.1.1", T0), policy);
        store.put(Suppression.manual("gone@example.com", "suppressed", T0, null));
        store.remove("gone@example.com");
        store.close();

        store = reopen();

        assertThat(store.list(null, 10)).extracting(Suppression::address).containsExactly("ghost@gmail.com");
        assertThat(store.suppressed(List.of("ghost@gmail.com"), T0)).containsExactly("ghost@gmail.com");
    }

    @Test
    void a_bad_address_is_refused() {
        assertThatThrownBy(() -> store.find("not an address")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an address");
    }
}
