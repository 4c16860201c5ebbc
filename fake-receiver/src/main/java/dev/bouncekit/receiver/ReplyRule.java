package dev.bouncekit.receiver;

import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.reply.SmtpReply;
import dev.bouncekit.reply.SmtpStage;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the fake receiver answers at one SMTP stage when a condition holds: an immutable value,
 * built fluently and checked when built.
 *
 * <pre>{@code
 * ReplyRule.when(Condition.recipient("ghost@gmail.com")).at(SmtpStage.RCPT).reply("gmail/user-unknown");
 * ReplyRule.when(Condition.recipientDomain("*.example.org")).at(SmtpStage.RCPT)
 *         .replyWith(SmtpReply.of(451, "4.7.1", "Greylisted, try again later")).times(2);
 * ReplyRule.when(Condition.any()).at(SmtpStage.DATA).disconnectAfter421();
 * ReplyRule.when(Condition.any()).at(SmtpStage.MAIL).accept().delay(Duration.ofSeconds(2));
 * }</pre>
 *
 * <p>A rule either sends a reply (a catalog entry by id, byte for byte as the provider sends it,
 * or a custom 4xx/5xx reply), closes the connection (with or without a reply first), or accepts
 * as the receiver normally would; any of these after an optional delay. With {@code times(n)}
 * the rule answers n times and then lets later rules, magic addresses or acceptance answer
 * ("fail twice, then succeed").
 *
 * @param name      a name for the transcript, or null to use {@link #describe()}
 * @param condition what must hold
 * @param stage     where the rule answers; must be a stage at which the condition is known
 * @param behaviour what the rule does: one of the {@link Behaviour} types
 * @param delay     how long to wait before answering; zero for no delay
 * @param times     how many times the rule answers; 0 for always
 */
public record ReplyRule(String name, Condition condition, SmtpStage stage, Behaviour behaviour, Duration delay,
                        int times) {

    /** The longest delay a rule may ask for. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(10);

    /** The reply {@link Builder#disconnectAfter421()} sends before closing. */
    public static final SmtpReply SERVICE_NOT_AVAILABLE =
            SmtpReply.of(421, "4.3.2", "Service not available, closing transmission channel");

    /** @throws InvalidRuleException naming the field at fault */
    public ReplyRule {
        if (condition == null) {
            throw new InvalidRuleException("when", "a condition is required (use Condition.any() to match everything)");
        }
        if (stage == null) {
            throw new InvalidRuleException("at", "a stage is required: CONNECT, EHLO, MAIL, RCPT or DATA");
        }
        if (!condition.canMatchAt(stage)) {
            throw new InvalidRuleException("at", "stage " + stage + " cannot match on " + condition.describeSubjects()
                    + "; use " + condition.knownFrom());
        }
        if (behaviour == null) {
            throw new InvalidRuleException("reply", "a rule needs a reply, a disconnect or accept");
        }
        delay = delay == null ? Duration.ZERO : delay;
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new InvalidRuleException("delay", "must be between 0 and " + MAX_DELAY.toMinutes() + " minutes, not "
                    + DurationText.format(delay));
        }
        if (times < 0) {
            throw new InvalidRuleException("times", "must be 1 or more (or 0 for always), not " + times);
        }
        if (name != null) {
            name = name.strip();
            if (name.isEmpty() || name.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidRuleException("name", "must be a non-blank single line");
            }
        }
    }

    /** Starts a rule that applies when the condition holds. */
    public static Builder when(Condition condition) {
        return new Builder(Objects.requireNonNull(condition, "condition"));
    }

    /** The same rule answering only {@code n} times (then falling through); 0 for always. */
    public ReplyRule times(int n) {
        return new ReplyRule(name, condition, stage, behaviour, delay, n);
    }

    /** The same rule waiting this long before it answers. */
    public ReplyRule delay(Duration wait) {
        return new ReplyRule(name, condition, stage, behaviour, Objects.requireNonNull(wait, "delay"), times);
    }

    /** The same rule under a name shown in the transcript. */
    public ReplyRule named(String ruleName) {
        return new ReplyRule(Objects.requireNonNull(ruleName, "name"), condition, stage, behaviour, delay, times);
    }

    /**
     * The same rule closing the connection after its reply.
     *
     * @throws InvalidRuleException for a rule that accepts: it sends no reply of its own to close after, and closing
     *                              instead would not accept ({@link Builder#disconnect()} closes without a reply)
     */
    public ReplyRule thenDisconnect() {
        if (behaviour instanceof Behaviour.Disconnect) {
            return this;
        }
        if (behaviour instanceof Behaviour.Accept) {
            throw new InvalidRuleException("accept", "cannot be combined with thenDisconnect(): the rule would close the "
                    + "connection instead of accepting; use disconnect() to close it without a reply");
        }
        return new ReplyRule(name, condition, stage, new Behaviour.Disconnect(behaviour), delay, times);
    }

    /** The catalog entry this rule sends, when it sends one. */
    public Optional<CatalogEntry> catalogEntry() {
        return behaviour.catalogEntry();
    }

    /** The catalog id (or alias) this rule sends, or null. */
    public String catalogId() {
        Behaviour sent = behaviour instanceof Behaviour.Disconnect d ? d.before() : behaviour;
        return sent instanceof Behaviour.CatalogReply c ? c.catalogId() : null;
    }

    /** The custom reply this rule sends, or null. */
    public SmtpReply reply() {
        Behaviour sent = behaviour instanceof Behaviour.Disconnect d ? d.before() : behaviour;
        return sent instanceof Behaviour.CustomReply c ? c.reply() : null;
    }

    /** True when the rule closes the connection (after its reply, if any). */
    public boolean closesConnection() {
        return behaviour.disconnects();
    }

    /**
     * The exact lines the rule sends, without CRLF: a catalog entry's lines as the provider sends
     * them, or the custom reply's wire lines; empty when the rule sends nothing.
     */
    public List<String> wireLines() {
        return behaviour.lines();
    }

    /** True when the rule lets the receiver accept (after its delay) instead of answering itself. */
    public boolean accepts() {
        return behaviour instanceof Behaviour.Accept;
    }

    /** The rule's name, or {@link #describe()} when it has none: how the transcript names it. */
    public String id() {
        return name != null ? name : describe();
    }

    /** One line: {@code RCPT recipient=ghost@gmail.com -> gmail/user-unknown, times 2}. */
    public String describe() {
        StringBuilder out = new StringBuilder().append(stage).append(' ').append(condition).append(" -> ")
                .append(behaviour.describe());
        if (!delay.isZero()) {
            out.append(", delay ").append(delay.toMillis()).append("ms");
        }
        if (times > 0) {
            out.append(", times ").append(times);
        }
        return out.toString();
    }

    /** The first half of a rule: the condition, the stage and a name; finished by the behaviour. */
    public static final class Builder {
        private final Condition condition;
        private SmtpStage stage;
        private String name;

        private Builder(Condition condition) {
            this.condition = condition;
        }

        /** Where the rule answers. Optional for {@link #reply(String)}: the catalog entry's own stage. */
        public Builder at(SmtpStage smtpStage) {
            this.stage = Objects.requireNonNull(smtpStage, "stage");
            return this;
        }

        /** A name shown in the transcript instead of the rule's description. */
        public Builder named(String ruleName) {
            this.name = Objects.requireNonNull(ruleName, "name");
            return this;
        }

        /**
         * Sends a catalog entry byte for byte, e.g. {@code gmail/user-unknown}; aliases work too.
         * Without {@link #at(SmtpStage)} the rule answers at the entry's own stage.
         *
         * @throws InvalidRuleException for an unknown id or a stage at which the condition is unknown
         */
        public ReplyRule reply(String catalogIdOrAlias) {
            Objects.requireNonNull(catalogIdOrAlias, "catalog id");
            SmtpStage at = stage;
            if (at == null) {
                try {
                    at = ReplyCatalog.builtIn().require(catalogIdOrAlias).stage();
                } catch (IllegalArgumentException e) {
                    throw new InvalidRuleException("reply", e.getMessage());
                }
            }
            return new ReplyRule(name, condition, at, new Behaviour.CatalogReply(catalogIdOrAlias), Duration.ZERO, 0);
        }

        /** Sends a custom 4xx/5xx reply, e.g. {@code SmtpReply.of(451, "4.7.1", "Greylisted")}. */
        public ReplyRule replyWith(SmtpReply custom) {
            return new ReplyRule(name, condition, requireStage(),
                    new Behaviour.CustomReply(Objects.requireNonNull(custom, "reply")), Duration.ZERO, 0);
        }

        /** Sends a custom reply: code, enhanced status (or null) and one or more text lines. */
        public ReplyRule replyWith(int code, String status, String... lines) {
            try {
                return replyWith(SmtpReply.of(code, status, lines));
            } catch (InvalidRuleException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new InvalidRuleException("reply", e.getMessage());
            }
        }

        /** Closes the connection without a reply. */
        public ReplyRule disconnect() {
            return new ReplyRule(name, condition, requireStage(), new Behaviour.Disconnect(null), Duration.ZERO, 0);
        }

        /** Sends {@link ReplyRule#SERVICE_NOT_AVAILABLE} (421 4.3.2) and closes the connection. */
        public ReplyRule disconnectAfter421() {
            return new ReplyRule(name, condition, requireStage(),
                    new Behaviour.Disconnect(new Behaviour.CustomReply(SERVICE_NOT_AVAILABLE)), Duration.ZERO, 0);
        }

        /** Lets the receiver answer as usual; with {@link ReplyRule#delay(Duration)} for slow servers. */
        public ReplyRule accept() {
            return new ReplyRule(name, condition, requireStage(), new Behaviour.Accept(), Duration.ZERO, 0);
        }

        private SmtpStage requireStage() {
            if (stage == null) {
                throw new InvalidRuleException("at", "a stage is required: call at(SmtpStage) first");
            }
            return stage;
        }
    }
}
