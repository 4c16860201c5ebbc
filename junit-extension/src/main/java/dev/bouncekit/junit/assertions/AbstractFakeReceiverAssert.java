package dev.bouncekit.junit.assertions;

import dev.bouncekit.junit.internal.MessageText;
import dev.bouncekit.junit.internal.ReplyExpectation;
import dev.bouncekit.receiver.AwaitTimeoutException;
import dev.bouncekit.receiver.DurationText;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReceivedMessage;
import dev.bouncekit.receiver.TranscriptConnection;
import dev.bouncekit.receiver.gate.Attempt;
import dev.bouncekit.receiver.gate.BounceRate;
import dev.bouncekit.receiver.gate.NearMisses;
import dev.bouncekit.receiver.gate.PermanentFailureRetries;
import dev.bouncekit.receiver.gate.TemporaryFailureRetries;
import dev.bouncekit.receiver.gate.TranscriptFacts;
import dev.bouncekit.receiver.gate.TranscriptFormat;
import dev.bouncekit.taxonomy.Reason;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.data.Percentage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Assertions on what a {@link FakeReceiver} refused, accepted and stored, and the release-gate
 * checks a well-behaved sender passes. Failure messages show the transcript lines involved, and
 * near misses when what was expected is not there.
 *
 * <pre>{@code
 * // passes when RCPT TO:<ghost@gmail.com> was answered 550 5.1.1
 * assertThat(receiver).hasRejectedRecipient("ghost@gmail.com", 550, "5.1.1");
 * // fails when the sender tried ghost@gmail.com again after that 550
 * assertThat(receiver).hasNoRetryAfterPermanentFailure();
 * }</pre>
 *
 * Checks look at the receiver as it is; after {@link #within(Duration)} the positive ones wait,
 * woken by the receiver, until they hold or the time is up (for senders that work in the
 * background).
 A null argument is refused with a {@code NullPointerException} naming it, and a negative count
 * with an {@code IllegalArgumentException}, whatever the receiver holds.
 *
 * @param <SELF> the assertion's own type, for chaining
 */
public abstract class AbstractFakeReceiverAssert<SELF extends AbstractFakeReceiverAssert<SELF>>
        extends AbstractAssert<SELF, FakeReceiver> {

    /** The bounce rate a release must stay below unless told otherwise: 2%. */
    public static final Percentage DEFAULT_BOUNCE_RATE_LIMIT = Percentage.withPercentage(2);

    private Duration wait;

    /** Assertions on {@code actual}; {@code selfType} is the concrete assertion class. */
    protected AbstractFakeReceiverAssert(FakeReceiver actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Lets the following positive checks wait up to {@code timeout} for what they expect, re-checked
     * whenever the receiver records something. Checks that something did not happen never wait.
     *
     * @throws IllegalArgumentException when {@code timeout} is negative
     */
    public SELF within(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be 0 or more, not " + timeout);
        }
        this.wait = timeout;
        return myself;
    }

    // ---- refused recipients and senders ----

    /** Verifies that some {@code RCPT TO} for the address, or the message sent to it, got a 4xx/5xx reply. */
    public SELF hasRejectedRecipient(String address) {
        return refused(Attempt.Kind.RECIPIENT, address, ReplyExpectation.anyRefusal());
    }

    /** Verifies that the recipient was refused with this basic reply code, e.g. 550. */
    public SELF hasRejectedRecipient(String address, int code) {
        return refused(Attempt.Kind.RECIPIENT, address, new ReplyExpectation(code, null, null));
    }

    /** Verifies that the recipient was refused with this basic code and enhanced status, e.g. 550, "5.1.1". */
    public SELF hasRejectedRecipient(String address, int code, String enhancedStatus) {
        return refused(Attempt.Kind.RECIPIENT, address, new ReplyExpectation(code, enhancedStatus, null));
    }

    /** Verifies that the recipient was refused with a reply classified as {@code reason}. */
    public SELF hasRejectedRecipient(String address, Reason reason) {
        return refused(Attempt.Kind.RECIPIENT, address, new ReplyExpectation(null, null, reason));
    }

    /** Verifies that some {@code MAIL FROM} with this sender got a 4xx/5xx reply ({@code ""} is {@code <>}). */
    public SELF hasRejectedSender(String address) {
        return refused(Attempt.Kind.SENDER, address, ReplyExpectation.anyRefusal());
    }

    /** Verifies that the sender was refused with this basic reply code. */
    public SELF hasRejectedSender(String address, int code) {
        return refused(Attempt.Kind.SENDER, address, new ReplyExpectation(code, null, null));
    }

    /** Verifies that the sender was refused with this basic code and enhanced status. */
    public SELF hasRejectedSender(String address, int code, String enhancedStatus) {
        return refused(Attempt.Kind.SENDER, address, new ReplyExpectation(code, enhancedStatus, null));
    }

    /** Verifies that the sender was refused with a reply classified as {@code reason}. */
    public SELF hasRejectedSender(String address, Reason reason) {
        return refused(Attempt.Kind.SENDER, address, new ReplyExpectation(null, null, reason));
    }

    /** Verifies that some {@code RCPT TO} for the address was accepted (2xx). */
    public SELF hasAcceptedRecipient(String address) {
        String wanted = inside(address, "address");
        return check(true, () -> {
            TranscriptFacts facts = facts();
            List<Attempt> tried = facts.of(Attempt.Kind.RECIPIENT, wanted);
            if (tried.stream().anyMatch(a -> a.code() >= 200 && a.code() < 300)) {
                return Optional.empty();
            }
            StringBuilder out = new StringBuilder("Expecting the receiver to have accepted recipient\n  <")
                    .append(wanted).append(">\n");
            appendAttemptsOrNearMisses(out, facts, Attempt.Kind.RECIPIENT, wanted, tried);
            return Optional.of(out.toString());
        });
    }

    // ---- how often a recipient was tried ----

    /**
     * Verifies that exactly {@code times} {@code RCPT TO}s named the address, whatever they were
     * answered, on any connection: {@code hasTriedRecipientExactly("bob@example.com", 3)}.
     */
    public SELF hasTriedRecipientExactly(String address, int times) {
        return tried(address, times, "exactly", n -> n == times, n -> n >= times);
    }

    /** Verifies that at most {@code times} {@code RCPT TO}s named the address; never waits. */
    public SELF hasTriedRecipientAtMost(String address, int times) {
        return tried(address, times, "at most", n -> n <= times, null);
    }

    /** Verifies that at least {@code times} {@code RCPT TO}s named the address. */
    public SELF hasTriedRecipientAtLeast(String address, int times) {
        return tried(address, times, "at least", n -> n >= times, n -> n >= times);
    }

    // ---- stored messages ----

    /** Verifies that exactly {@code count} messages were accepted and stored. */
    public SELF hasReceivedMessages(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more, not " + count);
        }
        return check(true, () -> {
            List<ReceivedMessage> messages = actual.receivedMessages();
            if (messages.size() == count) {
                return Optional.empty();
            }
            String expecting = "Expecting the receiver to have stored " + count + " message(s) but it stored ";
            return Optional.of(messages.isEmpty() ? expecting + "0\n" + whatItSawInstead()
                    : expecting + messages.size() + ":\n" + listing(messages) + refusals());
        }, () -> actual.receivedMessages().size() >= count);
    }

    /** Verifies that no message was stored. */
    public SELF hasNoReceivedMessages() {
        return check(false, () -> actual.receivedMessages().isEmpty() ? Optional.empty()
                : Optional.of("Expecting the receiver to have stored no message but it stored "
                + actual.receivedMessages().size() + ":\n" + listing(actual.receivedMessages())));
    }

    /** Verifies that a stored message has this envelope recipient. */
    public SELF hasReceivedMessageTo(String recipient) {
        String wanted = inside(recipient, "recipient");
        return stored("to <" + wanted + ">", m -> isTo(m, wanted), wanted);
    }

    /** Verifies that a stored message has this envelope recipient and exactly this subject. */
    public SELF hasReceivedMessageTo(String recipient, String subject) {
        String wanted = inside(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        return stored("to <" + wanted + "> with subject \"" + subject + "\"",
                m -> isTo(m, wanted) && m.subject().equals(subject), wanted);
    }

    /** Verifies that a stored message has exactly this subject. */
    public SELF hasReceivedMessageWithSubject(String subject) {
        Objects.requireNonNull(subject, "subject");
        return stored("with subject \"" + subject + "\"", m -> m.subject().equals(subject), null);
    }

    /** Verifies that a stored message's decoded text contains {@code text}. */
    public SELF hasReceivedMessageWithBodyContaining(String text) {
        Objects.requireNonNull(text, "text");
        return stored("whose text contains \"" + text + "\"", m -> MessageText.of(m).contains(text), null);
    }

    /** Verifies that no stored message has this envelope recipient. */
    public SELF hasNotReceivedMessageTo(String recipient) {
        String wanted = inside(recipient, "recipient");
        return check(false, () -> {
            List<ReceivedMessage> matching = actual.receivedMessages().stream().filter(m -> isTo(m, wanted)).toList();
            return matching.isEmpty() ? Optional.empty()
                    : Optional.of("Expecting the receiver to have stored no message to <" + wanted
                    + "> but it stored:\n" + listing(matching));
        });
    }

    // ---- release gate ----

    /**
     * Verifies that no address was tried again after a permanent (5xx) answer to its {@code RCPT TO}:
     * a hard bounce must stop all mail to the address.
     */
    public SELF hasNoRetryAfterPermanentFailure() {
        return check(false, () -> {
            PermanentFailureRetries check = PermanentFailureRetries.of(facts());
            return check.passed() ? Optional.empty() : Optional.of(check.describe());
        });
    }

    /**
     * Verifies that every temporary (4xx) refusal was followed by a new attempt: the recipient after a
     * 4xx to {@code RCPT TO} or to its message, the sender after a 4xx to {@code MAIL FROM}, a new
     * connection after a 4xx greeting or {@code EHLO}. A connection closed without a reply counts as
     * a temporary failure. Giving up after some retries is fine: the first temporary failure of each
     * needs one later attempt.
     */
    public SELF hasRetriedAfterTemporaryFailure() {
        return check(true, () -> {
            TemporaryFailureRetries check = TemporaryFailureRetries.of(facts());
            return check.passed() ? Optional.empty() : Optional.of(check.describe());
        });
    }

    /**
     * Verifies that fewer than {@code limit} of the distinct recipients tried were refused
     * permanently, e.g. {@code hasBounceRateBelow(withPercentage(2))}. Fails when no mail reached the
     * receiver (no recipient was tried), as the release gate does: there is no rate to judge. After
     * {@link #within(Duration)} it waits for the first recipient, not for the rate to change.
     */
    public SELF hasBounceRateBelow(Percentage limit) {
        Objects.requireNonNull(limit, "limit");
        return check(true, () -> {
            BounceRate rate = BounceRate.of(facts());
            if (!rate.anyTried()) {
                return Optional.of(BounceRate.NOTHING_TRIED + "\n" + whatItSawInstead());
            }
            return rate.below(limit.value) ? Optional.empty() : Optional.of(rate.describe(limit.value));
        }, () -> BounceRate.of(facts()).anyTried());
    }

    /**
     * The release gate with the {@link #DEFAULT_BOUNCE_RATE_LIMIT}: no retry after a permanent
     * failure, a retry after each temporary one, and a bounce rate below 2%. Reports every check
     * that fails. Fails when no mail reached the receiver (no recipient was tried): a gate over
     * nothing does not pass.
     */
    public SELF passesReleaseGate() {
        return passesReleaseGate(DEFAULT_BOUNCE_RATE_LIMIT);
    }

    /** The release gate with a bounce rate limit of its own; see {@link #passesReleaseGate()}. */
    public SELF passesReleaseGate(Percentage bounceRateLimit) {
        Objects.requireNonNull(bounceRateLimit, "bounceRateLimit");
        return check(true, () -> {
            TranscriptFacts facts = facts();
            List<String> problems = new ArrayList<>();
            PermanentFailureRetries permanent = PermanentFailureRetries.of(facts);
            TemporaryFailureRetries temporary = TemporaryFailureRetries.of(facts);
            BounceRate rate = BounceRate.of(facts);
            if (!permanent.passed()) {
                problems.add(permanent.describe());
            }
            if (!temporary.passed()) {
                problems.add(temporary.describe());
            }
            if (!rate.anyTried()) {
                problems.add(BounceRate.NOTHING_TRIED + "\n" + whatItSawInstead());
            } else if (!rate.below(bounceRateLimit.value)) {
                problems.add(rate.describe(bounceRateLimit.value));
            }
            return problems.isEmpty() ? Optional.empty() : Optional.of("Release gate failed ("
                    + problems.size() + " of 3 checks):\n\n" + String.join("\n", problems));
        });
    }

    // ---- mechanics ----

    private SELF refused(Attempt.Kind kind, String given, ReplyExpectation expected) {
        String address = inside(given, "address");
        return check(true, () -> {
            TranscriptFacts facts = facts();
            List<Attempt> tried = new ArrayList<>(facts.of(kind, address));
            if (kind == Attempt.Kind.RECIPIENT) {
                tried.addAll(facts.of(Attempt.Kind.DELIVERY, address));
            }
            if (tried.stream().anyMatch(expected::matches)) {
                return Optional.empty();
            }
            String what = kind == Attempt.Kind.SENDER ? "sender" : "recipient";
            StringBuilder out = new StringBuilder("Expecting the receiver to have refused ").append(what)
                    .append("\n  <").append(address).append(">\n");
            if (!expected.describe().isEmpty()) {
                out.append(expected.describe()).append('\n');
            }
            appendAttemptsOrNearMisses(out, facts, kind, address, tried);
            return Optional.of(out.toString());
        });
    }

    private SELF tried(String given, int times, String bound, IntPredicate holds, IntPredicate ready) {
        String address = inside(given, "address");
        if (times < 0) {
            throw new IllegalArgumentException("times must be 0 or more, not " + times);
        }
        Supplier<Optional<String>> failure = () -> {
            TranscriptFacts facts = facts();
            List<Attempt> tried = facts.of(Attempt.Kind.RECIPIENT, address);
            if (holds.test(tried.size())) {
                return Optional.empty();
            }
            StringBuilder out = new StringBuilder("Expecting recipient\n  <").append(address)
                    .append(">\nto have been tried ").append(bound).append(' ').append(times(times))
                    .append(" (RCPT TO naming it)\nbut it was tried ").append(times(tried.size()));
            if (tried.isEmpty()) {
                out.append('\n');
                List<Attempt> others = facts.of(Attempt.Kind.RECIPIENT);
                if (!others.isEmpty()) {
                    out.append("near misses, the closest tried:\n");
                    NearMisses.closest(address, others, Attempt::address).forEach(a -> out.append(a.describe("  ")));
                }
            } else {
                out.append(":\n");
                tried.forEach(a -> out.append(a.describe("  ")));
            }
            return Optional.of(out.toString());
        };
        if (ready == null) {
            return check(false, failure);
        }
        return check(true, failure, () -> ready.test(facts().of(Attempt.Kind.RECIPIENT, address).size()));
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }

    private void appendAttemptsOrNearMisses(StringBuilder out, TranscriptFacts facts, Attempt.Kind kind, String address,
                                            List<Attempt> tried) {
        String command = kind == Attempt.Kind.SENDER ? "MAIL FROM" : "RCPT TO";
        if (!tried.isEmpty()) {
            out.append("but it was:\n");
            for (Attempt a : tried) {
                out.append("  ").append(ReplyExpectation.actual(a)).append(":\n").append(a.describe("    "));
            }
            return;
        }
        List<Attempt> others = facts.of(kind);
        if (others.isEmpty()) {
            out.append("but no ").append(command).append(" was received at all (")
                    .append(actual.transcript().size()).append(" connection(s)).");
            return;
        }
        out.append("but no ").append(command).append(" named it; near misses, the closest tried:\n");
        for (Attempt a : NearMisses.closest(address, others, Attempt::address)) {
            out.append(a.describe("  "));
        }
    }

    private SELF stored(String description, Predicate<ReceivedMessage> wanted, String recipient) {
        return check(true, () -> {
            List<ReceivedMessage> messages = actual.receivedMessages();
            if (messages.stream().anyMatch(wanted)) {
                return Optional.empty();
            }
            StringBuilder out = new StringBuilder("Expecting the receiver to have stored a message\n  ")
                    .append(description).append('\n');
            boolean none = messages.isEmpty();
            if (none) {
                out.append("but it stored none\n");
            } else {
                List<ReceivedMessage> shown = recipient == null ? messages
                        : NearMisses.closest(recipient, messages, m -> m.to().isEmpty() ? "" : m.to().get(0));
                out.append(recipient == null ? "but it stored:\n" : "but it stored (closest first):\n")
                        .append(listing(shown));
            }
            if (recipient != null) {
                List<Attempt> refused = new ArrayList<>();
                TranscriptFacts facts = facts();
                facts.of(Attempt.Kind.RECIPIENT, recipient).stream().filter(Attempt::refused).forEach(refused::add);
                facts.of(Attempt.Kind.DELIVERY, recipient).stream().filter(Attempt::refused).forEach(refused::add);
                if (!refused.isEmpty()) {
                    out.append("and <").append(recipient).append("> was refused:\n");
                    refused.forEach(a -> out.append(a.describe("  ")));
                    none = false;
                }
            }
            if (none) {
                out.append(whatItSawInstead());
            }
            return Optional.of(out.toString());
        });
    }

    /**
     * For a receiver that stored nothing: that no client connected, or what it refused, or else
     * every connection it saw.
     */
    private String whatItSawInstead() {
        List<TranscriptConnection> transcript = actual.transcript();
        if (transcript.isEmpty()) {
            return "and no client connected.";
        }
        String refusals = refusals();
        if (!refusals.isEmpty()) {
            return refusals;
        }
        return "and saw " + transcript.size() + " connection(s):\n"
                + TranscriptFormat.connections(transcript).lines().map(line -> "  " + line + "\n")
                .collect(Collectors.joining());
    }

    private String refusals() {
        List<Attempt> refused = facts().all().stream().filter(Attempt::refused).toList();
        if (refused.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("and refused:\n");
        refused.forEach(a -> out.append(a.describe("  ")));
        return out.toString();
    }

    private static String listing(List<ReceivedMessage> messages) {
        StringBuilder out = new StringBuilder();
        for (ReceivedMessage m : messages) {
            out.append("  #").append(m.id()).append(" from <").append(m.from()).append("> to ")
                    .append(m.to().stream().map(t -> "<" + t + ">").toList())
                    .append(" subject \"").append(m.subject()).append("\" (connection ").append(m.connectionId())
                    .append(")\n");
        }
        return out.toString();
    }

    /**
     * The address itself: without surrounding white space, and without the angle brackets of an
     * address written as on the wire ({@code <ghost@gmail.com>}), as rule conditions take it.
     */
    private static String inside(String address, String name) {
        Objects.requireNonNull(address, name);
        String stripped = address.strip();
        return stripped.length() >= 2 && stripped.startsWith("<") && stripped.endsWith(">")
                ? stripped.substring(1, stripped.length() - 1).strip() : stripped;
    }

    private static boolean isTo(ReceivedMessage message, String recipient) {
        return message.to().stream().anyMatch(t -> t.equalsIgnoreCase(recipient.strip()));
    }

    private TranscriptFacts facts() {
        return TranscriptFacts.of(actual.transcript());
    }

    private SELF check(boolean mayWait, Supplier<Optional<String>> failure) {
        return check(mayWait, failure, () -> failure.get().isEmpty());
    }

    private SELF check(boolean mayWait, Supplier<Optional<String>> failure, BooleanSupplier ready) {
        isNotNull();
        Optional<String> problem = failure.get();
        boolean waitedInVain = false;
        if (problem.isPresent() && mayWait && wait != null) {
            try {
                actual.awaitTranscript(t -> ready.getAsBoolean(), wait);
            } catch (AwaitTimeoutException timedOut) {
                waitedInVain = true;   // reported below with the final state
            }
            problem = failure.get();
        }
        if (problem.isPresent()) {
            // not in a lambda: AssertJ drops this class's frames, and the test's line must come first
            String text = problem.get();
            text = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            if (waitedInVain) {
                text += "\n(waited " + DurationText.format(wait) + " for it)";
            }
            failWithMessage("%s", "\n" + text);
        }
        return myself;
    }
}
