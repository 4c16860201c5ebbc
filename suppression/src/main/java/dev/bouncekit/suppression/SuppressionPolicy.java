package dev.bouncekit.suppression;

import dev.bouncekit.taxonomy.Action;
import dev.bouncekit.taxonomy.Owner;
import dev.bouncekit.taxonomy.Reason;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Which bounces suppress an address, after how many, and for how long. Built on core's taxonomy:
 * <ul>
 *   <li>only reasons owned by the recipient count ({@link Owner#RECIPIENT}); a refusal of the
 *       sender (a block list, authentication), of the message (spam, size) or a transient failure
 *       never suppresses anybody and is not even stored;</li>
 *   <li>reasons whose action is {@link Action#SUPPRESS} ({@code userunknown}, {@code hostunknown},
 *       {@code hasmoved}, {@code notaccept}, {@code suppressed}) suppress at the first bounce and
 *       never expire;</li>
 *   <li>reasons whose action is {@link Action#RETRY_THEN_SUPPRESS} ({@code mailboxfull},
 *       {@code suspend}, {@code filtered}, {@code mailererror}) suppress after
 *       {@value #DEFAULT_SOFT_COUNT} bounces within {@link #DEFAULT_SOFT_WINDOW} and expire after
 *       {@link #DEFAULT_SOFT_EXPIRY}.</li>
 * </ul>
 * Each can be changed per reason. Immutable.
 */
public final class SuppressionPolicy {

    /** Soft bounces that suppress, by default. */
    public static final int DEFAULT_SOFT_COUNT = 3;
    /** The window in which they must fall, by default. */
    public static final Duration DEFAULT_SOFT_WINDOW = Duration.ofDays(7);
    /** How long a soft suppression lasts, by default. */
    public static final Duration DEFAULT_SOFT_EXPIRY = Duration.ofDays(30);

    /** How many bounces of a reason within which window suppress, and for how long (null: for ever). */
    private record Rule(int count, Duration window, Duration expiry) {
    }

    private final Map<Reason, Rule> rules;

    private SuppressionPolicy(Map<Reason, Rule> rules) {
        this.rules = rules;
    }

    /** The policy described above. */
    public static SuppressionPolicy defaults() {
        Map<Reason, Rule> rules = new EnumMap<>(Reason.class);
        for (Reason reason : Reason.values()) {
            if (reason.owner() != Owner.RECIPIENT) {
                continue;
            }
            if (reason.action() == Action.SUPPRESS) {
                rules.put(reason, new Rule(1, Duration.ZERO, null));
            } else if (reason.action() == Action.RETRY_THEN_SUPPRESS) {
                rules.put(reason, new Rule(DEFAULT_SOFT_COUNT, DEFAULT_SOFT_WINDOW, DEFAULT_SOFT_EXPIRY));
            }
        }
        return new SuppressionPolicy(rules);
    }

    /**
     * This policy with {@code reason} suppressing after {@code count} bounces within {@code window}.
     *
     * @throws IllegalArgumentException when the reason is not the recipient's, or count or window is not positive,
     *                                  or the window is longer than {@link DurationText#MAX}
     */
    public SuppressionPolicy suppressAfter(Reason reason, int count, Duration window) {
        requireRecipientReason(reason);
        if (count < 1) {
            throw new IllegalArgumentException(reason.id() + ": the count must be at least 1, not " + count);
        }
        if (count > 1 && (window == null || window.isNegative() || window.isZero() || window.compareTo(DurationText.MAX) > 0)) {
            throw new IllegalArgumentException(reason.id() + ": the window must be positive and at most "
                    + DurationText.MAX.toDays() + "d (100 years)");
        }
        Map<Reason, Rule> copy = new EnumMap<>(rules);
        Rule old = rules.get(reason);
        copy.put(reason, new Rule(count, count == 1 ? Duration.ZERO : window, old == null ? null : old.expiry()));
        return new SuppressionPolicy(copy);
    }

    /**
     * This policy with suppressions for {@code reason} ending after {@code expiry}; null for never.
     *
     * @throws IllegalArgumentException when the reason is not the recipient's or the expiry is not positive
     *                                  or longer than {@link DurationText#MAX}
     */
    public SuppressionPolicy expireAfter(Reason reason, Duration expiry) {
        requireRecipientReason(reason);
        if (expiry != null && (expiry.isNegative() || expiry.isZero() || expiry.compareTo(DurationText.MAX) > 0)) {
            throw new IllegalArgumentException(reason.id() + ": the expiry must be positive and at most "
                    + DurationText.MAX.toDays() + "d (100 years), or 'never'");
        }
        Map<Reason, Rule> copy = new EnumMap<>(rules);
        Rule old = rules.get(reason);
        copy.put(reason, old == null ? new Rule(1, Duration.ZERO, expiry) : new Rule(old.count(), old.window(), expiry));
        return new SuppressionPolicy(copy);
    }

    /**
     * The defaults changed by two settings, as the mailet's init parameters give them (null or
     * blank: no change). {@code suppressAfter}: {@code reason=COUNT/WINDOW,...}, e.g.
     * {@code mailboxfull=3/7d,suspend=2/1d}; {@code expiry}: {@code reason=DURATION|never,...}, e.g.
     * {@code mailboxfull=30d,userunknown=never}. Durations: {@code 90s}, {@code 10m}, {@code 12h},
     * {@code 7d}, or ISO-8601 ({@code PT10M}).
     *
     * @throws IllegalArgumentException naming the bad entry and what is accepted
     */
    public static SuppressionPolicy parse(String suppressAfter, String expiry) {
        SuppressionPolicy policy = defaults();
        Map<Reason, String> given = new EnumMap<>(Reason.class);
        for (String[] entry : entries("suppressAfter", suppressAfter)) {
            Reason reason = once("suppressAfter", given, entry);
            String[] countWindow = entry[1].split("/", -1);
            int count;
            try {
                count = Integer.parseInt(countWindow[0].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("suppressAfter: '" + entry[0] + "=" + entry[1]
                        + "': expected reason=COUNT/WINDOW, e.g. mailboxfull=3/7d");
            }
            Duration window = countWindow.length > 1 ? DurationText.parse("suppressAfter", countWindow[1]) : null;
            if (countWindow.length > 2 || (count > 1 && window == null)) {
                throw new IllegalArgumentException("suppressAfter: '" + entry[0] + "=" + entry[1]
                        + "': expected reason=COUNT/WINDOW, e.g. mailboxfull=3/7d (a count of 1 needs no window)");
            }
            policy = named("suppressAfter", policy, p -> p.suppressAfter(reason, count, window));
        }
        given.clear();
        for (String[] entry : entries("expiry", expiry)) {
            Reason reason = once("expiry", given, entry);
            String value = entry[1].trim();
            Duration duration = value.equalsIgnoreCase("never") ? null : DurationText.parse("expiry", value);
            policy = named("expiry", policy, p -> p.expireAfter(reason, duration));
        }
        return policy;
    }

    /** Whether bounces of {@code reason} are recorded at all. */
    public boolean counts(Reason reason) {
        return rules.containsKey(reason);
    }

    /** How long a suppression for {@code reason} lasts; empty for never or when the reason does not count. */
    public Optional<Duration> expiry(Reason reason) {
        return Optional.ofNullable(rules.get(reason)).map(Rule::expiry);
    }

    /** How many bounces of {@code reason} suppress; 0 when the reason does not count. */
    public int count(Reason reason) {
        Rule rule = rules.get(reason);
        return rule == null ? 0 : rule.count();
    }

    /**
     * The entry of the address after {@code bounce}, given its entry before ({@code existing}, null
     * when none): counts the bounce, starts a new window when the old one is over, and suppresses
     * when the window holds enough bounces of this reason. An address suppressed already stays so,
     * with its reason and expiry; a reason that suppresses for longer replaces them. An expired
     * suppression is watched again, its window restarted.
     *
     * @return empty when the policy ignores the bounce's reason
     */
    public Optional<Suppression> next(Suppression existing, Bounce bounce) {
        Rule rule = rules.get(bounce.reason());
        if (rule == null) {
            return Optional.empty();
        }
        Instant now = bounce.at();
        boolean active = existing != null && existing.isActive(now);
        Instant firstSeen = existing == null ? now : min(existing.firstSeen(), now);
        Instant lastSeen = existing == null ? now : max(existing.lastSeen(), now);
        long count = existing == null ? 1 : existing.count() + 1;
        boolean sameWindow = existing != null && existing.suppressedAt() == null || active;
        sameWindow = sameWindow && rule.count() > 1 && !now.isAfter(existing.windowStart().plus(rule.window()));
        Instant windowStart = sameWindow ? existing.windowStart() : now;
        long windowCount = sameWindow ? existing.windowCount() + 1 : 1;
        Instant expiresAt = rule.expiry() == null ? null : now.plus(rule.expiry());

        if (active) {
            boolean longer = existing.expiresAt() != null && windowCount >= rule.count()
                    && (expiresAt == null || expiresAt.isAfter(existing.expiresAt()));
            return Optional.of(new Suppression(existing.address(), longer ? bounce.reason().id() : existing.reason(),
                    bounce.provider(), bounce.status(), firstSeen, lastSeen, count, windowStart, windowCount,
                    existing.suppressedAt(), longer ? expiresAt : existing.expiresAt()));
        }
        boolean suppress = windowCount >= rule.count();
        return Optional.of(new Suppression(bounce.address(), bounce.reason().id(), bounce.provider(), bounce.status(),
                firstSeen, lastSeen, count, windowStart, windowCount,
                suppress ? now : null, suppress ? expiresAt : null));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static void requireRecipientReason(Reason reason) {
        if (reason.owner() != Owner.RECIPIENT) {
            throw new IllegalArgumentException("reason '" + reason.id() + "' is owned by the " + reason.owner().id()
                    + ", not the recipient: it never suppresses an address; reasons that can: "
                    + Arrays.stream(Reason.values()).filter(r -> r.owner() == Owner.RECIPIENT).map(Reason::id)
                    .collect(Collectors.joining(", ")));
        }
    }

    private static Reason reasonOf(String parameter, String id) {
        try {
            return Reason.fromId(id.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(parameter + ": " + e.getMessage(), e);
        }
    }

    /** {@code change} applied to {@code policy}, its refusal naming the setting it comes from. */
    private static SuppressionPolicy named(String parameter, SuppressionPolicy policy,
            UnaryOperator<SuppressionPolicy> change) {
        try {
            return change.apply(policy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(parameter + ": " + e.getMessage(), e);
        }
    }

    /** The reason of {@code entry}, refused when {@code given} holds it already: the last would win silently. */
    private static Reason once(String parameter, Map<Reason, String> given, String[] entry) {
        Reason reason = reasonOf(parameter, entry[0]);
        String earlier = given.putIfAbsent(reason, entry[2]);
        if (earlier != null) {
            throw new IllegalArgumentException(parameter + ": " + reason.id() + " is given twice ('" + earlier + "' and '"
                    + entry[2] + "'); give each reason once");
        }
        return reason;
    }

    private static Iterable<String[]> entries(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String[]> entries = new ArrayList<>();
        for (String item : text.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(parameter + ": '" + item.trim() + "' has no '='; expected reason=VALUE,...");
            }
            if (item.indexOf('=', eq + 1) >= 0) {
                // "mailboxfull=3/7d;suspend=3/7d" or "... suspend=3/7d": two entries run together
                throw new IllegalArgumentException(parameter + ": '" + item.trim()
                        + "' holds more than one '='; separate entries with ',': reason=VALUE,reason=VALUE");
            }
            entries.add(new String[] {item.substring(0, eq).trim().toLowerCase(Locale.ROOT), item.substring(eq + 1).trim(), item.trim()});
        }
        return entries;
    }

    @Override
    public String toString() {
        return rules.entrySet().stream().map(e -> e.getKey().id() + "=" + e.getValue().count() + "/" + e.getValue().window()
                + " expiry " + (e.getValue().expiry() == null ? "never" : e.getValue().expiry()))
                .collect(Collectors.joining(", ", "SuppressionPolicy[", "]"));
    }
}
