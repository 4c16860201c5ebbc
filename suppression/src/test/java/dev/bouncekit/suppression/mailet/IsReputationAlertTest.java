package dev.bouncekit.suppression.mailet;

import dev.bouncekit.mailet.Bounces;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsReputationAlertTest {

    @TempDir
    Path james;

    private JamesParts parts;
    private final AtomicLong now = new AtomicLong();

    @BeforeEach
    void james() throws Exception {
        parts = new JamesParts(james);
    }

    private IsReputationAlert matcher(String condition) throws Exception {
        IsReputationAlert matcher = new IsReputationAlert(parts.metrics, now::get);
        matcher.init(FakeMatcherConfig.builder().matcherName("IsReputationAlert").condition(condition).build());
        return matcher;
    }

    private int alerts(IsReputationAlert matcher, int bounces, String error, String recipient) throws Exception {
        int alerts = 0;
        for (int i = 0; i < bounces; i++) {
            Mail bounce = parts.classifiedBounce(error, recipient);
            if (!matcher.match(bounce).isEmpty()) {
                alerts++;
            }
            now.addAndGet(Duration.ofSeconds(10).toNanos());
        }
        return alerts;
    }

    @Test
    void the_fifth_sender_refusal_within_ten_minutes_raises_one_alert_and_later_ones_none() throws Exception {
        IsReputationAlert matcher = matcher("rate=5/10m");
        Mail fourth = null;
        for (int i = 0; i < 4; i++) {
            fourth = parts.classifiedBounce(Bounces.SPAMHAUS_CLIENT, "friend@example.net");
            assertThat(matcher.match(fourth)).isEmpty();
        }
        assertThat(alerts(matcher, 10, Bounces.SPAMHAUS_CLIENT, "friend@example.net")).isEqualTo(1);
        assertThat(parts.count("bouncekit_reputation_alert_" + fourth.getAttribute(org.apache.mailet.AttributeName.of("bouncekit.provider"))
                .map(attribute -> attribute.getValue().value().toString()).orElse("example_net"))).isEqualTo(1);
    }

    @Test
    void a_new_window_raises_a_new_alert() throws Exception {
        IsReputationAlert matcher = matcher("rate=3/1m");
        assertThat(alerts(matcher, 3, Bounces.SPAMHAUS_CLIENT, "friend@example.net")).isEqualTo(1);
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(alerts(matcher, 3, Bounces.SPAMHAUS_CLIENT, "friend@example.net")).isEqualTo(1);
    }

    @Test
    void refusals_spread_wider_than_the_window_raise_nothing() throws Exception {
        IsReputationAlert matcher = matcher("rate=3/15s");
        assertThat(alerts(matcher, 10, Bounces.SPAMHAUS_CLIENT, "friend@example.net")).isZero();
    }

    @Test
    void recipient_refusals_never_alert() throws Exception {
        IsReputationAlert matcher = matcher("rate=1/10m");
        assertThat(alerts(matcher, 3, Bounces.GMAIL_USER_UNKNOWN, "ghost@gmail.com")).isZero();
    }

    @Test
    void a_bad_rate_stops_init() {
        assertThatThrownBy(() -> matcher("rate=five/10m")).hasMessageContaining("IsReputationAlert: rate: 'five/10m' is not COUNT/WINDOW");
        assertThatThrownBy(() -> matcher("rate=5/soon")).hasMessageContaining("'soon' is not a positive duration");
    }

    @Test
    void an_unknown_option_stops_init_naming_the_matcher_once() {
        assertThatThrownBy(() -> matcher("rat=5/10m"))
                .hasMessage("IsReputationAlert: unknown option 'rat=5/10m'; accepted: prefix, rate, as key=value separated by ';'");
    }

    @Test
    void an_option_given_twice_stops_init_naming_both() {
        assertThatThrownBy(() -> matcher("rate=5/10m;rate=1/1m"))
                .hasMessage("IsReputationAlert: option rate is given twice ('rate=5/10m' and 'rate=1/1m'); give each option once");
    }
}
