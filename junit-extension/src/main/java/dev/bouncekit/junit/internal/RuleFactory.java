package dev.bouncekit.junit.internal;

import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.InvalidRuleException;
import dev.bouncekit.receiver.ReplyCatalog;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.reply.SmtpStage;
import java.util.function.Supplier;

/**
 * Builds the reply rules behind the declarative annotations and the extension builder's shortcuts,
 * so both mean exactly the same.
 */
public final class RuleFactory {

    private RuleFactory() {
    }

    /** Refuses a recipient with a catalog reply, at the entry's stage but not before RCPT. */
    public static ReplyRule rejectRecipient(String pattern, String catalogId, int times) {
        return withTimes(ReplyRule.when(condition(() -> Condition.recipient(pattern)))
                .at(notBefore(entry(catalogId).stage(), SmtpStage.RCPT)).reply(catalogId), times);
    }

    /** Refuses a sender with a catalog reply, at the entry's stage but not before MAIL. */
    public static ReplyRule rejectSender(String pattern, String catalogId, int times) {
        return withTimes(ReplyRule.when(condition(() -> Condition.sender(pattern)))
                .at(notBefore(entry(catalogId).stage(), SmtpStage.MAIL)).reply(catalogId), times);
    }

    /** Answers the first {@code times} matching RCPT TOs with a temporary catalog reply. */
    public static ReplyRule greylist(String pattern, String catalogId, int times) {
        CatalogEntry entry = entry(catalogId);
        if (entry.code() < 400 || entry.code() >= 500) {
            throw new InvalidRuleException("reply", "greylisting needs a temporary 4xx reply, but " + entry.id()
                    + " is " + entry.code() + "; try generic/greylisted");
        }
        if (times < 1) {
            throw new InvalidRuleException("times", "greylisting answers at least once, not " + times
                    + " times; after that, mail is accepted");
        }
        return ReplyRule.when(condition(() -> Condition.recipient(pattern))).at(SmtpStage.RCPT).reply(catalogId)
                .times(times);
    }

    private static ReplyRule withTimes(ReplyRule rule, int times) {
        if (times < 0) {
            throw new InvalidRuleException("times", "must be 1 or more (or 0 for always), not " + times);
        }
        return times == 0 ? rule : rule.times(times);
    }

    private static CatalogEntry entry(String catalogId) {
        try {
            return ReplyCatalog.builtIn().require(catalogId);
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException("reply", e.getMessage());
        }
    }

    private static Condition condition(Supplier<Condition> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException("when", e.getMessage());
        }
    }

    private static SmtpStage notBefore(SmtpStage stage, SmtpStage earliest) {
        return stage.compareTo(earliest) < 0 ? earliest : stage;
    }
}
