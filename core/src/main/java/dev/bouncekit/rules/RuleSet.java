package dev.bouncekit.rules;

import dev.bouncekit.provider.ProviderFile;
import dev.bouncekit.provider.ProviderFiles;
import dev.bouncekit.text.TextNormalizer;
import dev.bouncekit.text.PhraseIndex;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.taxonomy.Reason;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.io.StringReader;
import java.util.HashSet;

/**
 * An ordered list of {@link PhraseRule}s read from a rules file. Earlier rules win.
 *
 * <p>The format, one rule a line:
 * <pre>
 * # comment
 * [any]                                   # rules for any provider (the default section)
 * no such user => userunknown
 * recipient address rejected ... access denied => userunknown stage=RCPT
 * [gmail]                                 # rules that apply only when the provider is gmail
 * account that you tried to reach is disabled => suspend
 * [any]
 * \bspam\b => spamdetected                  # word boundaries: not in "antispam" or "spammer"
 * \bdkim ... fail => authfailure
 * </pre>
 * Left of {@code =>}: one or more phrases separated by {@code ...}, which must occur in that
 * order, each starting after the previous one ends; matching ignores case and folds white space.
 * A phrase may begin and/or end with {@code \b}, a word boundary: it then matches only where the
 * text character just before it (leading {@code \b}) or just after it (trailing {@code \b}) is
 * not a letter or digit, or is the edge of the text. {@code \b} goes right next to the phrase's
 * text; anywhere else in a phrase it is an error. Right: a reason (Sisimai 5.5 names), then
 * optional conditions: {@code stage=RCPT,DATA}, {@code not-stage=DATA}, {@code class=4|5},
 * {@code status=5.7.1,5.2.} (a trailing dot matches a prefix; {@code none}: a reply without an
 * enhanced status code), {@code code=542} (the basic reply code, for the few servers whose meaning
 * lies in a code of their own), and
 * {@code yields=networkerror,mailboxfull}: the keywords of those reasons, found in the same reply,
 * decide before the rule (a summary such as "giving up" gives way to the cause the reply names).
 *
 * <p>A phrase written with one spelling servers use interchangeably ({@code doesn't} and
 * {@code does not}, {@code mailbox} and {@code mail box}, {@code authorized} and
 * {@code authorised}) matches the others too: the rule is kept once with its own phrases and
 * once more for each other spelling, all with the same source (see {@code SpellingVariants}).
 * The built-in rules also read the words servers use for one another ({@code rejected},
 * {@code refused}, {@code denied}; {@code user}, {@code recipient}): those siblings come after every
 * rule written out, so a phrase as written decides first (see {@code Synonyms}).
 */
public final class RuleSet {

    private static final String BOUNDARY = PhraseIndex.BOUNDARY;

    private static final String BUILT_IN_DIRECTORY = "/dev/bouncekit/rules/";

    /** The generic lexicons after the English one, one file a language. */
    private static final List<String> LEXICONS = List.of("de", "fr", "es", "it", "pt", "ru", "zh", "ja", "ko", "pl", "cs",
            "nl", "tr", "fi", "sv", "da", "no", "hu", "ro", "el", "vi", "id", "th", "ar", "he", "hr", "bg", "sk", "et",
            "lv", "lt", "ms", "fa", "hi", "kk", "sw", "bn", "tl");

    private static final RuleSet BUILT_IN = builtInPhrases();

    private static final RuleSet KEYWORDS = load("keywords.rules").before(load("keywords-other-languages.rules"));

    private final List<PhraseRule> rules;

    private RuleSet(List<PhraseRule> rules) {
        this.rules = List.copyOf(withoutRepeats(rules));
    }

    /**
     * The rules without those that repeat an earlier one, phrases, conditions and reason alike
     * (two spellings written out, or one written twice): the earlier decides wherever the later
     * would.
     */
    private static List<PhraseRule> withoutRepeats(List<PhraseRule> rules) {
        record Meaning(Reason reason, String provider, List<String> phrases, Set<SmtpStage> stages,
                       Set<SmtpStage> excludedStages, int statusClass, List<String> statusPrefixes, int replyCode,
                       Set<Reason> yieldsTo) {
        }
        Set<Meaning> seen = new HashSet<>();
        List<PhraseRule> out = new ArrayList<>(rules.size());
        for (PhraseRule r : rules) {
            if (seen.add(new Meaning(r.reason(), r.provider(), r.phrases(), r.stages(), r.excludedStages(),
                    r.statusClass(), r.statusPrefixes(), r.replyCode(), r.yieldsTo()))) {
                out.add(r);
            }
        }
        return out;
    }

    /** The rules that ship with bouncekit. */
    public static RuleSet builtIn() {
        return BUILT_IN;
    }

    /**
     * The built-in keyword fallbacks: single words read only when no phrase rule and no status
     * code decided ({@code keywords.rules}, then {@code keywords-other-languages.rules}).
     */
    public static RuleSet builtInKeywords() {
        return KEYWORDS;
    }

    private static RuleSet builtInPhrases() {
        List<PhraseRule> all = new ArrayList<>();
        for (ProviderFile file : ProviderFiles.builtIn()) {
            try {
                all.addAll(parse(file.fileName(), new StringReader(file.phrases())).rules);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        all.addAll(load("mta-messages.rules").rules);
        all.addAll(load("generic.rules").rules);
        for (String language : LEXICONS) {
            all.addAll(load("lexicon-" + language + ".rules").rules);
        }
        Set<List<String>> written = new HashSet<>();
        for (PhraseRule rule : all) {
            written.add(rule.phrases());
        }
        List<PhraseRule> siblings = new ArrayList<>();
        for (PhraseRule rule : all) {
            for (List<String> phrases : Synonyms.siblingsOf(rule.phrases())) {
                for (List<String> spelled : SpellingVariants.of(phrases)) {
                    if (!written.contains(spelled)) {
                        siblings.add(rule.withPhrases(spelled));
                    }
                }
            }
        }
        all.addAll(siblings);
        return new RuleSet(all);
    }

    /** No rules. */
    public static RuleSet empty() {
        return new RuleSet(List.of());
    }

    /** Before the first line of a file saved as "UTF-8 with BOM". */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /** Reads a rules file (UTF-8, with or without a byte order mark). */
    public static RuleSet read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.getFileName().toString(), reader);
        }
    }

    /**
     * Reads rules from {@code reader}; {@code sourceName} names the source in rule ids and errors. A
     * byte order mark before the first line, as some editors save UTF-8, is skipped.
     *
     * @throws RuleSyntaxException naming the line at fault
     */
    public static RuleSet parse(String sourceName, Reader reader) throws IOException {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<PhraseRule> rules = new ArrayList<>();
        String provider = null;
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith(BYTE_ORDER_MARK)) {
                line = line.substring(1);  // a file saved "UTF-8 with BOM": the mark is no text of the first line
            }
            String text = stripComment(line).trim();
            if (text.isEmpty()) {
                continue;
            }
            String where = sourceName + ":" + number;
            if (text.startsWith("[") && !text.contains("=>")) {
                if (!text.endsWith("]") || text.length() < 3) {
                    throw new RuleSyntaxException(where + ": a section is written [provider-id] or [any], not '" + text + "'");
                }
                String name = text.substring(1, text.length() - 1).trim().toLowerCase(Locale.ROOT);
                if (!name.equals("any") && ProviderFiles.byId(name).isEmpty()) {
                    throw new RuleSyntaxException(where + ": unknown provider [" + name + "]; a section is [any] or one of "
                            + ProviderFiles.builtIn().stream().map(f -> f.provider().id()).toList());
                }
                provider = name.equals("any") ? null : name;
                continue;
            }
            PhraseRule rule = parseRule(where, text, provider);
            for (List<String> phrases : SpellingVariants.of(rule.phrases())) {
                rules.add(rule.withPhrases(phrases));
            }
        }
        return new RuleSet(rules);
    }

    private static RuleSet load(String name) {
        InputStream in = RuleSet.class.getResourceAsStream(BUILT_IN_DIRECTORY + name);
        if (in == null) {
            throw new IllegalStateException("built-in rules missing from the class path: " + BUILT_IN_DIRECTORY + name);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(name, reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripComment(String line) {
        int hash = line.indexOf(" #");
        if (line.trim().startsWith("#")) {
            return "";
        }
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static PhraseRule parseRule(String where, String text, String provider) {
        int arrow = text.lastIndexOf("=>");
        if (arrow < 0) {
            throw new RuleSyntaxException(where + ": a rule is written 'phrase [... phrase] => reason [conditions]', "
                    + "no '=>' in '" + text + "'");
        }
        List<String> phrases = new ArrayList<>();
        for (String part : text.substring(0, arrow).split("\\.\\.\\.")) {
            phrases.add(phrase(where, text, part.strip()));
        }
        String[] right = text.substring(arrow + 2).trim().split("\\s+");
        if (right.length == 0 || right[0].isEmpty()) {
            throw new RuleSyntaxException(where + ": no reason after '=>'");
        }
        Reason reason = Reason.parse(right[0]).orElseThrow(() -> new RuleSyntaxException(
                where + ": unknown reason '" + right[0] + "'; " + knownReasons()));
        Set<SmtpStage> stages = EnumSet.noneOf(SmtpStage.class);
        Set<SmtpStage> excluded = EnumSet.noneOf(SmtpStage.class);
        int statusClass = 0;
        int replyCode = 0;
        List<String> statuses = new ArrayList<>();
        Set<Reason> yields = EnumSet.noneOf(Reason.class);
        for (int i = 1; i < right.length; i++) {
            String condition = right[i];
            int eq = condition.indexOf('=');
            if (eq <= 0) {
                throw new RuleSyntaxException(where + ": condition '" + condition
                        + "' is not key=value; use stage=, not-stage=, class=, status=, code= or yields=");
            }
            String key = condition.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = condition.substring(eq + 1);
            switch (key) {
                case "stage" -> stages.addAll(stages(where, value));
                case "not-stage" -> excluded.addAll(stages(where, value));
                case "class" -> {
                    if (!value.equals("2") && !value.equals("4") && !value.equals("5")) {
                        throw new RuleSyntaxException(where + ": class must be 2, 4 or 5, not '" + value + "'");
                    }
                    statusClass = value.charAt(0) - '0';
                }
                case "status" -> {
                    for (String s : value.split(",")) {
                        if (!s.matches("[245x]\\.[0-9]{1,3}\\.([0-9]{1,3})?") && !s.matches("[245]\\.")
                                && !s.equals(PhraseRule.NO_STATUS)) {
                            throw new RuleSyntaxException(where + ": status '" + s
                                    + "' is not a code like 5.7.1, a prefix like 5.7. or none");
                        }
                        statuses.add(s);
                    }
                }
                case "code" -> {
                    if (!value.matches("[2-5][0-9][0-9]")) {
                        throw new RuleSyntaxException(where + ": code must be a reply code such as 542, not '" + value + "'");
                    }
                    replyCode = Integer.parseInt(value);
                }
                case "yields" -> {
                    for (String r : value.split(",")) {
                        yields.add(Reason.parse(r).orElseThrow(() -> new RuleSyntaxException(
                                where + ": unknown reason '" + r + "' in yields=; " + knownReasons())));
                    }
                }
                default -> throw new RuleSyntaxException(where + ": unknown condition '" + key
                        + "'; use stage=, not-stage=, class=, status=, code= or yields=");
            }
        }
        return new PhraseRule(where, reason, provider, phrases, stages, excluded, statusClass, statuses, replyCode, yields);
    }

    /** One phrase of a rule in normalized form, with its word-boundary markers kept at either end. */
    private static String phrase(String where, String rule, String part) {
        String body = part;
        boolean leading = body.startsWith(BOUNDARY);
        if (leading) {
            body = body.substring(BOUNDARY.length());
        }
        boolean trailing = body.endsWith(BOUNDARY);
        if (trailing) {
            body = body.substring(0, body.length() - BOUNDARY.length());
        }
        String phrase = TextNormalizer.normalize(body);
        if (phrase.isEmpty()) {
            throw new RuleSyntaxException(where + ": empty phrase in '" + rule + "'");
        }
        if (phrase.contains(BOUNDARY)) {
            throw new RuleSyntaxException(where + ": \\b is a word boundary only at the start or end of a phrase, "
                    + "as in '\\bspam\\b' (\\B is not supported); not as in '" + part + "'");
        }
        if (leading && blank(body.charAt(0)) || trailing && blank(body.charAt(body.length() - 1))) {
            throw new RuleSyntaxException(where + ": \\b goes right next to the phrase's text, as in '\\bspam\\b'; "
                    + "not with white space between in '" + part + "'");
        }
        return (leading ? BOUNDARY : "") + phrase + (trailing ? BOUNDARY : "");
    }

    /** Whether {@code c} is white space (or a control) in normalized form. */
    private static boolean blank(char c) {
        return TextNormalizer.normalize(String.valueOf(c)).isEmpty();
    }

    private static Set<SmtpStage> stages(String where, String value) {
        Set<SmtpStage> out = EnumSet.noneOf(SmtpStage.class);
        for (String s : value.split(",")) {
            out.add(SmtpStage.parse(s).orElseThrow(() -> new RuleSyntaxException(where + ": unknown stage '" + s
                    + "'; use CONNECT, EHLO, MAIL, RCPT or DATA")));
        }
        return out;
    }

    private static String knownReasons() {
        StringBuilder out = new StringBuilder("known reasons:");
        for (Reason r : Reason.values()) {
            out.append(' ').append(r.id());
        }
        return out.toString();
    }

    /** These rules first, then {@code others}: rules of this set win over those of the other. */
    public RuleSet before(RuleSet others) {
        List<PhraseRule> all = new ArrayList<>(rules);
        all.addAll(others.rules);
        return new RuleSet(all);
    }

    /** The rules, in order. */
    public List<PhraseRule> rules() {
        return rules;
    }

    /** Compiles the rules into a matcher; do it once and keep the result. */
    public RuleMatcher compile() {
        return new RuleMatcher(rules);
    }
}
