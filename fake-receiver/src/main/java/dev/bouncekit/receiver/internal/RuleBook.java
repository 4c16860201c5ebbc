package dev.bouncekit.receiver.internal;

import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.reply.SmtpStage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The installed rules in order, with how often each has answered. Rules are kept per stage in
 * an immutable snapshot that is swapped on change, so evaluation takes no lock and only looks
 * at the rules of the stage at hand; first match wins. Rules with an exact (glob-free) pattern are
 * found through a map from the value they match, and glob rules by the literal text they end (or
 * start) with, so thousands of per-address or per-domain rules cost a few lookups per command
 * instead of a scan.
 */
public final class RuleBook {

    /** A rule with its use count. */
    private record Installed(ReplyRule rule, Condition condition, List<String> lines, AtomicInteger used) {

        /** Claims one use; false when the rule has answered its {@code times} already. */
        boolean claim() {
            int limit = rule.times();
            if (limit == 0) {
                used.incrementAndGet();
                return true;
            }
            while (true) {
                int n = used.get();
                if (n >= limit) {
                    return false;
                }
                if (used.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
        }
    }

    private static final Installed[] NONE = new Installed[0];
    private static final int[] NO_INDEXES = new int[0];

    /**
     * One stage's rules: all of them in order, the positions of exact-pattern rules by the value
     * they match, the glob rules of each subject by their literal ends ({@link GlobIndex}), and the
     * positions of the rest (any, and globs with no literal end), which are always tried.
     */
    private record StageRules(Installed[] ordered, Map<String, int[]> exact, Map<Condition.Subject, GlobIndex> globs,
                              int[] scanned, int maxHits) {

        static final StageRules EMPTY = new StageRules(NONE, Map.of(), Map.of(), NO_INDEXES, 0);

        static StageRules of(List<Installed> rules) {
            Map<String, List<Integer>> exact = new HashMap<>();
            Map<Condition.Subject, GlobIndex> globs = new EnumMap<>(Condition.Subject.class);
            List<Integer> scanned = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                Condition c = rules.get(i).condition();
                String pattern = c.pattern().toLowerCase(Locale.ROOT);
                if (c.subject() == Condition.Subject.ANY) {
                    scanned.add(i);
                } else if (pattern.indexOf('*') < 0) {
                    exact.computeIfAbsent(key(c.subject(), pattern), k -> new ArrayList<>()).add(i);
                } else if (!globs.computeIfAbsent(c.subject(), k -> new GlobIndex()).add(pattern, i)) {
                    scanned.add(i);
                }
            }
            Map<String, int[]> index = new HashMap<>();
            int maxHits = 0;
            for (Map.Entry<String, List<Integer>> e : exact.entrySet()) {
                index.put(e.getKey(), toArray(e.getValue()));
                maxHits = Math.max(maxHits, e.getValue().size());
            }
            return new StageRules(rules.toArray(NONE), index, globs, toArray(scanned), maxHits);
        }

        /** Positions of the rules that may match these facts, ascending (a position may be there twice). */
        int[] candidates(Facts facts) {
            if (exact.isEmpty() && globs.isEmpty()) {
                return scanned;
            }
            Positions out = new Positions(scanned, maxHits);
            add(out, Condition.Subject.CLIENT, facts.client());
            add(out, Condition.Subject.HELO, facts.helo());
            add(out, Condition.Subject.SENDER, facts.sender());
            add(out, Condition.Subject.SENDER_DOMAIN, facts.sender() == null ? null : Facts.domainOf(facts.sender()));
            for (String r : facts.recipients()) {
                add(out, Condition.Subject.RECIPIENT, r);
                add(out, Condition.Subject.RECIPIENT_DOMAIN, Facts.domainOf(r));
            }
            return out.sorted();
        }

        private void add(Positions out, Condition.Subject subject, String value) {
            if (value == null) {
                return;
            }
            int[] hits = exact.isEmpty() ? null : exact.get(key(subject, value));
            if (hits != null) {
                out.addAll(hits);
            }
            GlobIndex byEnds = globs.get(subject);
            if (byEnds != null) {
                byEnds.candidates(value, out);
            }
        }

        private static String key(Condition.Subject subject, String lowerCaseValue) {
            return subject.name() + '\u0000' + lowerCaseValue;
        }

        private static int[] toArray(List<Integer> values) {
            int[] out = new int[values.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = values.get(i);
            }
            return out;
        }
    }

    private final Object writeLock = new Object();
    private volatile List<Installed> all = List.of();
    private volatile StageRules[] byStage = emptyTable();

    /** Appends a rule; it answers after all rules installed before it. */
    public void add(ReplyRule rule) {
        synchronized (writeLock) {
            List<Installed> next = new ArrayList<>(all);
            next.add(new Installed(rule, rule.condition(), rule.wireLines(), new AtomicInteger()));
            publish(next);
        }
    }

    /** Replaces all rules (use counts start again). */
    public void replaceAll(List<ReplyRule> rules) {
        synchronized (writeLock) {
            List<Installed> next = new ArrayList<>(rules.size());
            for (ReplyRule rule : rules) {
                next.add(new Installed(rule, rule.condition(), rule.wireLines(), new AtomicInteger()));
            }
            publish(next);
        }
    }

    /**
     * Removes the rule at {@code index} (from 0, in evaluation order); the others keep their use
     * counts. Null when there is no rule there.
     */
    public ReplyRule remove(int index) {
        synchronized (writeLock) {
            if (index < 0 || index >= all.size()) {
                return null;
            }
            List<Installed> next = new ArrayList<>(all);
            Installed removed = next.remove(index);
            publish(next);
            return removed.rule();
        }
    }

    /** Removes all rules. */
    public void clear() {
        replaceAll(List.of());
    }

    /** The installed rules in evaluation order. */
    public List<ReplyRule> rules() {
        List<Installed> current = all;
        List<ReplyRule> out = new ArrayList<>(current.size());
        for (Installed i : current) {
            out.add(i.rule());
        }
        return out;
    }

    /** How many times each installed rule has answered, in evaluation order. */
    public List<Integer> uses() {
        List<Installed> current = all;
        List<Integer> out = new ArrayList<>(current.size());
        for (Installed i : current) {
            out.add(i.used().get());
        }
        return out;
    }

    /** The first rule for this stage whose condition holds and that has uses left, claimed; or null. */
    Decision firstMatch(SmtpStage stage, Facts facts) {
        StageRules rules = byStage[stage.ordinal()];
        int previous = -1;
        for (int position : rules.candidates(facts)) {
            if (position == previous) {
                continue;
            }
            previous = position;
            Installed candidate = rules.ordered()[position];
            if (matches(candidate.condition(), facts) && candidate.claim()) {
                ReplyRule rule = candidate.rule();
                return new Decision(rule.id(), rule.catalogEntry().map(e -> e.id()).orElse(null), candidate.lines(), rule.closesConnection(), rule.delay());
            }
        }
        return null;
    }

    private static boolean matches(Condition condition, Facts facts) {
        for (Condition part : condition.parts()) {
            if (!matchesPart(part, facts)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesPart(Condition condition, Facts facts) {
        switch (condition.subject()) {
            case ANY:
                return true;
            case CLIENT:
                return condition.matchesValue(facts.client());
            case HELO:
                return condition.matchesValue(facts.helo());
            case SENDER:
                return condition.matchesValue(facts.sender());
            case SENDER_DOMAIN:
                return facts.sender() != null && condition.matchesValue(Facts.domainOf(facts.sender()));
            case RECIPIENT:
                for (String r : facts.recipients()) {
                    if (condition.matchesValue(r)) {
                        return true;
                    }
                }
                return false;
            case RECIPIENT_DOMAIN:
                for (String r : facts.recipients()) {
                    if (condition.matchesValue(Facts.domainOf(r))) {
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }

    private void publish(List<Installed> next) {
        List<List<Installed>> stages = new ArrayList<>();
        for (int i = 0; i < SmtpStage.values().length; i++) {
            stages.add(new ArrayList<>());
        }
        for (Installed i : next) {
            stages.get(i.rule().stage().ordinal()).add(i);
        }
        StageRules[] table = new StageRules[stages.size()];
        for (int i = 0; i < table.length; i++) {
            table[i] = StageRules.of(stages.get(i));
        }
        all = List.copyOf(next);
        byStage = table;
    }

    private static StageRules[] emptyTable() {
        StageRules[] table = new StageRules[SmtpStage.values().length];
        Arrays.fill(table, StageRules.EMPTY);
        return table;
    }
}
