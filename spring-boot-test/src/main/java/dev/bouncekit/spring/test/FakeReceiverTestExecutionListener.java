package dev.bouncekit.spring.test;

import dev.bouncekit.junit.ReceiverTurns;
import dev.bouncekit.junit.RuleAnnotations;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.receiver.gate.TranscriptFormat;
import dev.bouncekit.spring.test.internal.TranscriptReportEntry;
import org.opentest4j.TestAbortedException;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Gets the receiver of an {@link AutoConfigureFakeReceiver} context ready for each test: before the
 * test (and its {@code @BeforeEach} methods) it closes the connections still open, forgets mail,
 * transcript and rules and installs the test's rules; after a failed test it prints the SMTP transcript (and,
 * on JUnit Jupiter, has it published as the report entry {@code bouncekit.transcript}). Registered in
 * {@code META-INF/spring.factories}; it does nothing for test classes without the annotation.
 *
 * <p>Tests that share a receiver (those of the classes that share a cached context) take turns
 * from before the test until after it, also under JUnit's parallel execution, so that none sees
 * another's rules or mail.
 *
 * <p>Rules in force during a test, first match first: the test method's {@code @RejectRecipient},
 * {@code @RejectSender}, {@code @Greylist} and {@code @Scenario}; the test class's (innermost
 * {@code @Nested} class first); then the rules of {@link AutoConfigureFakeReceiver}.
 */
public class FakeReceiverTestExecutionListener extends AbstractTestExecutionListener {

    /** Runs after Spring's dependency injection, before its transaction and SQL script listeners. */
    public static final int ORDER = 2100;

    private static final String RECEIVER = FakeReceiverTestExecutionListener.class.getName() + ".receiver";
    private static final String TURN = FakeReceiverTestExecutionListener.class.getName() + ".turn";

    @Override
    public int getOrder() {
        return ORDER;
    }

    /**
     * Waits until no other test uses the receiver (tests of classes that share a context, run in
     * parallel, take turns), then gets it ready for this test.
     */
    @Override
    public void beforeTestMethod(TestContext testContext) {
        AutoConfigureFakeReceiver settings = settings(testContext);
        if (settings == null) {
            return;
        }
        TranscriptReportEntry.forget();   // one an earlier test on this thread left unpublished
        FakeReceiver receiver = receiver(testContext);
        testContext.setAttribute(TURN, ReceiverTurns.take(receiver));
        receiver.closeConnections();   // what is still open belongs to an earlier test
        receiver.reset();
        receiver.magicAddresses(settings.magicAddresses());
        receiver.setRules(rules(testContext, settings));
        testContext.setAttribute(RECEIVER, receiver);   // a test whose rules cannot work prints no transcript
    }

    /**
     * Prints the transcript of a failed test (not of one an assumption aborted) and hands it over to be
     * published as its report entry, from the receiver
     * it had, also when its context was closed after it ({@code @DirtiesContext}), and lets the next
     * test in.
     */
    @Override
    public void afterTestMethod(TestContext testContext) {
        FakeReceiver receiver = (FakeReceiver) testContext.removeAttribute(RECEIVER);
        ReceiverTurns.Turn turn = (ReceiverTurns.Turn) testContext.removeAttribute(TURN);
        try {
            Throwable thrown = testContext.getTestException();
            if (thrown != null && !(thrown instanceof TestAbortedException) && receiver != null) {
                String transcript = "--- bouncekit: SMTP transcript of failed test " + testContext.getTestClass().getSimpleName()
                        + "." + testContext.getTestMethod().getName() + " (" + receiver + ") ---\n"
                        + TranscriptFormat.connections(receiver.transcript())
                        + "--- end of transcript ---\n";
                System.out.print(transcript);
                System.out.flush();
                TranscriptReportEntry.handOver(testContext.getTestMethod(), transcript);
            }
        } finally {
            if (turn != null) {
                turn.close();
            }
        }
    }

    private static AutoConfigureFakeReceiver settings(TestContext testContext) {
        return TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(), AutoConfigureFakeReceiver.class);
    }

    private static FakeReceiver receiver(TestContext testContext) {
        return testContext.getApplicationContext().getBean(AutoConfigureFakeReceiver.BEAN_NAME, FakeReceiver.class);
    }

    /** The rules of the test method, its classes innermost first, then the annotation's. */
    private static List<ReplyRule> rules(TestContext testContext, AutoConfigureFakeReceiver settings) {
        List<ReplyRule> rules = new ArrayList<>(RuleAnnotations.declaredOn(testContext.getTestMethod()));
        for (Class<?> type = testContext.getTestClass(); type != null; type = enclosingOfNested(type)) {
            rules.addAll(RuleAnnotations.declaredOn(type));
        }
        String where = "@AutoConfigureFakeReceiver on " + testContext.getTestClass().getName() + ": ";
        try {
            for (var a : settings.rejectRecipient()) {
                rules.add(RuleAnnotations.rule(a));
            }
            for (var a : settings.rejectSender()) {
                rules.add(RuleAnnotations.rule(a));
            }
            for (var a : settings.greylist()) {
                rules.add(RuleAnnotations.rule(a));
            }
            if (!settings.scenario().isEmpty()) {
                requireScenarioReader(settings, testContext.getTestClass());
                rules.addAll(RuleAnnotations.scenario(settings.scenario(), loaderOf(testContext.getTestClass())));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        return rules;
    }

    /** Refuses a scenario where bouncekit-server, which reads it, is missing, naming the setting, not {@code @Scenario}. */
    private static void requireScenarioReader(AutoConfigureFakeReceiver settings, Class<?> testClass) {
        if (!RuleAnnotations.canReadScenarios()) {
            throw new IllegalStateException("@AutoConfigureFakeReceiver(scenario = \"" + settings.scenario() + "\") on "
                    + testClass.getName() + " needs dev.bouncekit:bouncekit-server on the test class path (it reads"
                    + " scenario files): add it as a dependency with <scope>test</scope> beside bouncekit-spring-boot-test");
        }
    }

    /** The class around an inner (JUnit {@code @Nested}) class, whose rules apply to it too. */
    private static Class<?> enclosingOfNested(Class<?> type) {
        return type.isMemberClass() && !Modifier.isStatic(type.getModifiers()) ? type.getEnclosingClass() : null;
    }

    private static ClassLoader loaderOf(Class<?> type) {
        return type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
    }
}
