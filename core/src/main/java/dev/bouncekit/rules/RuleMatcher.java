package dev.bouncekit.rules;

import dev.bouncekit.reply.SmtpReply;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.status.EnhancedStatusCode;
import dev.bouncekit.taxonomy.Reason;
import dev.bouncekit.text.PhraseIndex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.Arrays;
import java.util.Set;

/**
 * A compiled {@link RuleSet}: finds the first rule whose phrases occur in a text and whose
 * conditions hold, in one linear pass over the text. Immutable and thread-safe; the automaton of its
 * phrases is built by its first scan of a text, and never for a matcher read {@link #over} a larger index.
 *
 * <p>A rule of several phrases matches when they occur in the given order, each occurrence
 * starting strictly after the previous one ends, in the normalized text (case folded, every run of
 * white space one space): {@code ab ... bc} does not match {@code abc}. Each phrase after the first
 * takes its earliest occurrence that starts after the previous one, which finds an order whenever
 * one exists.
 */
public final class RuleMatcher {

    private static final Predicate<PhraseRule> ANY = rule -> true;

    private static final int[] NO_RULES = new int[0];

    private final List<PhraseRule> rules;
    /** The index whose scans this matcher reads when it was made {@link #over} a larger one; else null. */
    private final PhraseIndex shared;
    /**
     * This matcher's own index over {@link #phrases}, built on first use: a classifier reads the
     * scans of one index over all its matchers' phrases ({@link #over}) and never needs this one.
     */
    private volatile PhraseIndex own;
    /** The number of phrases of the index this matcher reads. */
    private final int indexSize;
    /** Per thread, the result {@link #firstMatch} scans into: it keeps nothing of it, so each thread reuses one. */
    private final ThreadLocal<PhraseIndex.Matches> buffers;
    /** The distinct phrases of the rules, numbered as {@link #rulePhrases} and {@link #later} number them. */
    private final List<String> phrases;
    /** Per phrase: whether it is a later phrase of some rule, so that a scan must keep all its ends. */
    private final boolean[] later;
    private final int[][] rulePhrases;
    /** For each phrase of {@link #index}, the rules listed under it ({@link #keyPhrase}), in priority order. */
    private final int[][] phraseRules;
    /**
     * For each phrase of {@link #index}, the first of its {@link #phraseRules}, or
     * {@link Integer#MAX_VALUE}: a phrase that starts no rule before the best so far is passed
     * over without reading its list.
     */
    private final int[] firstRules;
    /** Per rule: its provider, or null. */
    private final String[] providers;
    /**
     * Per rule, in one int, what {@link #firstIndexIn} must check besides its first phrase:
     * {@link #OWN_PROVIDER}, {@link #LATER_PHRASES}, {@link #CONDITIONS}; 0 for none of them, so
     * that the other arrays are read only for the rules that need them.
     */
    private final int[] checks;
    private static final int OWN_PROVIDER = 1;
    private static final int LATER_PHRASES = 2;
    private static final int CONDITIONS = 4;
    /** Per rule: the bit of its reason in a {@link #reasons} mask. */
    private final long[] reasonBits;
    /** The bit of a rule without a reason: in no mask that {@link #reasons} makes. */
    private static final long NO_REASON = 1L << 63;
    /** The mask that takes a rule of any reason, or of none. */
    public static final long ANY_REASON = -1L;

    RuleMatcher(List<PhraseRule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, Integer> ids = new HashMap<>();
        List<String> phrases = new ArrayList<>();
        rulePhrases = new int[rules.size()][];
        List<List<Integer>> byPhrase = new ArrayList<>();
        List<Boolean> laterOnes = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            List<String> own = rules.get(r).phrases();
            rulePhrases[r] = new int[own.size()];
            for (int i = 0; i < own.size(); i++) {
                Integer id = ids.get(own.get(i));
                if (id == null) {
                    id = phrases.size();
                    ids.put(own.get(i), id);
                    phrases.add(own.get(i));
                    byPhrase.add(new ArrayList<>());
                    laterOnes.add(false);
                }
                rulePhrases[r][i] = id;
                if (i > 0) {
                    laterOnes.set(id, true);
                }
            }
        }
        int[] uses = new int[phrases.size()];
        for (int[] own : rulePhrases) {
            for (int id : own) {
                uses[id]++;
            }
        }
        for (int r = 0; r < rules.size(); r++) {
            byPhrase.get(keyPhrase(rulePhrases[r], uses, phrases)).add(r);
        }
        phraseRules = new int[phrases.size()][];
        for (int p = 0; p < phrases.size(); p++) {
            phraseRules[p] = byPhrase.get(p).stream().mapToInt(Integer::intValue).toArray();
        }
        firstRules = firstRulesOf(phraseRules);
        this.phrases = List.copyOf(phrases);
        this.later = new boolean[phrases.size()];
        for (int p = 0; p < later.length; p++) {
            later[p] = laterOnes.get(p);
        }
        shared = null;
        indexSize = phrases.size();
        buffers = ThreadLocal.withInitial(() -> index().newMatches());
        providers = providersOf(this.rules);
        checks = checksOf(providers, rulePhrases, conditionalOf(this.rules));
        reasonBits = new long[this.rules.size()];
        for (int r = 0; r < reasonBits.length; r++) {
            Reason reason = this.rules.get(r).reason();
            reasonBits[r] = reason == null ? NO_REASON : 1L << reason.ordinal();
        }
    }

    /**
     * The {@code reply} argument of the searches for a parsed reply: its basic code (550), or when it
     * has none the class (2, 4, 5) of {@code status}, or 0 when neither is known.
     */
    public static int replyOf(SmtpReply reply, EnhancedStatusCode status) {
        return reply.hasCode() ? reply.code() : status != null ? status.statusClass() : 0;
    }

    /**
     * The mask of {@code reasons} for {@link #firstIndex(PhraseIndex.Matches, String, SmtpStage, int,
     * EnhancedStatusCode, long, PhraseRule)}: a rule is taken when its reason is one of them.
     */
    public static long reasons(Set<Reason> reasons) {
        long mask = 0;
        for (Reason reason : reasons) {
            mask |= 1L << reason.ordinal();
        }
        return mask;
    }

    /**
     * The phrase a rule is listed under, which a text must hold for the rule to be tried: of its
     * phrases, the one the fewest rules share (then the longest), so that a rule written as
     * "spf ... <a word of another language>" is not tried on every text that names SPF.
     */
    private static int keyPhrase(int[] own, int[] uses, List<String> phrases) {
        int key = own[0];
        for (int i = 1; i < own.length; i++) {
            int id = own[i];
            if (uses[id] < uses[key] || uses[id] == uses[key] && phrases.get(id).length() > phrases.get(key).length()) {
                key = id;
            }
        }
        return key;
    }

    private static int[] checksOf(String[] providers, int[][] rulePhrases, boolean[] conditional) {
        int[] out = new int[providers.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = (providers[r] != null ? OWN_PROVIDER : 0) | (rulePhrases[r].length > 1 ? LATER_PHRASES : 0)
                    | (conditional[r] ? CONDITIONS : 0);
        }
        return out;
    }

    private static int[] firstRulesOf(int[][] phraseRules) {
        int[] out = new int[phraseRules.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = phraseRules[p].length == 0 ? Integer.MAX_VALUE : phraseRules[p][0];
        }
        return out;
    }

    private static String[] providersOf(List<PhraseRule> rules) {
        return rules.stream().map(PhraseRule::provider).toArray(String[]::new);
    }

    /** Per rule: whether it has conditions (stage, class, status) to check. */
    private static boolean[] conditionalOf(List<PhraseRule> rules) {
        boolean[] out = new boolean[rules.size()];
        for (int r = 0; r < out.length; r++) {
            PhraseRule rule = rules.get(r);
            out[r] = !rule.stages().isEmpty() || !rule.excludedStages().isEmpty() || rule.statusClass() != 0 || rule.replyCode() != 0
                    || !rule.statusPrefixes().isEmpty();
        }
        return out;
    }

    private RuleMatcher(RuleMatcher own, PhraseIndex shared, int[] ids) {
        this.rules = own.rules;
        this.providers = own.providers;
        this.checks = own.checks;
        this.reasonBits = own.reasonBits;
        this.phrases = own.phrases;
        this.later = own.later;
        this.shared = shared;
        this.indexSize = shared.size();
        this.buffers = ThreadLocal.withInitial(shared::newMatches);
        this.rulePhrases = new int[own.rulePhrases.length][];
        for (int r = 0; r < rulePhrases.length; r++) {
            rulePhrases[r] = new int[own.rulePhrases[r].length];
            for (int i = 0; i < rulePhrases[r].length; i++) {
                rulePhrases[r][i] = ids[own.rulePhrases[r][i]];
            }
        }
        this.phraseRules = new int[shared.size()][];
        Arrays.fill(phraseRules, NO_RULES);
        for (int p = 0; p < own.phrases.size(); p++) {
            phraseRules[ids[p]] = own.phraseRules[p];
        }
        this.firstRules = firstRulesOf(phraseRules);
    }

    /**
     * This matcher reading the scans of a larger index, so that one pass over a text serves it and
     * others (other rule sets, provider markers). The index must hold every phrase of
     * {@link #phrases()}: phrase {@code p} as its phrase {@code ids[p]}, keeping all its ends when
     * {@link #keepsAllEnds(int)} says so.
     *
     * @throws IllegalArgumentException when the index does not hold the phrases so
     */
    public RuleMatcher over(PhraseIndex shared, int[] ids) {
        if (ids.length != phrases.size()) {
            throw new IllegalArgumentException(phrases.size() + " phrases, " + ids.length + " ids");
        }
        for (int p = 0; p < ids.length; p++) {
            if (ids[p] < 0 || ids[p] >= shared.size() || (later[p] && !shared.keepsAllEnds(ids[p]))) {
                throw new IllegalArgumentException("phrase " + p + " ('" + phrases.get(p) + "') is not in the index as needed");
            }
        }
        return new RuleMatcher(this, shared, ids);
    }

    /** The index whose scans this matcher reads: the one it was made {@link #over}, else its own, built on first use. */
    private PhraseIndex index() {
        if (shared != null) {
            return shared;
        }
        PhraseIndex built = own;
        if (built == null) {
            synchronized (this) {
                built = own;
                if (built == null) {
                    built = PhraseIndex.withoutNames(phrases, p -> later[p]);
                    own = built;
                }
            }
        }
        return built;
    }

    /** The distinct phrases of the rules, each once, numbered from 0 in this order. */
    public List<String> phrases() {
        return phrases;
    }

    /** Whether phrase {@code p} of {@link #phrases()} follows another in some rule: a scan must keep every end of it. */
    public boolean keepsAllEnds(int p) {
        return later[p];
    }

    /**
     * The rules found by a scan of the index this matcher reads (its own, or the one given to
     * {@link #over}); {@code found} is read, not kept beyond the calls to the result.
     */
    public Scan scan(PhraseIndex.Matches found) {
        return new Scan(indexSize == 0 ? null : found);
    }

    /**
     * The first rule that matches: {@code scan(text).first(provider, stage, reply, status)}.
     *
     * @param text           the reply text, as it is (case and white space are folded while matching,
     *                       the local parts of e-mail addresses are not read)
     * @param provider       the detected provider id, or null; provider rules apply only to theirs
     * @param stage          the SMTP stage, or null when unknown
     * @param reply          the reply's basic code (550), or when it has none the class (2, 4, 5) of its
     *                       enhanced status code, or 0 when neither is known
     * @param status         the enhanced status code, or null
     */
    public Optional<PhraseRule> firstMatch(String text, String provider, SmtpStage stage,
                                           int reply, EnhancedStatusCode status) {
        if (indexSize == 0 || text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return first(index().scanWithoutNames(text, buffers.get()), provider, stage, reply, status, ANY);
    }

    /**
     * Scans {@code text} once, for any number of questions about which rules match it.
     *
     * @param text the reply text, as it is (case and white space are folded while matching, and the
     *             local parts of e-mail addresses and the leading labels of host names are not read:
     *             {@link PhraseIndex#scanWithoutNames})
     */
    public Scan scan(String text) {
        boolean nothing = indexSize == 0 || text == null || text.isEmpty();
        if (nothing) {
            return new Scan(null);
        }
        PhraseIndex index = index();
        return new Scan(index.scanWithoutNames(text, index.newMatches()));
    }

    /** The rules, in priority order. */
    public List<PhraseRule> rules() {
        return rules;
    }

    private Optional<PhraseRule> first(PhraseIndex.Matches found, String provider, SmtpStage stage, int reply,
                                       EnhancedStatusCode status, Predicate<PhraseRule> accept) {
        int best = firstIndexIn(found, provider, stage, reply, status, accept);
        return best < 0 ? Optional.empty() : Optional.of(rules.get(best));
    }

    /**
     * {@code scan(found).firstIndex(provider, stage, reply, status, accept)}, without the
     * {@link Scan}: the position in {@link #rules()} of the first rule that matches, or -1.
     */
    public int firstIndex(PhraseIndex.Matches found, String provider, SmtpStage stage, int reply,
                          EnhancedStatusCode status, Predicate<PhraseRule> accept) {
        return indexSize == 0 ? -1 : firstIndexIn(found, provider, stage, reply, status, ANY_REASON, null, accept);
    }

    /**
     * {@link #firstIndex(PhraseIndex.Matches, String, SmtpStage, int, EnhancedStatusCode, Predicate)}
     * of the rules whose reason is in the mask {@code reasons} ({@link #reasons(java.util.Set)}, or
     * {@link #ANY_REASON}), other than {@code except} and the rules of its source line (its spelling
     * and synonym siblings, which are the same rule; null for none): a test made of two reads, not a
     * call, when there is none.
     */
    public int firstIndex(PhraseIndex.Matches found, String provider, SmtpStage stage, int reply,
                          EnhancedStatusCode status, long reasons, PhraseRule except) {
        return indexSize == 0 ? -1 : firstIndexIn(found, provider, stage, reply, status, reasons, except, null);
    }

    private int firstIndexIn(PhraseIndex.Matches found, String provider, SmtpStage stage, int reply,
                             EnhancedStatusCode status, Predicate<PhraseRule> accept) {
        return firstIndexIn(found, provider, stage, reply, status, ANY_REASON, null, accept);
    }

    /** The first rule that matches, of the reasons {@code reasons}, not {@code except}, that {@code accept} (when not null) accepts; -1 when none. */
    private int firstIndexIn(PhraseIndex.Matches found, String provider, SmtpStage stage, int reply,
                             EnhancedStatusCode status, long reasons, PhraseRule except, Predicate<PhraseRule> accept) {
        int best = Integer.MAX_VALUE;
        for (int i = 0; i < found.count(); i++) {
            int p = found.phrase(i);
            if (firstRules[p] >= best) {
                continue;
            }
            for (int r : phraseRules[p]) {
                if (r >= best) {
                    break;
                }
                if (reasons != ANY_REASON && (reasonBits[r] & reasons) == 0) {
                    continue;
                }
                int check = checks[r];
                if ((check == 0
                        || ((check & OWN_PROVIDER) == 0 || providers[r].equals(provider))
                        && ((check & LATER_PHRASES) == 0 || phrasesInOrder(r, found, i))
                        && ((check & CONDITIONS) == 0 || rules.get(r).conditionsHold(stage, reply, status)))
                        && (except == null || !rules.get(r).source().equals(except.source()))
                        && (accept == null || accept.test(rules.get(r)))) {
                    best = r;
                    break;
                }
            }
        }
        return best == Integer.MAX_VALUE ? -1 : best;
    }

    /** Whether rule {@code r}'s phrases occur in order; {@code keyAt} is where {@code found} holds the phrase it is listed under. */
    private boolean phrasesInOrder(int r, PhraseIndex.Matches found, int keyAt) {
        int[] ids = rulePhrases[r];
        int firstAt = found.phrase(keyAt) == ids[0] ? keyAt : found.indexOf(ids[0]);
        if (firstAt < 0) {
            return false;
        }
        int end = found.first(firstAt);
        for (int k = 1; k < ids.length; k++) {
            int at = found.indexOf(ids[k]);
            if (at < 0) {
                return false;
            }
            end = found.endAtOrAfter(at, end + index().length(ids[k]));
            if (end < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The phrases found in one text by {@link #scan}; ask it which rule matches under given
     * conditions as often as needed. Immutable; it keeps what was found, not the text.
     */
    public final class Scan {

        private final PhraseIndex.Matches found;

        private Scan(PhraseIndex.Matches found) {
            this.found = found;
        }

        /**
         * The first rule, in priority order, whose phrases occur in order, whose provider and
         * conditions hold, and that {@code accept} accepts.
         *
         * @param provider   the detected provider id, or null; provider rules apply only to theirs
         * @param stage      the SMTP stage, or null when unknown
         * @param reply      the reply's basic code (550), or when it has none the class (2, 4, 5) of
         *                   its enhanced status code, or 0 when neither is known
         * @param status     the enhanced status code, or null
         * @param accept     a further test, asked only of rules that otherwise match (maybe of
         *                   several, not necessarily in priority order)
         */
        public Optional<PhraseRule> first(String provider, SmtpStage stage, int reply,
                                          EnhancedStatusCode status, Predicate<PhraseRule> accept) {
            return found == null ? Optional.empty() : RuleMatcher.this.first(found, provider, stage, reply, status, accept);
        }

        /** The first rule, in priority order, whose phrases occur in order and whose provider and conditions hold. */
        public Optional<PhraseRule> first(String provider, SmtpStage stage, int reply, EnhancedStatusCode status) {
            return first(provider, stage, reply, status, ANY);
        }

        /**
         * {@link #first(String, SmtpStage, int, EnhancedStatusCode, Predicate)} as the rule's
         * position in {@link #rules()}, or -1 when no rule matches.
         */
        public int firstIndex(String provider, SmtpStage stage, int reply, EnhancedStatusCode status,
                              Predicate<PhraseRule> accept) {
            return found == null ? -1 : RuleMatcher.this.firstIndexIn(found, provider, stage, reply, status, accept);
        }
    }
}
