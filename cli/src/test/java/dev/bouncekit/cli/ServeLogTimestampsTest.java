package dev.bouncekit.cli;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The log's cached timestamps read exactly as {@code Instant.truncatedTo(MILLIS).toString()}. */
class ServeLogTimestampsTest {

    @Test
    void every_millisecond_of_a_few_seconds_reads_as_the_instant_does() {
        ServeLog.Timestamps times = new ServeLog.Timestamps();
        Instant start = Instant.parse("2026-12-01T21:55:58.000Z");
        for (long micros = 0; micros < 4_000_000; micros += 333) {
            Instant at = start.plusNanos(micros * 1000 + 7);
            assertThat(times.format(at)).isEqualTo(at.truncatedTo(ChronoUnit.MILLIS).toString());
        }
    }

    @Test
    void going_back_in_time_reads_right_too() {
        ServeLog.Timestamps times = new ServeLog.Timestamps();
        Instant later = Instant.parse("2026-12-01T21:55:59.999Z");
        Instant earlier = Instant.parse("1999-12-31T23:59:59Z");
        assertThat(times.format(later)).isEqualTo("2026-12-01T21:55:59.999Z");
        assertThat(times.format(earlier)).isEqualTo("1999-12-31T23:59:59Z");
        assertThat(times.format(later.plusMillis(1))).isEqualTo("2026-12-01T21:56:00Z");
    }
}
