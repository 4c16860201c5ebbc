package dev.bouncekit.receiver.internal;

import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.reply.SmtpStage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The installed rules in order, with how often each has answered. Rules are kept per stage in
 * an immutable snapshot that is swapped on change, so evaluation takes no lock and only looks
 * at the rules of the stage at hand; first match wins.
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

    private final Object writeLock = new Object();
    private volatile List<Installed> all = List.of();
    private volatile Installed[][] byStage = emptyTable();

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
        for (Installed candidate : byStage[stage.ordinal()]) {
            if (matches(candidate.condition(), facts) && candidate.claim()) {
                ReplyRule rule = candidate.rule();
                return new Decision(rule.id(), candidate.lines(), rule.closesConnection(), rule.delay());
            }
        }
        return null;
    }

    private static boolean matches(Condition condition, Facts facts) {
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
        Installed[][] table = new Installed[stages.size()][];
        for (int i = 0; i < table.length; i++) {
            table[i] = stages.get(i).toArray(NONE);
        }
        all = List.copyOf(next);
        byStage = table;
    }

    private static Installed[][] emptyTable() {
        Installed[][] table = new Installed[SmtpStage.values().length][];
        for (int i = 0; i < table.length; i++) {
            table[i] = NONE;
        }
        return table;
    }
}
