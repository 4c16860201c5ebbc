package dev.bouncekit.junit.assertions;

import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.classify.Evidence;
import dev.bouncekit.taxonomy.Action;
import dev.bouncekit.taxonomy.Owner;
import dev.bouncekit.taxonomy.Reason;
import org.assertj.core.api.AbstractAssert;

import java.util.Objects;

/**
 * Assertions on a {@link Classification}: reason, hardness, owner, action, provider, code and
 * enhanced status. Failure messages show the reply, the expected and the actual value, and the
 * rule that decided.
 *
 * <pre>{@code
 * Classification c = BounceClassifier.builtIn().classify("550 5.1.1 User unknown");
 * assertThat(c).hasReason(Reason.USERUNKNOWN).isHard().hasAction(Action.SUPPRESS);   // passes
 * assertThat(c).hasReason(Reason.MAILBOXFULL);                                          // fails
 * }</pre>
 *
 * @param <SELF> the assertion's own type, for chaining
 */
public abstract class AbstractClassificationAssert<SELF extends AbstractClassificationAssert<SELF>>
        extends AbstractAssert<SELF, Classification> {

    /** Assertions on {@code actual}; {@code selfType} is the concrete assertion class. */
    protected AbstractClassificationAssert(Classification actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Verifies the reason, e.g. {@link Reason#USERUNKNOWN}. */
    public SELF hasReason(Reason reason) {
        isNotNull();
        if (actual.reason() != reason) {
            fail("reason", id(reason), actual.reason().id(), reason, actual.reason());
        }
        return myself;
    }

    /** Verifies the hard-bounce flag is set: the address itself is bad. */
    public SELF isHard() {
        isNotNull();
        if (!actual.hard()) {
            fail("hard", "true", "false (reason " + actual.reason().id() + " is not a hard bounce)", true, false);
        }
        return myself;
    }

    /** Verifies the hard-bounce flag is not set. */
    public SELF isNotHard() {
        isNotNull();
        if (actual.hard()) {
            fail("hard", "false", "true (reason " + actual.reason().id() + " is a hard bounce)", false, true);
        }
        return myself;
    }

    /** Verifies who must act, e.g. {@link Owner#RECIPIENT}. */
    public SELF hasOwner(Owner owner) {
        isNotNull();
        if (actual.owner() != owner) {
            fail("owner", id(owner), actual.owner().id(), owner, actual.owner());
        }
        return myself;
    }

    /** Verifies the suggested action, e.g. {@link Action#SUPPRESS}. */
    public SELF hasAction(Action action) {
        isNotNull();
        if (actual.action() != action) {
            fail("action", action == null ? "null" : action.id(), actual.action().id(), action, actual.action());
        }
        return myself;
    }

    /** Verifies the detected provider id, e.g. {@code gmail}. */
    public SELF hasProvider(String provider) {
        isNotNull();
        if (!Objects.equals(actual.provider(), provider)) {
            fail("provider", String.valueOf(provider), String.valueOf(actual.provider()), provider, actual.provider());
        }
        return myself;
    }

    /** Verifies that no provider was detected. */
    public SELF hasNoProvider() {
        return hasProvider(null);
    }

    /** Verifies a permanent failure: 5xx, or 5.x.x without a code. */
    public SELF isPermanent() {
        isNotNull();
        if (!actual.permanent()) {
            fail("a permanent failure", "5xx", describeCode(), "5xx", describeCode());
        }
        return myself;
    }

    /** Verifies a temporary failure: 4xx, or 4.x.x without a code. */
    public SELF isTemporary() {
        isNotNull();
        if (!actual.reply().isTransient()) {
            fail("a temporary failure", "4xx", describeCode(), "4xx", describeCode());
        }
        return myself;
    }

    /** Verifies the basic reply code. */
    public SELF hasCode(int code) {
        isNotNull();
        if (actual.code() == null || actual.code() != code) {
            fail("code", String.valueOf(code), String.valueOf(actual.code()), code, actual.code());
        }
        return myself;
    }

    /** Verifies the enhanced status code, e.g. {@code "5.1.1"}. */
    public SELF hasEnhancedStatus(String status) {
        isNotNull();
        String actualStatus = actual.status() == null ? null : actual.status().toString();
        if (!Objects.equals(actualStatus, status)) {
            fail("enhanced status", String.valueOf(status), String.valueOf(actualStatus), status, actualStatus);
        }
        return myself;
    }

    /** Verifies how the verdict was decided, e.g. {@link Evidence#PROVIDER_PHRASE}. */
    public SELF hasEvidence(Evidence evidence) {
        Objects.requireNonNull(evidence, "evidence");
        isNotNull();
        if (actual.evidence() != evidence) {
            fail("evidence", evidence.id(), actual.evidence().id(), evidence, actual.evidence());
        }
        return myself;
    }

    /**
     * Verifies the verdict rests on more than a keyword, a fallback or nothing ({@link Evidence#isWeak()}):
     * what an application may act on without review.
     */
    public SELF hasStrongEvidence() {
        isNotNull();
        if (actual.evidence().isWeak()) {
            fail("strong evidence", "catalog, provider-phrase, phrase or status-code", actual.evidence().id(),
                    "strong", actual.evidence());
        }
        return myself;
    }

    /** Verifies the reason and hardness the catalog expects for this entry. */
    public SELF matchesCatalogEntry(CatalogEntry entry) {
        Objects.requireNonNull(entry, "entry");
        isNotNull();
        if (actual.reason() != entry.reason() || actual.hard() != entry.hard()) {
            String expected = entry.reason().id() + (entry.hard() ? ", hard" : ", not hard");
            String got = actual.reason().id() + (actual.hard() ? ", hard" : ", not hard");
            fail("reason and hardness of catalog entry " + entry.id(), expected, got, expected, got);
        }
        return myself;
    }

    private void fail(String what, String expected, String got, Object expectedValue, Object actualValue) {
        failWithActualExpectedAndMessage(actualValue, expectedValue, "%s",
                "\nExpecting the classification of\n  " + actual.reply() + "\nto have " + what + "\n  " + expected
                        + "\nbut had\n  " + got + "\n(decided by rule " + actual.rule() + ")");
    }

    private String describeCode() {
        return actual.reply().hasCode() ? String.valueOf(actual.reply().code())
                : actual.status() == null ? "no code" : actual.status().toString();
    }

    private static String id(Reason reason) {
        return reason == null ? "null" : reason.id();
    }

    private static String id(Owner owner) {
        return owner == null ? "null" : owner.id();
    }
}
