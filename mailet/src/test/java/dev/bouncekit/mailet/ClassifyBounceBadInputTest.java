package dev.bouncekit.mailet;

import ch.qos.logback.classic.Level;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.nio.charset.StandardCharsets;

import static dev.bouncekit.mailet.Bounces.DELIVERY_ERROR;
import static dev.bouncekit.mailet.Bounces.DELIVERY_ERROR_CODE;
import static dev.bouncekit.mailet.Bounces.GMAIL_USER_UNKNOWN;
import static dev.bouncekit.mailet.Bounces.PERMANENT;
import static dev.bouncekit.mailet.Bounces.RETRIES;
import static dev.bouncekit.mailet.Bounces.SPAMHAUS_CLIENT;
import static dev.bouncekit.mailet.Bounces.TOO_MANY_RETRIES;
import static dev.bouncekit.mailet.Bounces.attribute;
import static dev.bouncekit.mailet.Bounces.bounce;
import static dev.bouncekit.mailet.Bounces.builder;
import static dev.bouncekit.mailet.Bounces.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ClassifyBounceBadInputTest {

    private final ClassifyBounce mailet = new ClassifyBounce();

    @BeforeEach
    void init() throws Exception {
        mailet.init(FakeMailetConfig.builder().mailetName("ClassifyBounce").build());
    }

    @Test
    void a_mail_without_delivery_error_is_undefined_and_goes_on() throws Exception {
        Mail mail = builder("bob@example.org").build();

        assertThatCode(() -> mailet.service(mail)).doesNotThrowAnyException();

        assertUndefined(mail);
        assertThat(Bounces.asStrings(mail.getRecipients())).containsExactly("bob@example.org");
    }

    static Stream<Arguments> oddDeliveryErrors() {
        return Stream.of(
                Arguments.of("an Integer", AttributeValue.of(550)),
                Arguments.of("a Boolean", AttributeValue.of(true)),
                Arguments.of("bytes", AttributeValue.of("550 5.1.1 User unknown".getBytes(StandardCharsets.UTF_8))),
                Arguments.of("a blank String", AttributeValue.of("  \n ")),
                Arguments.of("an empty Optional (null)", AttributeValue.of(Optional.empty())),
                Arguments.of("a list", AttributeValue.of(List.<AttributeValue<?>>of(AttributeValue.of("550 5.1.1 User unknown")))),
                Arguments.of("an unserializable object", AttributeValue.ofUnserializable(new Object())));
    }

    @ParameterizedTest(name = "delivery-error as {0}")
    @MethodSource("oddDeliveryErrors")
    void a_delivery_error_of_an_odd_type_is_undefined_and_logged(String kind, AttributeValue<?> odd) throws Exception {
        Mail mail = builder("bob@example.org").attribute(attribute(DELIVERY_ERROR, odd)).build();

        try (CapturedLog log = CapturedLog.of(ClassifyBounce.class)) {
            assertThatCode(() -> mailet.service(mail)).doesNotThrowAnyException();

            assertThat(log.at(Level.WARN)).singleElement().asString().contains("delivery-error", "bounce-1", "undefined");
        }
        assertUndefined(mail);
    }

    @Test
    void odd_code_permanence_and_retry_attributes_are_ignored_and_the_text_still_decides() throws Exception {
        Mail mail = builder("bob@gmail.com")
                .attribute(attribute(DELIVERY_ERROR, AttributeValue.of(GMAIL_USER_UNKNOWN)))
                .attribute(attribute(DELIVERY_ERROR_CODE, AttributeValue.of("550")))
                .attribute(attribute(PERMANENT, AttributeValue.of("yes")))
                .attribute(attribute(RETRIES, AttributeValue.of(2.5)))
                .build();

        try (CapturedLog log = CapturedLog.of(ClassifyBounce.class)) {
            mailet.service(mail);

            assertThat(log.at(Level.WARN)).hasSize(3)
                    .anySatisfy(line -> assertThat(line).contains("delivery-error-code is a java.lang.String"))
                    .anySatisfy(line -> assertThat(line).contains("is-delivery-permanent-error is a java.lang.String"))
                    .anySatisfy(line -> assertThat(line).contains("delivery_retry_count is a java.lang.Double"));
        }
        assertThat(value(mail, "bouncekit.reason")).contains("userunknown");
        assertThat(value(mail, "bouncekit.code")).contains(550);
    }

    @Test
    void a_long_retry_count_is_read_as_a_number() throws Exception {
        Mail mail = builder("bob@example.org")
                .attribute(attribute(DELIVERY_ERROR, AttributeValue.of(TOO_MANY_RETRIES)))
                .attribute(attribute(RETRIES, AttributeValue.of(3L)))
                .build();

        try (CapturedLog log = CapturedLog.of(ClassifyBounce.class)) {
            mailet.service(mail);

            assertThat(log.at(Level.WARN)).isEmpty();
            assertThat(log.at(Level.INFO)).singleElement().asString().contains("retries=3");
        }
    }

    @Test
    void a_mail_with_no_recipients_is_classified_with_no_recipient_attributes() throws Exception {
        Mail mail = FakeMail.builder().name("no-rcpt")
                .attribute(attribute(DELIVERY_ERROR, AttributeValue.of(GMAIL_USER_UNKNOWN)))
                .build();

        try (CapturedLog log = CapturedLog.of(ClassifyBounce.class)) {
            assertThatCode(() -> mailet.service(mail)).doesNotThrowAnyException();

            assertThat(log.at(Level.WARN)).singleElement().asString().contains("no recipients");
            assertThat(log.at(Level.INFO)).singleElement().asString().contains("recipient-domain=-");
        }
        assertThat(value(mail, "bouncekit.reason")).contains("userunknown");
        assertThat(value(mail, "bouncekit.recipient")).isEmpty();
        assertThat(value(mail, "bouncekit.unknown-recipients")).isEmpty();
        assertThat(mail.getRecipients()).isEmpty();
    }

    @Test
    void the_same_problem_is_logged_at_warn_once_and_then_at_debug() throws Exception {
        try (CapturedLog log = CapturedLog.of(ClassifyBounce.class)) {
            for (int i = 0; i < 5; i++) {
                mailet.service(builder("bob@example.org").build());
            }

            assertThat(log.at(Level.WARN)).hasSize(1);
            assertThat(log.at(Level.DEBUG)).hasSize(4).allMatch(line -> line.contains("delivery-error is missing"));
            assertThat(log.at(Level.INFO)).hasSize(5).allMatch(line -> line.contains("reason=undefined"));
        }
    }

    @Test
    void a_one_megabyte_reply_is_classified_quickly_and_logged_briefly() throws Exception {
        StringBuilder huge = new StringBuilder();
        while (huge.length() < 1_048_576) {
            huge.append("550-5.1.1 The email account that you tried to reach does not exist. Please try again\n");
        }
        huge.append("550 5.1.1 bob@gmail.com - gsmtp");
        Mail mail = bounce(huge.toString(), "bob@gmail.com");

        try (CapturedLog log = CapturedLog.of(ClassifyBounce.class)) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> mailet.service(mail));

            assertThat(log.at(Level.INFO)).singleElement().asString().hasSizeLessThan(400);
        }
        assertThat(value(mail, "bouncekit.reason")).contains("userunknown");
        assertThat(value(mail, "bouncekit.recipient")).contains("bob@gmail.com");
    }

    @Test
    void concurrent_calls_give_each_mail_its_own_verdict() throws Exception {
        String[] replies = {GMAIL_USER_UNKNOWN, SPAMHAUS_CLIENT, TOO_MANY_RETRIES, "Connection refused"};
        String[] reasons = {"userunknown", "blocked", "expired", "networkerror"};
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                int kind = i % replies.length;
                String recipient = "user" + i + "@gmail.com";
                tasks.add(() -> {
                    Mail mail = bounce(replies[kind], recipient);
                    mailet.service(mail);
                    return value(mail, "bouncekit.reason").equals(Optional.of(reasons[kind]))
                            && value(mail, "bouncekit.recipient").equals(Optional.of(recipient));
                });
            }
            List<Future<Boolean>> results = pool.invokeAll(tasks, 60, TimeUnit.SECONDS);
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertUndefined(Mail mail) {
        assertThat(value(mail, "bouncekit.reason")).contains("undefined");
        assertThat(value(mail, "bouncekit.hard")).contains(Boolean.FALSE);
        assertThat(value(mail, "bouncekit.owner")).contains("unknown");
        assertThat(value(mail, "bouncekit.action")).contains("review");
        assertThat(value(mail, "bouncekit.code")).isEmpty();
        assertThat(value(mail, "bouncekit.status")).isEmpty();
    }
}
