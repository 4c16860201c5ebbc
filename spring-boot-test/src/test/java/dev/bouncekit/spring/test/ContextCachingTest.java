package dev.bouncekit.spring.test;

import dev.bouncekit.spring.test.fixtures.AbortedFixture;
import dev.bouncekit.spring.test.fixtures.BadRuleFixture;
import dev.bouncekit.spring.test.fixtures.DirtiesAfterEachFailingFixture;
import dev.bouncekit.spring.test.fixtures.DirtiesFixture;
import dev.bouncekit.spring.test.fixtures.FailingFixture;
import dev.bouncekit.spring.test.fixtures.FirstFixture;
import dev.bouncekit.spring.test.fixtures.ParallelSharedContextFixture;
import dev.bouncekit.spring.test.fixtures.PortInUseFixture;
import dev.bouncekit.spring.test.fixtures.PortOutOfRangeFixture;
import dev.bouncekit.spring.test.fixtures.RunByTestKitOnly;
import dev.bouncekit.spring.test.fixtures.SecondFixture;
import dev.bouncekit.spring.test.fixtures.Seen;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** One receiver per cached context, reset between tests, stopped with its context; run through the test kit. */
class ContextCachingTest {

    @BeforeEach
    void forget() {
        Seen.clear();
    }

    @Test
    void classes_with_the_same_configuration_share_one_context_and_a_receiver_reset_for_each_test() {
        run(FirstFixture.class, SecondFixture.class).testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));

        Seen.Start first = Seen.starts("first").get(0);
        Seen.Start second = Seen.starts("second").get(0);
        assertThat(second.receiver()).isSameAs(first.receiver());
        assertThat(second.port()).isEqualTo(first.port());
        assertThat(first.rules()).hasSize(1).allMatch(rule -> rule.contains("ghost@gmail.com"));
        assertThat(second.messages()).isZero();
        assertThat(second.connections()).isZero();
        assertThat(second.rules()).hasSize(1).allMatch(rule -> rule.contains("slow.example"));
        assertThat(second.receiver().isRunning()).isTrue();
    }

    @Test
    void the_receiver_stops_when_its_context_closes() {
        run(DirtiesFixture.class).testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));

        Seen.Start start = Seen.starts("dirties").get(0);
        assertThat(start.receiver().isRunning()).isFalse();
        assertThat(listening(start.port())).isFalse();
    }

    @Test
    void a_rule_that_cannot_work_fails_the_test_naming_the_annotation_and_the_reply() {
        run(BadRuleFixture.class).testEvents().assertThatEvents().haveExactly(1, event(test("never_runs"),
                finishedWithFailure(message(m -> m.contains("@AutoConfigureFakeReceiver on " + BadRuleFixture.class.getName())
                        && m.contains("gmail/no-such-reply")))));
    }

    /** A fixed port that cannot be had fails the class's tests naming the annotation, the port and what to do, not GreenMail's words alone. */
    @Test
    void a_fixed_port_in_use_or_out_of_range_is_said_with_the_annotation_and_the_way_out() throws IOException {
        try (ServerSocket taken = new ServerSocket(PortInUseFixture.PORT, 50, InetAddress.getLoopbackAddress())) {
            run(PortInUseFixture.class).testEvents().assertThatEvents().haveExactly(1, event(test("never_runs"),
                    finishedWithFailure(causeMessage(m -> m.startsWith("@AutoConfigureFakeReceiver(smtpPort = 42525) on "
                            + PortInUseFixture.class.getName() + ": cannot listen for SMTP on 127.0.0.1:42525")
                            && m.endsWith("; another application context Spring keeps cached (a test class with other"
                            + " configuration and the same smtpPort) or another process holds the port: give each"
                            + " configuration a port of its own, or leave smtpPort at 0 for a free one")))));
        }
        run(PortOutOfRangeFixture.class).testEvents().assertThatEvents().haveExactly(1, event(test("never_runs"),
                finishedWithFailure(causeMessage(m -> m.equals("@AutoConfigureFakeReceiver(smtpPort = 70000) on "
                        + PortOutOfRangeFixture.class.getName() + ": port must be 0 to 65535, not 70000")))));
    }

    /** A cause whose message matches: Spring wraps what a context customizer throws in "Failed to load ApplicationContext". */
    private static Condition<Throwable> causeMessage(Predicate<String> expected) {
        return new Condition<>(thrown -> {
            for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause.getMessage() != null && expected.test(cause.getMessage())) {
                    return true;
                }
            }
            return false;
        }, "a cause whose message matches");
    }

    @Test
    void a_test_whose_rules_cannot_work_lets_the_next_test_of_its_context_in() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(RunByTestKitOnly.PARAMETER, "true")
                .configurationParameter("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$ClassName")
                .selectors(DiscoverySelectors.selectClass(BadRuleFixture.class), DiscoverySelectors.selectClass(FirstFixture.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.failed(1).succeeded(1));
        assertThat(Seen.starts("first")).hasSize(1);
    }

    @Test
    void a_test_aborted_by_an_assumption_prints_no_transcript() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run(AbortedFixture.class).testEvents().assertStatistics(stats -> stats.aborted(1).failed(0));
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("bouncekit: SMTP transcript");
    }

    @Test
    void a_failed_test_prints_the_smtp_transcript() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run(FailingFixture.class).testEvents().assertStatistics(stats -> stats.failed(1));
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("--- bouncekit: SMTP transcript of failed test FailingFixture.fails")
                .contains("RCPT TO:<gmail.user-unknown@bouncekit.test>")
                .contains("550");
    }

    /** As bouncekit-junit's extension does: the printed transcript is also the report entry {@code bouncekit.transcript}. */
    @Test
    void a_failed_test_publishes_the_smtp_transcript_as_a_report_entry_and_a_passing_or_aborted_one_does_not() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        EngineExecutionResults failing;
        EngineExecutionResults others;
        try {
            failing = run(FailingFixture.class);
            others = run(FirstFixture.class, AbortedFixture.class);
        } finally {
            System.setOut(original);
        }

        failing.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(reportEntries(failing, "bouncekit.transcript")).singleElement().asString()
                .startsWith("--- bouncekit: SMTP transcript of failed test FailingFixture.fails (FakeReceiver[")
                .contains("C: RCPT TO:<gmail.user-unknown@bouncekit.test>", "S: 550")
                .endsWith("--- end of transcript ---\n");
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains(reportEntries(failing, "bouncekit.transcript").get(0));
        failing.allEvents().reportingEntryPublished().assertThatEvents()
                .allMatch(e -> e.getTestDescriptor().getDisplayName().equals("fails()"));

        others.testEvents().assertStatistics(stats -> stats.succeeded(1).aborted(1).failed(0));
        assertThat(reportEntries(others, "bouncekit.transcript")).isEmpty();
    }

    @Test
    void a_failed_test_prints_the_smtp_transcript_also_when_its_context_is_closed_after_it() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run(DirtiesAfterEachFailingFixture.class).testEvents().assertStatistics(stats -> stats.failed(1));
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("--- bouncekit: SMTP transcript of failed test DirtiesAfterEachFailingFixture.fails")
                .contains("RCPT TO:<gmail.user-unknown@bouncekit.test>");
    }

    @Test
    void tests_of_classes_sharing_a_context_and_its_receiver_take_turns_when_run_in_parallel() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(RunByTestKitOnly.PARAMETER, "true")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(DiscoverySelectors.selectClass(ParallelSharedContextFixture.One.class),
                        DiscoverySelectors.selectClass(ParallelSharedContextFixture.Two.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(8).failed(0));
        assertThat(ParallelSharedContextFixture.MOST_INSIDE.get()).isEqualTo(1);
    }

    private static EngineExecutionResults run(Class<?>... fixtures) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(RunByTestKitOnly.PARAMETER, "true")
                .configurationParameter("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
                .selectors(java.util.Arrays.stream(fixtures).map(DiscoverySelectors::selectClass).toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
    }

    private static List<String> reportEntries(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(Event::getPayload).flatMap(Optional::stream)
                .map(ReportEntry.class::cast)
                .map(entry -> entry.getKeyValuePairs().get(key))
                .filter(Objects::nonNull)
                .toList();
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
