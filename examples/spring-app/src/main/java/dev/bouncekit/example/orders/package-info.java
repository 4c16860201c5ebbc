/**
 * An example Spring Boot application: {@link dev.bouncekit.example.orders.OrderMail} mails order
 * confirmations through Spring's {@code JavaMailSender}, suppresses hard bounces with
 * bouncekit's classifier and retries temporary refusals on a schedule.
 */
package dev.bouncekit.example.orders;
