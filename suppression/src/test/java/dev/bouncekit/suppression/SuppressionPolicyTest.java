package dev.bouncekit.suppression;

import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuppressionPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final SuppressionPolicy policy = SuppressionPolicy.defaults();

    private static Bounce bounce(Reason reason, Instant at) {
        return new Bounce("Bob@Example.com", reason, "gmail", "5.1.1", at);
    }

    @Test
    void a_hard_reason_suppresses_at_once_for_ever() {
        Suppression s = policy.next(null, bounce(Reason.USERUNKNOWN, T0)).orElseThrow();
        assertThat(s.address()).isEqualTo("bob@example.com");
        assertThat(s.suppressedAt()).isEqualTo(T0);
        assertThat(s.expiresAt()).isNull();
        assertThat(s.isActive(T0.plus(Duration.ofDays(3650)))).isTrue();
    }

    @Test
    void mailbox_full_suppresses_at_the_third_bounce_within_the_window_and_expires() {
        Suppression first = policy.next(null, bounce(Reason.MAILBOXFULL, T0)).orElseThrow();
        Suppression second = policy.next(first, bounce(Reason.MAILBOXFULL, T0.plus(Duration.ofDays(1)))).orElseThrow();
        assertThat(second.isActive(T0.plus(Duration.ofDays(1)))).isFalse();
        assertThat(second.windowCount()).isEqualTo(2);
        Instant third = T0.plus(Duration.ofDays(2));
        Suppression s = policy.next(second, bounce(Reason.MAILBOXFULL, third)).orElseThrow();
        assertThat(s.suppressedAt()).isEqualTo(third);
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.expiresAt()).isEqualTo(third.plus(SuppressionPolicy.DEFAULT_SOFT_EXPIRY));
        assertThat(s.isActive(third.plus(Duration.ofDays(29)))).isTrue();
        assertThat(s.isActive(third.plus(Duration.ofDays(31)))).isFalse();
    }

    @Test
    void soft_bounces_spread_wider_than_the_window_do_not_suppress() {
        Suppression s = policy.next(null, bounce(Reason.MAILBOXFULL, T0)).orElseThrow();
        s = policy.next(s, bounce(Reason.MAILBOXFULL, T0.plus(Duration.ofDays(5)))).orElseThrow();
        s = policy.next(s, bounce(Reason.MAILBOXFULL, T0.plus(Duration.ofDays(8)))).orElseThrow();
        assertThat(s.suppressedAt()).isNull();
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.windowCount()).isEqualTo(1);
    }

    @Test
    void sender_message_and_transient_reasons_are_ignored() {
        for (Reason reason : new Reason[] {Reason.BLOCKED, Reason.AUTHFAILURE, Reason.SPAMDETECTED, Reason.EXPIRED,
                Reason.SYSTEMERROR, Reason.UNDEFINED}) {
            assertThat(policy.counts(reason)).as(reason.id()).isFalse();
            assertThat(policy.next(null, bounce(reason, T0))).as(reason.id()).isEqualTo(Optional.empty());
        }
    }

    @Test
    void a_hard_bounce_of_a_soft_suppressed_address_makes_it_permanent() {
        Suppression soft = policy.next(null, bounce(Reason.MAILBOXFULL, T0)).orElseThrow();
        soft = policy.next(soft, bounce(Reason.MAILBOXFULL, T0)).orElseThrow();
        soft = policy.next(soft, bounce(Reason.MAILBOXFULL, T0)).orElseThrow();
        Suppression hard = policy.next(soft, bounce(Reason.USERUNKNOWN, T0.plusSeconds(60))).orElseThrow();
        assertThat(hard.reason()).isEqualTo("userunknown");
        assertThat(hard.expiresAt()).isNull();
        assertThat(hard.suppressedAt()).isEqualTo(T0);
    }

    @Test
    void a_soft_bounce_never_shortens_a_hard_suppression() {
        Suppression hard = policy.next(null, bounce(Reason.USERUNKNOWN, T0)).orElseThrow();
        Suppression after = policy.next(hard, bounce(Reason.MAILBOXFULL, T0.plusSeconds(5))).orElseThrow();
        assertThat(after.reason()).isEqualTo("userunknown");
        assertThat(after.expiresAt()).isNull();
        assertThat(after.count()).isEqualTo(2);
    }

    @Test
    void settings_change_count_window_and_expiry() {
        SuppressionPolicy custom = SuppressionPolicy.parse("mailboxfull=2/1h, suspend=1", "mailboxfull=2d,userunknown=90d");
        Suppression s = custom.next(null, bounce(Reason.MAILBOXFULL, T0)).orElseThrow();
        s = custom.next(s, bounce(Reason.MAILBOXFULL, T0.plus(Duration.ofMinutes(30)))).orElseThrow();
        assertThat(s.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)).plus(Duration.ofDays(2)));
        assertThat(custom.next(null, bounce(Reason.SUSPEND, T0)).orElseThrow().suppressedAt()).isEqualTo(T0);
        assertThat(custom.expiry(Reason.USERUNKNOWN)).contains(Duration.ofDays(90));
    }

    @Test
    void an_unknown_reason_is_refused_with_the_list_of_reasons() {
        assertThatThrownBy(() -> SuppressionPolicy.parse("mailboxful=3/7d", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("suppressAfter: unknown reason 'mailboxful'").hasMessageContaining("mailboxfull");
    }

    @Test
    void entries_run_together_without_a_comma_are_refused_saying_how_to_separate_them() {
        assertThatThrownBy(() -> SuppressionPolicy.parse("mailboxfull=3/7d;suspend=3/7d", null))
                .hasMessage("suppressAfter: 'mailboxfull=3/7d;suspend=3/7d' holds more than one '='; separate entries with ',':"
                        + " reason=VALUE,reason=VALUE");
        assertThatThrownBy(() -> SuppressionPolicy.parse(null, "userunknown=30d suspend=7d"))
                .hasMessageStartingWith("expiry: 'userunknown=30d suspend=7d' holds more than one '='");
        assertThat(SuppressionPolicy.parse("mailboxfull=3/7d, suspend=3/7d", "userunknown=30d,suspend=7d").count(Reason.SUSPEND))
                .isEqualTo(3);
    }

    @Test
    void a_sender_reason_is_refused() {
        assertThatThrownBy(() -> SuppressionPolicy.parse(null, "blocked=1d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'blocked' is owned by the sender").hasMessageContaining("never suppresses");
    }

    @Test
    void bad_counts_and_durations_are_refused() {
        assertThatThrownBy(() -> SuppressionPolicy.parse("mailboxfull=three/7d", null)).hasMessageContaining("reason=COUNT/WINDOW");
        assertThatThrownBy(() -> SuppressionPolicy.parse("mailboxfull=3", null)).hasMessageContaining("reason=COUNT/WINDOW");
        assertThatThrownBy(() -> SuppressionPolicy.parse("mailboxfull=3/7x", null)).hasMessageContaining("'7x' is not a positive duration");
        assertThatThrownBy(() -> SuppressionPolicy.parse(null, "mailboxfull")).hasMessageContaining("has no '='");
    }

    /** A fraction (bouncekit serve's durations take one) was refused as "not a positive duration", which 1.5d is. */
    @Test
    void a_duration_with_a_fraction_is_refused_with_the_same_length_in_iso_8601() {
        assertThatThrownBy(() -> SuppressionPolicy.parse(null, "mailboxfull=1.5d")).hasMessage(
                "expiry: '1.5d' has a fraction; give a whole number of s, m, h or d, or the same in ISO-8601: PT36H");
        assertThatThrownBy(() -> SuppressionPolicy.parse("mailboxfull=3/0.5h", null)).hasMessageEndingWith(
                "'0.5h' has a fraction; give a whole number of s, m, h or d, or the same in ISO-8601: PT30M");
        assertThatThrownBy(() -> SuppressionPolicy.parse(null, "mailboxfull=0.0d")).hasMessageContaining("'0.0d' is not a positive duration");
        assertThatThrownBy(() -> SuppressionPolicy.parse(null, "mailboxfull=36525.5d")).hasMessageContaining("is longer than 36525d");
    }

    @Test
    void a_window_or_an_expiry_longer_than_100_years_is_refused() {
        SuppressionPolicy policy = SuppressionPolicy.defaults();
        assertThat(policy.expireAfter(Reason.MAILBOXFULL, DurationText.MAX).expiry(Reason.MAILBOXFULL)).contains(DurationText.MAX);
        assertThatThrownBy(() -> policy.expireAfter(Reason.MAILBOXFULL, DurationText.MAX.plusSeconds(1)))
                .hasMessage("mailboxfull: the expiry must be positive and at most 36525d (100 years), or 'never'");
        assertThatThrownBy(() -> policy.suppressAfter(Reason.MAILBOXFULL, 3, Duration.ofDays(999_999_999_999L)))
                .hasMessage("mailboxfull: the window must be positive and at most 36525d (100 years)");
        assertThatThrownBy(() -> SuppressionPolicy.parse(null, "suspend=99999999999999999999d"))
                .hasMessage("expiry: '99999999999999999999d' is longer than 36525d (100 years), the longest accepted");
    }
}
