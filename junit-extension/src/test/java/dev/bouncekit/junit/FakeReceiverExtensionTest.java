package dev.bouncekit.junit;

import dev.bouncekit.junit.fixtures.AbortedFixture;
import dev.bouncekit.junit.fixtures.BadAnnotationFixture;
import dev.bouncekit.junit.fixtures.BadRuleAfterPassingFixture;
import dev.bouncekit.junit.fixtures.ComposedRulesFixture;
import dev.bouncekit.junit.fixtures.DeclarativeFixture;
import dev.bouncekit.junit.fixtures.DynamicTestFixture;
import dev.bouncekit.junit.fixtures.FailingFixture;
import dev.bouncekit.junit.fixtures.InheritedRulesFixture;
import dev.bouncekit.junit.fixtures.InstanceFieldFixture;
import dev.bouncekit.junit.fixtures.LeftOpenConnectionFixture;
import dev.bouncekit.junit.fixtures.LifecycleChoiceFixture;
import dev.bouncekit.junit.fixtures.NestedFixture;
import dev.bouncekit.junit.fixtures.ParallelBaseClassFixture;
import dev.bouncekit.junit.fixtures.ParallelPerTestFixture;
import dev.bouncekit.junit.fixtures.ParallelSharedFixture;
import dev.bouncekit.junit.fixtures.PerClassConstructorFixture;
import dev.bouncekit.junit.fixtures.PerClassInstanceFixture;
import dev.bouncekit.junit.fixtures.RepeatedFailingFixture;
import dev.bouncekit.junit.fixtures.RunByTestKitOnly;
import dev.bouncekit.junit.fixtures.ScenarioFixture;
import dev.bouncekit.junit.fixtures.StaticFieldFixture;
import dev.bouncekit.junit.fixtures.TwoExtensionsFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** The extension's lifecycle, rules, parameters and failure reports, run through the JUnit Platform test kit. */
class FakeReceiverExtensionTest {

    @Test
    void extend_with_gives_one_receiver_per_class_and_method_rules_apply_to_their_test_only() {
        EngineExecutionResults results = run(DeclarativeFixture.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(values(results, "port")).hasSize(2).containsOnly(values(results, "port").get(0));
    }

    @Test
    void a_static_field_gives_one_receiver_per_class_reset_before_each_test() {
        EngineExecutionResults results = run(StaticFieldFixture.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(values(results, "port")).hasSize(2).containsOnly(values(results, "beforeAll").get(0));
        assertThat(values(results, "port")).noneMatch(FakeReceiverExtensionTest::listening);
    }

    @Test
    void an_instance_field_gives_a_new_receiver_to_every_test() {
        EngineExecutionResults results = run(InstanceFieldFixture.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(3).failed(0));
        assertThat(values(results, "identity")).hasSize(3).doesNotHaveDuplicates();
        assertThat(values(results, "port")).noneMatch(FakeReceiverExtensionTest::listening);
    }

    @Test
    void nested_classes_share_the_outer_receiver_and_add_their_own_rules() {
        EngineExecutionResults results = run(NestedFixture.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(3).failed(0));
        assertThat(values(results, "port")).hasSize(3).containsOnly(values(results, "port").get(0));
    }

    @Test
    void rules_come_from_composed_annotations_and_interfaces_too() {
        run(ComposedRulesFixture.class).testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void a_subclass_inherits_its_base_class_s_rules_and_its_own_answer_first() {
        EngineExecutionResults results = run(InheritedRulesFixture.Overriding.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void an_instance_field_with_test_instance_per_class_gives_one_receiver_per_class() {
        EngineExecutionResults results = run(PerClassInstanceFixture.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(values(results, "port")).hasSize(2).containsOnly(values(results, "beforeAll").get(0));
    }

    @Test
    void extend_with_and_test_instance_per_class_inject_the_class_receiver_into_the_constructor() {
        EngineExecutionResults results = run(PerClassConstructorFixture.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(values(results, "port")).hasSize(2).containsOnly(values(results, "port").get(0));
    }

    @Test
    void parallel_tests_with_receivers_of_their_own_run_at_once_on_different_ports() {
        EngineExecutionResults results = runInParallel(ParallelPerTestFixture.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(ParallelPerTestFixture.TESTS).failed(0));
        assertThat(values(results, "port")).hasSize(ParallelPerTestFixture.TESTS).doesNotHaveDuplicates();
    }

    @Test
    void parallel_tests_sharing_a_class_receiver_take_turns() {
        EngineExecutionResults results = runInParallel(ParallelSharedFixture.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(6).failed(0));
        assertThat(values(results, "together")).hasSize(6).containsOnly("1");
    }

    @Test
    void receiver_of_a_field_inherited_by_classes_running_at_once_is_the_one_of_the_calling_test() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(RunByTestKitOnly.PARAMETER, "true")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(selectClass(ParallelBaseClassFixture.First.class), selectClass(ParallelBaseClassFixture.Second.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
    }

    /**
     * Two extensions both offered to resolve a {@code FakeReceiver} parameter: JUnit answered with its
     * own "multiple competing ParameterResolvers" and two object ids. The error names both fields and
     * the way out, while taking each receiver from its field works.
     */
    @Test
    void a_parameter_with_two_extensions_registered_names_both_fields() {
        EngineExecutionResults results = run(TwoExtensionsFixture.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("a_parameter_is_ambiguous"), finishedWithFailure(
                        instanceOf(ParameterResolutionException.class),
                        message("2 FakeReceiverExtensions are registered for TwoExtensionsFixture (field"
                                + " TwoExtensionsFixture.primary and field TwoExtensionsFixture.backup): the FakeReceiver"
                                + " parameter of a_parameter_is_ambiguous(FakeReceiver) could be either receiver;"
                                + " take each receiver from its field instead, e.g. primary.receiver()"))));
    }

    @Test
    void connections_left_open_by_a_test_are_closed_before_the_next_test_of_a_shared_receiver() {
        EngineExecutionResults results = run(LeftOpenConnectionFixture.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(4).failed(0));
    }

    @Test
    void a_failed_test_prints_and_reports_its_transcript_and_a_passing_one_does_not() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        EngineExecutionResults results;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            results = run(FailingFixture.class);
        } finally {
            System.setOut(original);
        }

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
        List<String> transcripts = values(results, "bouncekit.transcript");
        assertThat(transcripts).hasSize(1);
        assertThat(transcripts.get(0))
                .startsWith("--- bouncekit: SMTP transcript of failed test fails(FakeReceiver)")
                .contains("C: RCPT TO:<ghost@gmail.com>", "S: 550-5.1.1 The email account that you tried to reach does not exist.",
                        "(rule RCPT recipient=ghost@gmail.com -> gmail/user-unknown)", "C: RCPT TO:<alice@example.com>")
                .doesNotContain("bob@example.com")
                .endsWith("--- end of transcript ---\n");
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains(transcripts.get(0)).doesNotContain("Passing");
    }

    @Test
    void a_failed_dynamic_test_prints_and_reports_the_transcript_and_a_passing_one_does_not() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        EngineExecutionResults results;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            results = run(DynamicTestFixture.class);
        } finally {
            System.setOut(original);
        }

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
        List<String> transcripts = values(results, "bouncekit.transcript");
        assertThat(transcripts).singleElement().asString()
                .startsWith("--- bouncekit: SMTP transcript of failed test deliveries(FakeReceiver) fails (")
                .contains("C: RCPT TO:<ghost@gmail.com>", "(rule RCPT recipient=ghost@gmail.com -> gmail/user-unknown)")
                .endsWith("--- end of transcript ---\n");
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains(transcripts.get(0))
                .containsOnlyOnce("--- bouncekit: SMTP transcript");
    }

    @Test
    void the_transcript_of_a_failed_repetition_or_invocation_names_its_method() {
        PrintStream original = System.out;
        EngineExecutionResults results;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            results = run(RepeatedFailingFixture.class);
        } finally {
            System.setOut(original);
        }

        results.testEvents().assertStatistics(stats -> stats.failed(3));
        assertThat(values(results, "bouncekit.transcript")).map(t -> t.substring(0, t.indexOf(" (FakeReceiver[")))
                .containsExactlyInAnyOrder(
                        "--- bouncekit: SMTP transcript of failed test repeated(FakeReceiver) repetition 1 of 2",
                        "--- bouncekit: SMTP transcript of failed test repeated(FakeReceiver) repetition 2 of 2",
                        "--- bouncekit: SMTP transcript of failed test parameterized(String, FakeReceiver)"
                                + " [1] parameterized@example.com");
    }

    @Test
    void a_test_aborted_by_an_assumption_reports_no_transcript() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        EngineExecutionResults results;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            results = run(AbortedFixture.class);
        } finally {
            System.setOut(original);
        }

        results.testEvents().assertStatistics(stats -> stats.aborted(2).failed(0));
        assertThat(values(results, "bouncekit.transcript")).isEmpty();
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("bouncekit: SMTP transcript");
    }

    @Test
    void a_test_whose_rules_cannot_work_reports_no_transcript_and_never_the_previous_tests() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        EngineExecutionResults results;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            results = run(BadRuleAfterPassingFixture.class);
        } finally {
            System.setOut(original);
        }

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(4));
        List<String> transcripts = values(results, "bouncekit.transcript");
        assertThat(transcripts).singleElement().asString()
                .startsWith("--- bouncekit: SMTP transcript of failed test fails_on_its_own(FakeReceiver)")
                .contains("last@example.com").doesNotContain("first@example.com");
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("first@example.com")
                .doesNotContain("unknown_catalog_id", "permanent_reply_for_greylisting", "invalid_scenario");
    }

    @Test
    void scenario_files_give_rules_from_the_class_path_or_a_file_on_classes_methods_and_the_builder() {
        run(ScenarioFixture.OnTheClass.class).testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        run(ScenarioFixture.FromTheBuilder.class).testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void a_scenario_that_cannot_be_read_fails_the_test_naming_it() {
        run(ScenarioFixture.CannotBeRead.class).testEvents().assertThatEvents()
                .haveExactly(1, event(test("missing_resource"), finishedWithFailure(
                        instanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class),
                        message(m -> m.contains("ScenarioFixture$CannotBeRead.missing_resource()")
                                && m.contains("classpath:scenarios/nope.yaml: no such resource on the test class path")))))
                .haveExactly(1, event(test("missing_file"), finishedWithFailure(
                        message(m -> m.contains("nope.yaml: no such file")))))
                .haveExactly(1, event(test("invalid"), finishedWithFailure(
                        message(m -> m.contains("bad.yaml: rule 1: field 'at': stage MAIL cannot match on recipient; use RCPT")))))
                // a directory was read as a listing of its files: "expected a mapping with a 'rules:' list at the top"
                .haveExactly(1, event(test("class_path_directory"), finishedWithFailure(
                        instanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class),
                        message(m -> m.endsWith("classpath:scenarios: a directory on the test class path, not a scenario file")))))
                .haveExactly(1, event(test("directory_in_a_jar"), finishedWithFailure(
                        message(m -> m.endsWith("classpath:org/junit/jupiter/api: a directory on the test class path, not a scenario file")))));
    }

    @Test
    void lifecycle_per_test_on_a_static_field_gives_a_new_receiver_to_every_test() {
        EngineExecutionResults results = run(LifecycleChoiceFixture.PerTestStatic.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(values(results, "identity")).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void lifecycle_per_class_on_an_instance_field_is_refused_with_what_to_do() {
        run(LifecycleChoiceFixture.PerClassInstance.class).testEvents().assertThatEvents()
                .haveExactly(1, event(test("is_refused"), finishedWithFailure(
                        instanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class),
                        message(m -> m.contains("lifecycle PER_CLASS must be registered on the class")))));
    }

    @Test
    void an_annotation_that_cannot_work_fails_the_test_naming_it() {
        EngineExecutionResults results = run(BadAnnotationFixture.class);

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("unknown_catalog_id"), finishedWithFailure(
                        instanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class),
                        message(m -> m.contains("RejectRecipient") && m.contains("BadAnnotationFixture.unknown_catalog_id()")
                                && m.contains("unknown catalog id 'gmail/no-such-entry'")))))
                .haveExactly(1, event(test("permanent_reply_for_greylisting"), finishedWithFailure(
                        message(m -> m.contains("greylisting needs a temporary 4xx reply, but generic/user-unknown is 550")))))
                .haveExactly(1, event(test("same_recipient_twice"), finishedWithFailure(
                        instanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class),
                        message(m -> m.contains("BadAnnotationFixture.same_recipient_twice(): never answers: the earlier"
                                + " @RejectRecipient(value = \"ghost@gmail.com\", reply = \"gmail/user-unknown\")")))));
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(RunByTestKitOnly.PARAMETER, "true")
                .selectors(selectClass(fixture))
                .execute();
    }

    private static EngineExecutionResults runInParallel(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(RunByTestKitOnly.PARAMETER, "true")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(selectClass(fixture))
                .execute();
    }

    /** True when something accepts connections on the port: a receiver left running. */
    private static boolean listening(String port) {
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> values(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(Event::getPayload).flatMap(Optional::stream)
                .map(ReportEntry.class::cast)
                .map(ReportEntry::getKeyValuePairs)
                .map(pairs -> pairs.get(key))
                .filter(v -> v != null)
                .toList();
    }

}
