package dev.bouncekit.junit;

import dev.bouncekit.junit.internal.DeclaredRules;
import dev.bouncekit.junit.internal.ManagedReceiver;
import dev.bouncekit.junit.internal.Registrations;
import dev.bouncekit.junit.internal.RuleFactory;
import dev.bouncekit.junit.internal.ScenarioFile;
import dev.bouncekit.junit.internal.TranscriptReport;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReplyRule;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Runs a {@link FakeReceiver} for JUnit 5 tests: on 127.0.0.1 and a free port, reset before each
 * test, stopped when done, with its SMTP transcript printed when a test fails.
 *
 * <p>The simple case, one receiver per class injected as a parameter, with declarative rules:
 * <pre>{@code
 * @ExtendWith(FakeReceiverExtension.class)
 * @RejectRecipient(value = "ghost@gmail.com", reply = "gmail/user-unknown")
 * class SignupMailTest {
 *     @Test
 *     void suppresses_unknown_users(FakeReceiver receiver) { ... }
 * }
 * }</pre>
 *
 * <p>Configured, with a builder: a static field gives one receiver per class (rules, mail and
 * transcript reset before each test), an instance field one per test.
 * <pre>{@code
 * @RegisterExtension
 * static FakeReceiverExtension smtp = FakeReceiverExtension.builder()
 *         .rule(ReplyRule.when(Condition.recipientDomain("*.example.org")).reply("generic/mailbox-full"))
 *         .build();
 * }</pre>
 *
 * <p>The receiver lives in JUnit's {@link ExtensionContext.Store} of the class or test that owns
 * it, so it works with {@code @Nested} classes (which share their outer class's receiver),
 * {@code @TestInstance(PER_CLASS)} and parallel execution: receivers of different classes or tests
 * have their own ports, and tests sharing one receiver take turns.
 *
 * <p>A failed test's transcript is reported for {@code @Test}, {@code @RepeatedTest} and
 * {@code @ParameterizedTest} methods and for each dynamic test of a {@code @TestFactory}.
 *
 * <p>Rules in force during a test, first match first: the test method's annotations (with its
 * {@link Scenario}), the class's (innermost {@code @Nested} class first, a class's own before its
 * superclass's), the builder's rules, then rules the test adds itself.
 */
public final class FakeReceiverExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver, InvocationInterceptor {

    /** The key of the JUnit report entry that carries a failed test's SMTP transcript, as printed. */
    public static final String TRANSCRIPT_REPORT_KEY = TranscriptReport.KEY;

    private static final String RECEIVER = "receiver";
    private static final String TURN = "turn";
    private static final String PREPARED = "prepared";

    private final Builder settings;
    private final Namespace namespace = Namespace.create(FakeReceiverExtension.class, this);
    private final Set<FakeReceiver> running = ConcurrentHashMap.newKeySet();
    /** The receiver of the test running on this thread, between its beforeEach and afterEach. */
    private final ThreadLocal<FakeReceiver> current = new ThreadLocal<>();

    /** An extension with the defaults, as used by {@code @ExtendWith(FakeReceiverExtension.class)}. */
    public FakeReceiverExtension() {
        this(new Builder());
    }

    private FakeReceiverExtension(Builder builder) {
        this.settings = builder.copy();
    }

    /** A builder for {@code @RegisterExtension} fields. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The receiver of the test that is running, for extensions held in a field: called from a test
     * or its {@code @BeforeEach}/{@code @AfterEach} methods, the one of that test, also while tests
     * of other classes or with receivers of their own run in parallel (a static field inherited by
     * several test classes); elsewhere the only receiver of this extension that is running.
     *
     * @throws IllegalStateException outside a test, or when called on another thread than the
     *                               test's (such as {@code @BeforeAll} methods) while several
     *                               receivers of this extension run in parallel tests (take a
     *                               {@link FakeReceiver} parameter instead)
     */
    public FakeReceiver receiver() {
        FakeReceiver mine = current.get();
        if (mine != null && running.contains(mine)) {
            return mine;
        }
        List<FakeReceiver> now = new ArrayList<>(running);
        if (now.size() == 1) {
            return now.get(0);
        }
        if (now.isEmpty()) {
            throw new IllegalStateException("no receiver is running: receiver() works while a test or its"
                    + " @BeforeEach/@AfterEach methods run");
        }
        throw new IllegalStateException(now.size() + " receivers of this extension are running in parallel tests;"
                + " declare a FakeReceiver parameter to get the one of your test");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (settings.lifecycle != ReceiverLifecycle.PER_TEST) {
            classReceiver(context);
        }
    }

    /** The receiver of the class of {@code context}, started on first use. */
    private ManagedReceiver classReceiver(ExtensionContext context) {
        return context.getStore(namespace).getOrComputeIfAbsent(RECEIVER,
                key -> start(DeclaredRules.of(context)), ManagedReceiver.class);
    }

    /**
     * Gets this test's receiver ready: a shared one is taken in turn and reset before the test's
     * rules are read, so that a test whose rules cannot work starts from an empty transcript, not
     * the previous test's.
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(namespace);
        ManagedReceiver shared = store.get(RECEIVER, ManagedReceiver.class);
        if (shared != null) {
            store.put(TURN, shared.takeTurn());
            shared.reset(settings.magicAddresses);
            shared.install(rulesFor(context));
            store.put(PREPARED, Boolean.TRUE);
            current.set(shared.receiver());
            return;
        }
        if (settings.lifecycle == ReceiverLifecycle.PER_CLASS) {
            throw new ExtensionConfigurationException("FakeReceiverExtension with lifecycle PER_CLASS must be"
                    + " registered on the class: a static @RegisterExtension field or @ExtendWith on the class,"
                    + " or an instance field with @TestInstance(PER_CLASS)");
        }
        List<ReplyRule> rules = rulesFor(context);
        ManagedReceiver own = store.getOrComputeIfAbsent(RECEIVER, key -> start(rules), ManagedReceiver.class);
        own.reset(settings.magicAddresses);
        own.install(rules);
        store.put(PREPARED, Boolean.TRUE);
        current.set(own.receiver());
    }

    /** Reports the transcript of a failed test, only when the test got as far as running with its receiver. */
    @Override
    public void afterEach(ExtensionContext context) {
        current.remove();
        ExtensionContext.Store store = context.getStore(namespace);
        ManagedReceiver managed = store.get(RECEIVER, ManagedReceiver.class);
        if (managed != null && settings.transcriptOnFailure && store.get(PREPARED) != null) {
            TranscriptReport.reportIfFailed(context, managed.receiver(), System.out);
        }
    }

    /**
     * Reports the transcript of a failed dynamic test of a {@code @TestFactory}: JUnit runs no
     * {@code afterEach} for those, and the factory itself passes. The receiver is the factory's,
     * not reset between its dynamic tests.
     */
    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
                                     ExtensionContext extensionContext) throws Throwable {
        try {
            invocation.proceed();
        } catch (Throwable failure) {
            ExtensionContext.Store store = extensionContext.getStore(namespace);
            ManagedReceiver managed = store.get(RECEIVER, ManagedReceiver.class);
            if (managed != null && settings.transcriptOnFailure && store.get(PREPARED) != null
                    && TranscriptReport.isFailure(failure)) {
                TranscriptReport.report(extensionContext, managed.receiver(), System.out);
            }
            throw failure;
        }
    }

    /**
     * True for a {@link FakeReceiver} parameter.
     *
     * @throws ParameterResolutionException when several {@code FakeReceiverExtension}s are
     *                                      registered for the test, naming them: the parameter could
     *                                      be the receiver of any of them
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (parameterContext.getParameter().getType() != FakeReceiver.class) {
            return false;
        }
        Registrations registrations = Registrations.of(extensionContext, FakeReceiverExtension.class);
        if (registrations.count() > 1) {
            Executable executable = parameterContext.getDeclaringExecutable();
            String name = executable instanceof Constructor
                    ? executable.getDeclaringClass().getSimpleName() : executable.getName();
            String parameters = Arrays.stream(executable.getParameterTypes()).map(Class::getSimpleName)
                    .collect(Collectors.joining(", "));
            List<String> fields = registrations.fieldNames();
            throw new ParameterResolutionException(registrations.count() + " FakeReceiverExtensions are registered"
                    + " for " + extensionContext.getRequiredTestClass().getSimpleName() + " ("
                    + registrations.described() + "): the FakeReceiver parameter of " + name + "(" + parameters
                    + ") could be " + (registrations.count() == 2 ? "either receiver" : "any of their receivers") + "; take each receiver from its field instead"
                    + (fields.isEmpty() ? "" : ", e.g. " + fields.get(0) + ".receiver()"));
        }
        return true;
    }

    @Override
    public FakeReceiver resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ManagedReceiver managed = extensionContext.getStore(namespace).get(RECEIVER, ManagedReceiver.class);
        if (managed == null && settings.lifecycle != ReceiverLifecycle.PER_TEST
                && extensionContext.getTestMethod().isEmpty() && extensionContext.getTestClass().isPresent()) {
            // the constructor of a @TestInstance(PER_CLASS) class, which JUnit calls before beforeAll
            managed = classReceiver(extensionContext);
        }
        if (managed == null) {
            throw new ParameterResolutionException("no FakeReceiver for " + parameterContext.getDeclaringExecutable()
                    + ": this extension starts one receiver per test, before @BeforeEach methods; take it as a"
                    + " parameter of test or @BeforeEach/@AfterEach methods, or register the extension on a static"
                    + " field to share one receiver with constructors and @BeforeAll methods");
        }
        return managed.receiver();
    }

    private List<ReplyRule> rulesFor(ExtensionContext context) {
        List<ReplyRule> rules = new ArrayList<>(DeclaredRules.of(context));
        rules.addAll(settings.rules);
        return rules;
    }

    private ManagedReceiver start(List<ReplyRule> rules) {
        FakeReceiver.Builder builder = FakeReceiver.builder()
                .bind(settings.bind)
                .smtpPort(settings.smtpPort)
                .magicAddresses(settings.magicAddresses)
                .rules(rules);
        return ManagedReceiver.start(builder, running);
    }

    /** Configures a {@link FakeReceiverExtension}; every setting has a default. */
    public static final class Builder {
        private final List<ReplyRule> rules = new ArrayList<>();
        private String bind = "127.0.0.1";
        private int smtpPort;
        private boolean magicAddresses = true;
        private boolean transcriptOnFailure = true;
        private ReceiverLifecycle lifecycle;

        private Builder() {
        }

        /** Appends a rule, in force for every test (after the tests' declarative rules). */
        public Builder rule(ReplyRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** Appends rules in order. */
        public Builder rules(List<ReplyRule> more) {
            more.forEach(this::rule);
            return this;
        }

        /** Refuses a recipient (exact or glob) with a catalog reply, like {@link RejectRecipient}. */
        public Builder rejectRecipient(String recipient, String catalogId) {
            return rule(RuleFactory.rejectRecipient(recipient, catalogId, 0));
        }

        /** Refuses a sender (exact or glob) with a catalog reply, like {@link RejectSender}. */
        public Builder rejectSender(String sender, String catalogId) {
            return rule(RuleFactory.rejectSender(sender, catalogId, 0));
        }

        /**
         * Appends the rules of a scenario file, like {@link Scenario}: {@code classpath:NAME} for a
         * resource of the class path, else the path of a file.
         *
         * @throws IllegalArgumentException when it is missing or invalid, naming the file, rule and field
         */
        public Builder scenario(String location) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return rules(ScenarioFile.rules(location, loader != null ? loader : FakeReceiverExtension.class.getClassLoader()));
        }

        /** Greylists recipients (exact or glob) {@code times} times, like {@link Greylist}. */
        public Builder greylist(String recipient, int times) {
            return rule(RuleFactory.greylist(recipient, "generic/greylisted", times));
        }

        /**
         * Whether every catalog reply also answers to its magic address, e.g.
         * {@code gmail.user-unknown@bouncekit.test} (default on; see {@code MagicAddresses}).
         */
        public Builder magicAddresses(boolean enabled) {
            this.magicAddresses = enabled;
            return this;
        }

        /** The address to listen on (default {@code 127.0.0.1}). */
        public Builder bind(String address) {
            FakeReceiver.builder().bind(address);
            this.bind = address;
            return this;
        }

        /**
         * A fixed SMTP port instead of a free one (the default, 0). Receivers that may run at the same
         * time, per test or in parallel classes, cannot share a fixed port.
         */
        public Builder smtpPort(int port) {
            FakeReceiver.builder().smtpPort(port);
            this.smtpPort = port;
            return this;
        }

        /** How long a receiver lives; by default decided by where the extension is registered. */
        public Builder lifecycle(ReceiverLifecycle receiverLifecycle) {
            this.lifecycle = Objects.requireNonNull(receiverLifecycle, "lifecycle");
            return this;
        }

        /** Whether a failed test's SMTP transcript is printed (default on). */
        public Builder transcriptOnFailure(boolean enabled) {
            this.transcriptOnFailure = enabled;
            return this;
        }

        /** The extension; assign it to a {@code @RegisterExtension} field. */
        public FakeReceiverExtension build() {
            return new FakeReceiverExtension(this);
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.rules.addAll(rules);
            copy.bind = bind;
            copy.smtpPort = smtpPort;
            copy.magicAddresses = magicAddresses;
            copy.transcriptOnFailure = transcriptOnFailure;
            copy.lifecycle = lifecycle;
            return copy;
        }
    }
}
