package dev.bouncekit.example.orders;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.taxonomy.Action;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Mails order confirmations the way a careful shop does: never to a suppressed address; a hard
 * bounce suppresses the address; a temporary refusal is retried on a schedule until the message is
 * delivered or {@code orders.mail.max-attempts} is reached; other permanent refusals are reported
 * and not retried. Everything it did is in {@link #record()}.
 */
@Service
public class OrderMail {

    private final JavaMailSender mailSender;
    private final Suppressions suppressions;
    private final OrderMailProperties settings;
    private final BounceClassifier classifier = BounceClassifier.builtIn();
    private final Map<String, Deferred> deferred = new ConcurrentHashMap<>();
    private final List<MailEvent> record = new CopyOnWriteArrayList<>();

    /** An order mailer sending through Spring Boot's {@code JavaMailSender}. */
    public OrderMail(JavaMailSender mailSender, Suppressions suppressions, OrderMailProperties settings) {
        this.mailSender = mailSender;
        this.suppressions = suppressions;
        this.settings = settings;
    }

    private record Deferred(Order order, int attempts) {
    }

    /** Mails the confirmation of an order; returns what became of this first attempt. */
    public MailEvent confirm(Order order) {
        if (suppressions.contains(order.customer())) {
            return log(new MailEvent(order.id(), order.customer(), 0, Outcome.SUPPRESSED, "", null));
        }
        return attempt(order, 1);
    }

    /** Retries the deferred confirmations every {@code orders.mail.retry-delay}. */
    @Scheduled(fixedDelayString = "${orders.mail.retry-delay:5m}", initialDelayString = "${orders.mail.retry-delay:5m}")
    void retryOnSchedule() {
        retryDeferred();
    }

    /** Tries every deferred confirmation once more; returns what became of each. */
    public List<MailEvent> retryDeferred() {
        List<MailEvent> events = new ArrayList<>();
        for (Deferred waiting : List.copyOf(deferred.values())) {
            if (deferred.remove(waiting.order().id(), waiting)) {
                events.add(attempt(waiting.order(), waiting.attempts() + 1));
            }
        }
        return events;
    }

    /** The orders waiting for a retry. */
    public List<Order> deferred() {
        return deferred.values().stream().map(Deferred::order).toList();
    }

    /** Everything this mailer did, oldest first. */
    public List<MailEvent> record() {
        return List.copyOf(record);
    }

    /** What this mailer did for one order, oldest first. */
    public List<MailEvent> record(String orderId) {
        return record.stream().filter(e -> e.orderId().equals(orderId)).toList();
    }

    private MailEvent attempt(Order order, int attempt) {
        try {
            mailSender.send(message(order));
            return log(new MailEvent(order.id(), order.customer(), attempt, Outcome.DELIVERED, "", null));
        } catch (MailSendException e) {
            SmtpRefusal refusal = SmtpRefusal.of(e);
            Classification verdict = classifier.classify(refusal.text(),
                    DeliveryContext.at(refusal.stage()).withRecipient(order.customer()));
            return log(new MailEvent(order.id(), order.customer(), attempt, decide(order, attempt, refusal, verdict),
                    refusal.text(), verdict));
        }
    }

    private Outcome decide(Order order, int attempt, SmtpRefusal refusal, Classification verdict) {
        if (refusal.permanent()) {
            if (verdict.action() == Action.SUPPRESS) {
                suppressions.suppress(order.customer(), verdict);
                return Outcome.BOUNCED;
            }
            return Outcome.FAILED;
        }
        if (attempt >= settings.maxAttempts()) {
            return Outcome.GAVE_UP;
        }
        deferred.put(order.id(), new Deferred(order, attempt));
        return Outcome.DEFERRED;
    }

    private SimpleMailMessage message(Order order) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(order.customer());
        message.setSubject("Your order " + order.id());
        message.setText("Thank you for your order " + order.id() + ": " + order.item() + ".");
        return message;
    }

    private MailEvent log(MailEvent event) {
        record.add(event);
        return event;
    }
}
