package dev.bouncekit.status;

import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnhancedStatusCodeTest {

    @Test
    void parses_class_subject_detail() {
        EnhancedStatusCode code = EnhancedStatusCode.of("5.7.26");

        assertThat(code.statusClass()).isEqualTo(5);
        assertThat(code.subject()).isEqualTo(7);
        assertThat(code.detail()).isEqualTo(26);
        assertThat(code.isPermanent()).isTrue();
        assertThat(code).hasToString("5.7.26");
    }

    @Test
    void rejects_what_is_not_a_code_with_a_clear_message() {
        assertThat(EnhancedStatusCode.parse("3.1.1")).isEmpty();
        assertThat(EnhancedStatusCode.parse("5.8.1")).isEmpty();
        assertThat(EnhancedStatusCode.parse("5.1.1000")).isEmpty();
        assertThat(EnhancedStatusCode.parse("5.1.1 x")).isEmpty();
        assertThatThrownBy(() -> EnhancedStatusCode.of("550"))
                .hasMessageContaining("class.subject.detail");
    }

    @Test
    void find_skips_ip_addresses_and_longer_dotted_numbers() {
        assertThat(EnhancedStatusCode.find("from 192.0.2.5.1 and 10.4.4.1 then 4.4.1")).contains(EnhancedStatusCode.of("4.4.1"));
        assertThat(EnhancedStatusCode.find("5.5.5.5.5.5.5")).isEmpty();
    }

    @Test
    void registry_knows_titles_and_reasons() {
        StatusCodeRegistry registry = StatusCodeRegistry.builtIn();

        assertThat(registry.title(EnhancedStatusCode.of("5.1.1"))).contains("Bad destination mailbox address");
        assertThat(registry.reasonOf(EnhancedStatusCode.of("5.7.26"))).contains(Reason.AUTHFAILURE);
        assertThat(registry.reasonOf(EnhancedStatusCode.of("4.2.2"))).contains(Reason.MAILBOXFULL);
        assertThat(registry.reasonOf(EnhancedStatusCode.of("5.7.1"))).isEmpty();
        assertThat(registry.reasonOf(EnhancedStatusCode.of("4.4.1"))).contains(Reason.EXPIRED);
    }

    @Test
    void registry_answers_null_with_empty_as_parse_does() {
        StatusCodeRegistry registry = StatusCodeRegistry.builtIn();

        assertThat(EnhancedStatusCode.parse(null)).isEmpty();
        assertThat(registry.reasonOf(null)).isEmpty();
        assertThat(registry.title(null)).isEmpty();
        assertThat(registry.description(null)).isEmpty();
    }

    @Test
    void read_and_standsAt_refuse_a_range_outside_the_text_by_its_bounds() {
        assertThatThrownBy(() -> EnhancedStatusCode.read("5.1.1", 0, 10))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("Range [0, 10) out of bounds for length 5");
        assertThatThrownBy(() -> EnhancedStatusCode.read("5.1.1", 3, 1))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("Range [3, 1) out of bounds for length 5");
        assertThatThrownBy(() -> EnhancedStatusCode.standsAt("x 5.1.1", 2, 0, 20))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("Range [0, 20) out of bounds for length 7");
        assertThatThrownBy(() -> EnhancedStatusCode.standsAt("x", 0, 0, 9))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("Range [0, 9) out of bounds for length 1");
        assertThatThrownBy(() -> EnhancedStatusCode.standsAt("5.1.1", 0, -1, 5))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("Range [-1, 5) out of bounds for length 5");
    }

    @Test
    void read_and_standsAt_answer_within_the_range_they_are_given() {
        assertThat(EnhancedStatusCode.read("x 5.1.1 y", 1, 8)).isEqualTo(EnhancedStatusCode.of("5.1.1"));
        assertThat(EnhancedStatusCode.read("x 5.1.1 y", 1, 6)).isNull();
        assertThat(EnhancedStatusCode.read("5.1.1", 5, 5)).isNull();
        assertThat(EnhancedStatusCode.standsAt("x 5.1.1 y", 2, 0, 9)).isTrue();
        assertThat(EnhancedStatusCode.standsAt("x 5.1.1 y", 2, 3, 9)).isFalse();
        assertThat(EnhancedStatusCode.standsAt("x 5.1.1 y", 20, 0, 9)).isFalse();
        assertThat(EnhancedStatusCode.standsAt("15.1.1", 1, 1, 6)).isTrue();
    }
}
