package dev.bouncekit.sample;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.taxonomy.Action;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends email the way a careful application does: never to suppressed addresses; a recipient that
 * bounces hard (the classifier says {@link Action#SUPPRESS}) is suppressed; a temporary (4xx)
 * refusal is retried by the {@link RetryPolicy}; other permanent refusals are reported, not
 * retried.
 */
public final class Mailer {

    private final SmtpAttempt smtp;
    private final SuppressionList suppressions;
    private final RetryPolicy retries;
    private final BounceClassifier classifier = BounceClassifier.builtIn();

    /** A mailer sending through {@code settings}. */
    public Mailer(SmtpSettings settings, SuppressionList suppressions, RetryPolicy retries) {
        this.smtp = new SmtpAttempt(settings);
        this.suppressions = suppressions;
        this.retries = retries;
    }

    /** Sends the email; returns what became of each recipient. */
    public DeliveryReport send(Email email) {
        List<String> delivered = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, Classification> bounced = new LinkedHashMap<>();
        Map<String, Classification> deferred = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>();
        for (String to : email.to()) {
            (suppressions.contains(to) ? skipped : pending).add(to);
        }
        int attempts = 0;
        while (!pending.isEmpty() && attempts < retries.maxAttempts()) {
            if (attempts > 0) {
                pause(retries.backoff());
            }
            attempts++;
            SmtpAttempt.Result result = smtp.send(email, pending);
            delivered.addAll(result.delivered());
            pending = new ArrayList<>();
            deferred.clear();
            for (Failure failure : result.failures().values()) {
                Classification verdict = classifier.classify(failure.text(),
                        DeliveryContext.at(failure.stage()).withRecipient(failure.address()));
                if (failure.permanent()) {
                    bounced.put(failure.address(), verdict);
                    if (verdict.action() == Action.SUPPRESS) {
                        suppressions.suppress(failure.address(), verdict);
                    }
                } else {
                    pending.add(failure.address());
                    deferred.put(failure.address(), verdict);
                }
            }
        }
        return new DeliveryReport(delivered, skipped, bounced, deferred, attempts);
    }

    private static void pause(Duration backoff) {
        if (backoff.isZero()) {
            return;
        }
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
