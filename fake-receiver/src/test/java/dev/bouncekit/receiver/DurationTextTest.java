package dev.bouncekit.receiver;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One grammar for every duration: scenario delays and serve's options. */
class DurationTextTest {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({"250ms, 250", "1.5s, 1500", "30s, 30000", "0.5m, 30000", "5m, 300000", "1h, 3600000", "1.25h, 4500000",
            "2 S, 2000", "PT5M, 300000", "PT0.0015S, 1", "0s, 0"})
    void reads_a_number_with_a_unit_or_iso_8601(String text, long millis) {
        assertThat(DurationText.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "5", "1d", "-5s", "1,5s", "", "PT"})
    void refuses_anything_else_saying_what_is_accepted(String text) {
        assertThatThrownBy(() -> DurationText.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'" + text + "' is not a duration; use e.g. 500ms, 1.5s, 5m, 1h or PT5M");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT-5S", "999999999999999999999h"})
    void refuses_negative_and_overflowing_durations(String text) {
        assertThatThrownBy(() -> DurationText.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'" + text + "' is");
    }

    @ParameterizedTest(name = "{0} ms = {1}")
    @CsvSource({"3600000, 1h", "300000, 5m", "30000, 30s", "1500, 1500ms", "0, 0s"})
    void writes_what_it_reads(long millis, String text) {
        assertThat(DurationText.format(Duration.ofMillis(millis))).isEqualTo(text);
        assertThat(DurationText.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }
}
