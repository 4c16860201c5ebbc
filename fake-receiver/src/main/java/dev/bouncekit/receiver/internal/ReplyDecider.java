package dev.bouncekit.receiver.internal;

import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.receiver.MagicAddresses;
import dev.bouncekit.reply.SmtpStage;

import java.time.Duration;
import java.util.Optional;

/**
 * Chooses the answer to a command: the first installed rule that matches, else a magic address
 * (see {@link MagicAddresses} for the scheme), else null for "answer as usual".
 */
final class ReplyDecider {

    private final RuleBook rules;
    private volatile boolean magicAddresses;
    private volatile boolean realAddresses;

    ReplyDecider(RuleBook rules, boolean magicAddresses) {
        this.rules = rules;
        this.magicAddresses = magicAddresses;
    }

    void magicAddresses(boolean enabled) {
        this.magicAddresses = enabled;
    }

    boolean magicAddresses() {
        return magicAddresses;
    }

    /** Whether catalog replies name the session's addresses instead of the catalog's examples. */
    void realAddresses(boolean enabled) {
        this.realAddresses = enabled;
    }

    Decision decide(SmtpStage stage, Facts facts) {
        Decision byRule = rules.firstMatch(stage, facts);
        Decision decision = byRule != null || !magicAddresses ? byRule : magic(stage, facts);
        return decision == null || decision.catalogId() == null || !realAddresses ? decision
                : decision.withLines(ReplyAddresses.fill(decision.lines(), stage, facts));
    }

    private static Decision magic(SmtpStage stage, Facts facts) {
        switch (stage) {
            case EHLO:
                return answer(MagicAddresses.entryFor(facts.helo()), SmtpStage.EHLO);
            case MAIL:
                return answer(MagicAddresses.entryFor(facts.sender()), SmtpStage.MAIL);
            case RCPT:
                return facts.recipients().isEmpty() ? null
                        : answer(MagicAddresses.entryFor(facts.recipients().get(0)), SmtpStage.RCPT);
            case DATA:
                for (String recipient : facts.recipients()) {
                    Optional<CatalogEntry> entry = MagicAddresses.entryFor(recipient);
                    if (entry.isPresent() && entry.get().stage() == SmtpStage.DATA) {
                        return of(entry.get());
                    }
                }
                return null;
            default:
                return null;
        }
    }

    /** The entry's reply when the entry's stage is at or before {@code latest}. */
    private static Decision answer(Optional<CatalogEntry> entry, SmtpStage latest) {
        if (entry.isEmpty() || entry.get().stage().compareTo(latest) > 0) {
            return null;
        }
        return of(entry.get());
    }

    private static Decision of(CatalogEntry entry) {
        return new Decision("magic:" + entry.id(), entry.id(), entry.lines(), false, Duration.ZERO);
    }
}
