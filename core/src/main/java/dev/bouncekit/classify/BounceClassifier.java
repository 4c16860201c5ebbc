package dev.bouncekit.classify;

import dev.bouncekit.provider.Provider;
import dev.bouncekit.provider.ProviderDetector;
import dev.bouncekit.reply.ReplyParser;
import dev.bouncekit.reply.SmtpReply;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.rules.PhraseRule;
import dev.bouncekit.rules.RuleMatcher;
import dev.bouncekit.rules.RuleSet;
import dev.bouncekit.status.EnhancedStatusCode;
import dev.bouncekit.status.StatusCodeRegistry;
import dev.bouncekit.taxonomy.Owner;
import dev.bouncekit.taxonomy.Reason;

import java.util.Optional;

/**
 * Classifies delivery failures: reply text in, {@link Classification} out. Immutable and
 * thread-safe; build once and share.
 *
 * <p>The decision, in this fixed order:
 * <ol>
 *   <li>No text at all: {@code undefined}.</li>
 *   <li>The provider is detected ({@link ProviderDetector}).</li>
 *   <li>The first phrase rule that matches decides ({@link RuleSet}; user rules first, then the
 *       built-in provider sections, then the generic ones). A "user unknown" phrase at DATA, or
 *       with an X.2.x mailbox status outside RCPT, is Sisimai's {@code filtered}.</li>
 *   <li>Else the enhanced status code decides when it means something on its own
 *       ({@link StatusCodeRegistry#reasonOf}).</li>
 *   <li>Else fallbacks: X.7.x is {@code securityerror} (4.7.x {@code blocked}), a refusal at
 *       CONNECT or EHLO is {@code blocked}, X.6.x {@code contenterror}, 501-504
 *       {@code syntaxerror}; any other text is {@code onhold}.</li>
 *   <li>At MAIL FROM the recipient is not yet known: a recipient-side reason seen there is the
 *       envelope sender's, {@code rejected}.</li>
 * </ol>
 * Never throws for any input text; parsing and matching are linear in the input length.
 */
public final class BounceClassifier {

    private static final BounceClassifier BUILT_IN = new BounceClassifier(RuleSet.builtIn());

    private final RuleMatcher matcher;
    private final RuleMatcher keywords = RuleSet.builtInKeywords().compile();
    private final ProviderDetector providers = ProviderDetector.builtIn();
    private final StatusCodeRegistry statuses = StatusCodeRegistry.builtIn();

    private BounceClassifier(RuleSet rules) {
        this.matcher = rules.compile();
    }

    /** The classifier with the built-in rules. */
    public static BounceClassifier builtIn() {
        return BUILT_IN;
    }

    /** A classifier whose {@code extraRules} are tried before the built-in ones. */
    public static BounceClassifier withRules(RuleSet extraRules) {
        return new BounceClassifier(extraRules.before(RuleSet.builtIn()));
    }

    /** Classifies a reply text alone. */
    public Classification classify(String replyText) {
        return classify(ReplyParser.parse(replyText), DeliveryContext.none());
    }

    /** Classifies a reply text with what else is known about the delivery. */
    public Classification classify(String replyText, DeliveryContext context) {
        return classify(ReplyParser.parse(replyText), context);
    }

    /** Classifies a parsed reply with what else is known about the delivery. */
    public Classification classify(SmtpReply reply, DeliveryContext context) {
        DeliveryContext ctx = context == null ? DeliveryContext.none() : context;
        SmtpStage stage = ctx.stage() != null ? ctx.stage() : reply.reportedStage();
        String host = ctx.remoteHost() != null ? ctx.remoteHost() : reply.reportedHost();
        EnhancedStatusCode status = reply.status() != null ? reply.status() : ctx.dsnStatus();
        String text = reply.text();
        Optional<Provider> provider = providers.detect(text, host, ctx.recipientDomain());
        String providerId = provider.map(Provider::id).orElse(null);
        int replyClass = reply.hasCode() ? reply.code() / 100 : status != null ? status.statusClass() : 0;
        boolean temporary = replyClass == 4;

        Reason reason;
        String rule;
        if (reply.isEmpty() && status == null) {
            reason = Reason.UNDEFINED;
            rule = "empty";
        } else {
            Optional<PhraseRule> phrase = matcher.firstMatch(text, providerId, stage, replyClass, status);
            Optional<Reason> byStatus = status == null ? Optional.empty() : statuses.reasonOf(status);
            if (phrase.isPresent()) {
                reason = phrase.get().reason();
                rule = "phrase:" + phrase.get().source();
                if (reason == Reason.USERUNKNOWN && seenAfterRecipient(stage, status)) {
                    reason = Reason.FILTERED;
                    rule += "+stage";
                }
            } else if (byStatus.isPresent()) {
                reason = byStatus.get();
                rule = "status:" + status;
            } else {
                Optional<PhraseRule> keyword = keywords.firstMatch(text, providerId, stage, replyClass, status);
                if (keyword.isPresent()) {
                    reason = keyword.get().reason();
                    rule = "keyword:" + keyword.get().source();
                } else {
                    reason = fallback(reply, status, stage, text);
                    rule = "fallback:" + reason.id();
                }
            }
            if (stage == SmtpStage.MAIL && reason.owner() == Owner.RECIPIENT) {
                reason = Reason.REJECTED;
                rule += "+stage";
            }
        }
        return new Classification(reason, reason.isHard(!temporary), reason.owner(), reason.action(!temporary),
                providerId, reply, rule);
    }

    /**
     * Sisimai tells {@code filtered} from {@code userunknown} by when the "no such user" came: at
     * DATA it is a recipient-side filter; with an X.2.x mailbox status it is one unless seen at RCPT.
     * An X.1.x addressing status is userunknown at any stage.
     */
    private static boolean seenAfterRecipient(SmtpStage stage, EnhancedStatusCode status) {
        if (status != null && status.subject() == 1) {
            return false;
        }
        if (stage == SmtpStage.DATA) {
            return true;
        }
        return status != null && status.subject() == 2 && stage != SmtpStage.RCPT;
    }

    private static Reason fallback(SmtpReply reply, EnhancedStatusCode status, SmtpStage stage, String text) {
        if (status != null && status.subject() == 7) {
            return status.isTransient() ? Reason.BLOCKED : Reason.SECURITYERROR;
        }
        if (stage == SmtpStage.CONNECT || stage == SmtpStage.EHLO) {
            return Reason.BLOCKED;
        }
        if (status != null && status.subject() == 6) {
            return Reason.CONTENTERROR;
        }
        int code = reply.code();
        if (code >= 501 && code <= 504) {
            return Reason.SYNTAXERROR;
        }
        return text.isBlank() && !reply.hasCode() && status == null ? Reason.UNDEFINED : Reason.ONHOLD;
    }
}
