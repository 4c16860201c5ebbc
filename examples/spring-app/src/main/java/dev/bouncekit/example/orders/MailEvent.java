package dev.bouncekit.example.orders;

import dev.bouncekit.classify.Classification;

/**
 * One entry of the mail record.
 *
 * @param orderId   the order
 * @param recipient the address mailed
 * @param attempt   the attempt's number, from 1 (0 when nothing was sent)
 * @param outcome   what became of it
 * @param reply     the server's refusal as reported, or empty
 * @param verdict   the classification of the refusal, or null when there was none
 */
public record MailEvent(String orderId, String recipient, int attempt, Outcome outcome, String reply,
                        Classification verdict) {
}
