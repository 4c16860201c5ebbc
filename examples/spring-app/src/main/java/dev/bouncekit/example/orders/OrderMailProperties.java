package dev.bouncekit.example.orders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How order mail is sent ({@code orders.mail.*}).
 *
 * @param from        the sender address
 * @param maxAttempts attempts per order before a temporary refusal is given up on
 * @param retryDelay  the time between two rounds of retries
 */
@ConfigurationProperties("orders.mail")
public record OrderMailProperties(@DefaultValue("orders@shop.test") String from,
                                  @DefaultValue("3") int maxAttempts,
                                  @DefaultValue("5m") Duration retryDelay) {
}
