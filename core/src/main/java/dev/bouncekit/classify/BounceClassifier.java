package dev.bouncekit.classify;

import dev.bouncekit.catalog.Catalog;
import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.catalog.CatalogMatcher;
import dev.bouncekit.provider.Provider;
import dev.bouncekit.provider.ProviderFile;
import dev.bouncekit.provider.ProviderFiles;
import dev.bouncekit.provider.ProviderDetector;
import dev.bouncekit.reply.ReplyParser;
import dev.bouncekit.reply.SmtpReply;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.rules.CauseTable;
import dev.bouncekit.rules.KeywordPrecedence;
import dev.bouncekit.rules.PhraseRule;
import dev.bouncekit.rules.RuleMatcher;
import dev.bouncekit.rules.ReportWording;
import dev.bouncekit.rules.RuleSet;
import dev.bouncekit.status.EnhancedStatusCode;
import dev.bouncekit.status.StatusCodeRegistry;
import dev.bouncekit.taxonomy.Owner;
import dev.bouncekit.taxonomy.Reason;

import dev.bouncekit.text.PhraseIndex;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Classifies delivery failures: reply text in, {@link Classification} out. Immutable and
 * thread-safe; build once and share.
 *
 * <p>The decision goes through these layers, in this fixed order; the first that decides wins and
 * is named in {@link Classification#evidence()}:
 * <ol>
 *   <li>No text and no status at all: {@code undefined} ({@link Evidence#NONE}).</li>
 *   <li>The provider is detected ({@link ProviderDetector}): text markers, remote host, addresses
 *       and host names in the text, the recipient's domain.</li>
 *   <li>Catalog: the reply is a known provider reply, word for word ({@link CatalogMatcher}),
 *       unless one of the user's own rules matches it.</li>
 *   <li>Phrases ({@link RuleSet}): user rules first, then the detected provider's own phrases
 *       (its {@link ProviderFile}), then the generic lexicon (English, then the other languages).</li>
 *   <li>Cause over symptom ({@link CauseTable}): when the deciding phrase names a symptom such as
 *       {@code ratelimited} and another phrase of the reply names its cause ({@code authfailure},
 *       {@code badreputation}, ...), the cause decides; so does the status code when it names one of
 *       the symptom's causes (X.7.25 reverse DNS, X.7.20-X.7.26 SPF, DKIM, DMARC, X.1.2 for an unknown
 *       address ...), unless the phrase is a provider's own. A phrase that
 *       sums up retries ("giving up", "could not be delivered for N days") gives way to the keywords
 *       of the families its {@code yields=} condition names, the cause the reply names with it. A built-in
 *       phrase that decides nothing on its own ({@code onhold}: "temporary failure", auto-replies)
 *       keeps the keywords out but gives way to a status code that means something.</li>
 *   <li>Status code: the provider's own code table, else the IANA registry
 *       ({@link StatusCodeRegistry#reasonOf}) when the code means something on its own; a registry
 *       code waits for the keywords of the families Sisimai 4.25 tries before it
 *       ({@link KeywordPrecedence}).</li>
 *   <li>Keywords ({@link RuleSet#builtInKeywords()}): spam, virus, DMARC, TLS, quota, ...; then the
 *       basic code 551 without an enhanced status, RFC 5321's "user not local": {@code hasmoved}.</li>
 *   <li>Fallbacks: X.6.x is {@code contenterror}, X.7.x {@code securityerror} (4.7.x
 *       {@code blocked}), 500-507 and 400-407 {@code syntaxerror}, a refusal at CONNECT or EHLO
 *       {@code blocked}; any other text is {@code onhold}.</li>
 * </ol>
 * Then Sisimai's stage refinements: a "user unknown" at DATA, or with an X.2.x mailbox status
 * outside RCPT, is {@code filtered} (not in a delivery report's own words: {@link ReportWording}); at MAIL FROM a recipient-side reason is the envelope sender's,
 * {@code rejected}. Never throws for any input text; parsing and matching are linear in its length.
 */
public final class BounceClassifier {

    private static final BounceClassifier BUILT_IN = new BounceClassifier(RuleSet.empty(), RuleSet.builtIn());

    /** {@link #classify(SmtpReply, DeliveryContext, int, int[])}: leave nothing out; a later layer decided. */
    static final int NOTHING = -2;
    /** {@link #classify(SmtpReply, DeliveryContext, int, int[])}: the catalog, left out or deciding. */
    static final int CATALOG = -1;

    private final RuleMatcher userRules;
    /** How many of {@link #phraseRules()} are the user's own: the first ones. */
    private final int userRuleCount;
    private final CauseTable causes = CauseTable.builtIn();
    private final KeywordPrecedence precedence = KeywordPrecedence.builtIn();
    private final CatalogMatcher catalog = new CatalogMatcher(Catalog.builtIn());
    private final ProviderDetector providers = ProviderDetector.builtIn();
    private final StatusCodeRegistry statuses = StatusCodeRegistry.builtIn();
    private final ReportWording reports = ReportWording.builtIn();
    /** The rules, the keywords and the provider markers: one pass over a reply text for all three. */
    private final ReplyIndex index;
    private final RuleNames names;
    /**
     * Per entry of {@link #catalog}, by its number: the provider marker its own text holds and
     * the verdict it makes. A reply that is the entry's text exactly, as fixed replies are, needs
     * no scan for markers.
     */
    private final KnownText[] knownTexts;
    /** The verdicts a rule, a rule as the cause of another's symptom, a keyword or a fallback makes: made once. */
    private final Verdict[] phraseVerdicts;
    private final Verdict[] causeVerdicts;
    private final Verdict[] keywordVerdicts;
    private final Verdict[] keywordCauseVerdicts;
    private final Verdict[] fallbackVerdicts = new Verdict[Reason.values().length];
    /**
     * Per status code, by its {@link EnhancedStatusCode#index()}: what the registry's code means on its
     * own ({@link #registryVerdict}), or {@link #NO_VERDICT}; filled as codes are met.
     */
    private final Verdict[] registryVerdicts = new Verdict[EnhancedStatusCode.COUNT];
    /** In {@link #registryVerdicts}: the registry's code means nothing on its own. */
    private static final Verdict NO_VERDICT = new Verdict(Reason.UNDEFINED, "", Evidence.NONE);
    /** Per reason of a deciding phrase: the mask of its causes' reasons ({@link CauseTable}, {@link RuleMatcher#reasons}). */
    private final long[] causeMasks;
    /** Per reason of a registry status code: the mask of the keywords' reasons that decide before it ({@link KeywordPrecedence}), or 0. */
    private final long[] keywordsFirstMasks;
    /** Per phrase rule: the mask of the keyword reasons its {@code yields=} names, or 0. */
    private final long[] yieldMasks;
    /** The most status codes {@link #providerCodes} keeps per provider. */
    private static final int CODES_KEPT = 4096;
    /** Per provider id: what its code table says of a status code, or empty; filled as codes are met. */
    private final Map<String, Map<EnhancedStatusCode, Optional<Verdict>>> providerCodes = new ConcurrentHashMap<>();

    private BounceClassifier(RuleSet user, RuleSet builtIn) {
        RuleSet rules = user.before(builtIn);
        this.userRules = user.rules().isEmpty() ? null : user.compile();
        this.userRuleCount = user.rules().size();
        this.index = new ReplyIndex(rules.compile(), RuleSet.builtInKeywords().compile(), providers);
        this.names = new RuleNames(index.rules().rules(), index.keywords().rules(), Catalog.builtIn());
        knownTexts = new KnownText[catalog.size()];
        for (int e = 0; e < knownTexts.length; e++) {
            CatalogEntry entry = catalog.entryAt(e);
            String text = entry.reply().text();
            knownTexts[e] = new KnownText(text.isEmpty() ? -1 : index.firstMarker(index.scan(text)),
                    new Verdict(entry.reason(), names.catalog(entry), Evidence.CATALOG,
                            catalog.names(entry) ? entry.provider() : null, CATALOG));
        }
        List<PhraseRule> phraseRules = index.rules().rules();
        phraseVerdicts = new Verdict[phraseRules.size()];
        causeVerdicts = new Verdict[phraseRules.size()];
        yieldMasks = new long[phraseRules.size()];
        for (int r = 0; r < phraseRules.size(); r++) {
            PhraseRule rule = phraseRules.get(r);
            Evidence evidence = rule.provider() != null ? Evidence.PROVIDER_PHRASE : Evidence.PHRASE;
            phraseVerdicts[r] = new Verdict(rule.reason(), names.phrase(r), evidence, null, r);
            causeVerdicts[r] = new Verdict(rule.reason(), names.cause(r), evidence, null, r);
            yieldMasks[r] = RuleMatcher.reasons(rule.yieldsTo());
        }
        List<PhraseRule> keywordRules = index.keywords().rules();
        keywordVerdicts = new Verdict[keywordRules.size()];
        keywordCauseVerdicts = new Verdict[keywordRules.size()];
        for (int k = 0; k < keywordRules.size(); k++) {
            keywordVerdicts[k] = new Verdict(keywordRules.get(k).reason(), names.keyword(k), Evidence.KEYWORD);
            keywordCauseVerdicts[k] = new Verdict(keywordRules.get(k).reason(), names.keyword(k) + "+cause", Evidence.KEYWORD);
        }
        causeMasks = new long[Reason.values().length];
        keywordsFirstMasks = new long[Reason.values().length];
        for (Reason reason : Reason.values()) {
            causeMasks[reason.ordinal()] = RuleMatcher.reasons(causes.causesOf(reason));
            keywordsFirstMasks[reason.ordinal()] = RuleMatcher.reasons(precedence.keywordsBefore(reason));
        }
        for (Reason reason : Reason.values()) {
            boolean nothing = reason == Reason.ONHOLD || reason == Reason.UNDEFINED;
            fallbackVerdicts[reason.ordinal()] = new Verdict(reason, names.fallback(reason),
                    nothing ? Evidence.NONE : Evidence.FALLBACK);
        }
    }

    /** The lowest number among the provider markers a catalog entry's text holds (or -1), and the verdict it makes. */
    private record KnownText(int firstMarker, Verdict verdict) {
    }

    /** The classifier with the built-in rules. */
    public static BounceClassifier builtIn() {
        return BUILT_IN;
    }

    /** A classifier whose {@code extraRules} are tried before the built-in ones. */
    public static BounceClassifier withRules(RuleSet extraRules) {
        return new BounceClassifier(extraRules, RuleSet.builtIn());
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
        return classify(reply, context, NOTHING, null);
    }

    /**
     * {@link #classify(SmtpReply, DeliveryContext)} as if one source of verdicts did not exist, for
     * {@link DeciderDropout}: {@code leftOut} is a phrase rule's position in {@link #phraseRules()},
     * {@link #CATALOG} or {@link #NOTHING}. {@code decider}, when not null, receives in its first
     * slot what decided: a phrase rule's position (the cause's, when a cause beat a symptom),
     * {@link #CATALOG}, or {@link #NOTHING} for the later layers.
     */
    Classification classify(SmtpReply reply, DeliveryContext context, int leftOut, int[] decider) {
        DeliveryContext ctx = context == null ? DeliveryContext.none() : context;
        SmtpStage stage = ctx.stage() != null ? ctx.stage() : reply.reportedStage();
        String host = ctx.remoteHost() != null ? ctx.remoteHost() : reply.reportedHost();
        EnhancedStatusCode status = reply.status() != null ? reply.status() : ctx.dsnStatus();
        String text = reply.text();
        // A catalog reply needs no phrase: its provider markers are all it is read for. With rules
        // of the user's own, which come before the catalog, every reply is read whole first.
        int known = userRules == null && leftOut != CATALOG ? catalog.match(reply, text) : CatalogMatcher.NO_MATCH;
        // A reply worded as an entry but not its text exactly is scanned too, for its markers only.
        boolean verbatim = known != CatalogMatcher.NO_MATCH && CatalogMatcher.isVerbatim(known);
        PhraseIndex.Matches found = verbatim ? null : index.scan(text);
        String recipientDomain = ctx.recipientDomain() != null ? ctx.recipientDomain()
                : DeliveryContext.domainOf(reply.reportedRecipient());
        // The first marker from what was read already (the scan, or the catalog entry's own text),
        // then detection at one call site: it is compiled into this method once.
        int marker = found != null ? index.firstMarker(found) : knownTexts[CatalogMatcher.number(known)].firstMarker();
        Optional<Provider> provider = providers.detect(marker, text, host, recipientDomain);
        if (provider.isEmpty()) {
            provider = ProviderFiles.ownerOfVendorCode(status).map(ProviderFile::provider);
        }
        String providerId = provider.isPresent() ? provider.get().id() : null;
        int replyCode = RuleMatcher.replyOf(reply, status);
        boolean temporary = (reply.hasCode() ? replyCode / 100 : replyCode) == 4;

        boolean empty = !reply.hasCode() && reply.status() == null && text.isBlank();
        Verdict verdict = empty && status == null
                ? new Verdict(Reason.UNDEFINED, "empty", Evidence.NONE)
                : decide(reply, text, known, found, providerId, stage, replyCode, status, leftOut);
        if (decider != null) {
            decider[0] = verdict.source;
        }
        if (providerId == null && verdict.catalogProvider != null && ProviderFiles.byId(verdict.catalogProvider).isPresent()) {
            providerId = verdict.catalogProvider;
        }
        Reason reason = verdict.reason;
        String rule = verdict.rule;
        boolean afterData = stage == SmtpStage.DATA;
        if (reason == Reason.USERUNKNOWN && (providerId == null || afterData)
                && (verdict.evidence == Evidence.PHRASE || verdict.evidence == Evidence.KEYWORD
                    || verdict.evidence == Evidence.CATALOG && afterData)
                && !isStageFree(rule) && !usersOwn(verdict)) {
            if (status != null && statuses.reasonOf(status).orElse(null) == Reason.SUSPEND) {
                reason = Reason.SUSPEND;
                rule += "+status";
            } else if (seenAfterRecipient(stage, status) && !ownReport(reply, status, text)) {
                reason = Reason.FILTERED;
                rule += "+stage";
            }
        }
        if (stage == SmtpStage.MAIL && reason.owner() == Owner.RECIPIENT) {
            reason = Reason.REJECTED;
            rule += "+stage";
        } else if (namesTheSender(status) && reason.owner() == Owner.RECIPIENT) {
            reason = Reason.REJECTED;
            rule += "+status";
        }
        // The verdict rests on the context's DSN status when the text has none: the classification shows it.
        SmtpReply decided = reply.status() == null && status != null
                ? new SmtpReply(reply.code(), status, reply.lines(), reply.reportedStage(), reply.reportedHost(),
                        reply.reportedRecipient())
                : reply;
        return new Classification(reason, reason.isHard(!temporary), reason.owner(), reason.action(!temporary),
                providerId, decided, rule, verdict.evidence);
    }

    /**
     * The deciding layer. {@code known} is the catalog's {@link CatalogMatcher#match} of the reply,
     * when it was looked up already (no rules of the user's own); {@code found} the scan of the text, when
     * the reply is not a catalog entry's text exactly.
     */
    private Verdict decide(SmtpReply reply, String text, int known, PhraseIndex.Matches found, String providerId,
                           SmtpStage stage, int replyCode, EnhancedStatusCode status, int leftOut) {
        if (userRules != null) {
            known = leftOut == CATALOG || userRules.firstMatch(text, providerId, stage, replyCode, status).isPresent()
                    ? CatalogMatcher.NO_MATCH : catalog.match(reply, text);
        }
        if (known != CatalogMatcher.NO_MATCH) {
            return knownTexts[CatalogMatcher.number(known)].verdict();
        }
        RuleMatcher phrases = index.rules();
        PhraseRule absent = leftOut >= 0 ? phrases.rules().get(leftOut) : null;
        int phrase = phrases.firstIndex(found, providerId, stage, replyCode, status, RuleMatcher.ANY_REASON, absent);
        if (phrase >= 0) {
            PhraseRule rule = phrases.rules().get(phrase);
            long its = causeMasks[rule.reason().ordinal()];
            int cause = its == 0 ? -1
                    : phrases.firstIndex(found, providerId, stage, replyCode, status, its, absent);
            if (cause >= 0) {
                return causeVerdicts[cause];
            }
            long yields = yieldMasks[phrase];
            int named = yields == 0 ? -1 : index.keywords().firstIndex(found, providerId, stage, replyCode, status, yields, null);
            // A keyword of the phrase's own reason, first among those it yields to, leaves the phrase deciding.
            if (named >= 0 && keywordCauseVerdicts[named].reason != rule.reason()) {
                return keywordCauseVerdicts[named];
            }
            boolean undecided = rule.reason() == Reason.ONHOLD && rule.provider() == null && phrase >= userRuleCount;
            Verdict coded = (its == 0 && !undecided) || status == null ? null : statusVerdict(status, providerId);
            // A provider's own phrase is its documented reading of the reply, code and all: the
            // code names no other cause of it ("550 5.1.2 invalid X.400 address" stays an address).
            if (coded != null && (its & 1L << coded.reason.ordinal()) != 0 && rule.provider() == null) {
                return new Verdict(coded.reason, coded.rule + "+cause", Evidence.STATUS_CODE);
            }
            // Built-in wording that decides nothing on its own ("temporary failure") keeps the
            // keywords out, not the status code: "451 4.4.3 Temporary failure" is what 4.4.3 says.
            return undecided && coded != null ? coded : phraseVerdicts[phrase];
        }
        Verdict own = status == null || providerId == null ? null : providerCodeVerdict(status, providerId);
        if (own != null) {
            return own;
        }
        Verdict coded = status == null ? null : registryVerdict(status);
        RuleMatcher keywords = index.keywords();
        if (coded != null) {
            long first = keywordsFirstMasks[coded.reason.ordinal()];
            int keyword = first == 0 ? -1 : keywords.firstIndex(found, providerId, stage, replyCode, status, first, null);
            return keyword >= 0 ? keywordVerdicts[keyword] : coded;
        }
        int keyword = keywords.firstIndex(found, providerId, stage, replyCode, status, RuleMatcher.ANY_REASON, null);
        if (keyword >= 0) {
            return keywordVerdicts[keyword];
        }
        if (reply.hasCode() && reply.code() == 551 && status == null) {
            return new Verdict(Reason.HASMOVED, "code:551", Evidence.STATUS_CODE);
        }
        return fallbackVerdicts[fallback(reply, status, stage, text).ordinal()];
    }

    /** What the status code says on its own: the provider's code table, else the IANA registry; null when nothing. */
    private Verdict statusVerdict(EnhancedStatusCode status, String providerId) {
        Verdict own = providerId == null ? null : providerCodeVerdict(status, providerId);
        return own != null ? own : registryVerdict(status);
    }

    /** What the IANA registry's code means on its own (status/status-reasons.tsv); null when nothing. */
    private Verdict registryVerdict(EnhancedStatusCode status) {
        int slot = status.index();
        Verdict kept = registryVerdicts[slot];
        if (kept == null) {
            Optional<Reason> registered = statuses.reasonOf(status);
            kept = registered.isPresent() ? new Verdict(registered.get(), names.status(status), Evidence.STATUS_CODE) : NO_VERDICT;
            registryVerdicts[slot] = kept;
        }
        return kept == NO_VERDICT ? null : kept;
    }

    /**
     * What the code table of the provider {@code providerId} says of {@code status}, or null: looked
     * up once per provider and code, then kept (up to {@link #CODES_KEPT} codes a provider).
     */
    private Verdict providerCodeVerdict(EnhancedStatusCode status, String providerId) {
        Map<EnhancedStatusCode, Optional<Verdict>> byCode = providerCodes.get(providerId);
        if (byCode == null) {
            byCode = providerCodes.computeIfAbsent(providerId, id -> new ConcurrentHashMap<>());
        }
        Optional<Verdict> known = byCode.get(status);
        if (known == null) {
            Optional<Reason> own = ProviderFiles.byId(providerId).flatMap(file -> file.reasonOf(status));
            known = own.map(reason -> new Verdict(reason, "status:" + providerId + ":" + status, Evidence.STATUS_CODE));
            if (byCode.size() < CODES_KEPT) {
                byCode.putIfAbsent(status, known);
            }
        }
        return known.orElse(null);
    }

    /** A verdict and what made it: {@code source} is a phrase rule's position, {@link #CATALOG} or {@link #NOTHING}. */
    private record Verdict(Reason reason, String rule, Evidence evidence, String catalogProvider, int source) {
        Verdict(Reason reason, String rule, Evidence evidence) {
            this(reason, rule, evidence, null, NOTHING);
        }
    }

    /**
     * The phrase rules in priority order (the user's, the providers', the lexicons'), at the
     * positions {@link #classify(SmtpReply, DeliveryContext, int, int[])} names them by.
     */
    List<PhraseRule> phraseRules() {
        return index.rules().rules();
    }

    /**
     * The rule files whose unknown users Sisimai's stage rule (4.25 {@code Reason/UserUnknown.pm},
     * {@code Reason/Filtered.pm}) does not turn into {@code filtered}: the lexicons after the English
     * one and their keywords (Sisimai reads English only, and a server that words its refusal in its
     * users' language refuses an unknown user at RCPT TO like the providers do), and
     * {@code mta-messages.rules}, wording one mail system writes, which Sisimai's decoder for that
     * system decides itself whatever the stage (4.25 {@code Lhost/*.pm}, {@code MDA.pm}).
     */
    private static final List<String> STAGE_FREE_RULES =
            List.of("phrase:lexicon-", "keyword:keywords-other-languages.rules:", "phrase:mta-messages.rules:");

    /**
     * Whether one of the user's own rules decided: its reason is the user's reading of the wording,
     * which the stage rule leaves alone (a user rule {@code ... => userunknown} stays an unknown user
     * at any stage but MAIL FROM, where the refused address is the sender's).
     */
    private boolean usersOwn(Verdict verdict) {
        return verdict.source >= 0 && verdict.source < userRuleCount;
    }

    private static boolean isStageFree(String rule) {
        for (String prefix : STAGE_FREE_RULES) {
            if (rule.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * X.1.7 "Bad sender's mailbox address syntax" and X.1.8 "Bad sender's system address" (RFC 3463):
     * whatever the words, the envelope sender is refused, as Sisimai's status table reads them.
     */
    private static boolean namesTheSender(EnhancedStatusCode status) {
        return status != null && status.subject() == 1 && (status.detail() == 7 || status.detail() == 8);
    }

    /**
     * Sisimai's stage rule: whether an unknown-user phrase may be a filter's refusal. "No such user"
     * wording is {@code userunknown} when the status says so (X.1.0, X.1.1, X.1.3, and Microsoft's
     * X.1.10 "recipient not found", which Sisimai 4.25 {@code Lhost/Office365.pm} reads so) or when it
     * came at RCPT TO (at MAIL FROM it becomes {@code rejected}); after DATA, or at a stage nobody
     * reported, a recipient-side filter refused the message: {@code filtered}. Replies of a known
     * provider, and its catalog replies, are exempt when no stage is reported: mailbox providers
     * refuse unknown users at RCPT TO and document them so. Reported after DATA, they are not:
     * docomo's "550 Unknown user" after DATA is its recipients' filter (Sisimai 4.25
     * {@code Rhost/NTTDOCOMO.pm}), and a catalog reply documented at RCPT TO but seen after DATA
     * is not the answer the catalog describes.
     * (Before this rule, a status Sisimai's table reads as {@code suspend}, 4.2.1 and X.7.13, makes
     * the wording a suspended account: 4.25 {@code Reason/UserUnknown.pm} and
     * {@code Reason/Filtered.pm} give way to that code.)
     */
    private static boolean seenAfterRecipient(SmtpStage stage, EnhancedStatusCode status) {
        if (status != null && status.subject() == 1
                && (status.detail() == 0 || status.detail() == 1 || status.detail() == 3 || status.detail() == 10)) {
            return false;
        }
        return stage == null || stage == SmtpStage.DATA;
    }

    /**
     * Whether the unknown-user wording is the reporting system's own finding, which the stage rule
     * leaves alone: a report with no reply code and no status of a server, that introduces the
     * failed recipient with a report's lead-in ({@link ReportWording}). Sisimai's decoder of such a
     * report (4.25 {@code Lhost/*.pm}, {@code MDA.pm}) sets the reason itself, whatever the stage.
     */
    private boolean ownReport(SmtpReply reply, EnhancedStatusCode status, String text) {
        return !reply.hasCode() && status == null && reports.isOwnReport(text);
    }

    /**
     * The last layer, in the order of Sisimai 4.25's {@code anotherone} (Reason.pm): an X.6.x status
     * is {@code contenterror}; an X.7.x status {@code securityerror} (4.7.x {@code blocked}: Sisimai's
     * table reads 4.7.1 and 4.7.2 so); a reply code 500-507 or 400-407 {@code syntaxerror}
     * (SyntaxError.pm); a refusal at CONNECT or EHLO {@code blocked}; else {@code onhold}.
     */
    private static Reason fallback(SmtpReply reply, EnhancedStatusCode status, SmtpStage stage, String text) {
        if (status != null && status.subject() == 6) {
            return Reason.CONTENTERROR;
        }
        if (status != null && status.subject() == 7) {
            return status.isTransient() ? Reason.BLOCKED : Reason.SECURITYERROR;
        }
        int code = reply.code();
        if ((code >= 500 && code <= 507) || (code >= 400 && code <= 407)) {
            return Reason.SYNTAXERROR;
        }
        if (stage == SmtpStage.CONNECT || stage == SmtpStage.EHLO) {
            return Reason.BLOCKED;
        }
        return text.isBlank() && !reply.hasCode() && status == null ? Reason.UNDEFINED : Reason.ONHOLD;
    }
}
