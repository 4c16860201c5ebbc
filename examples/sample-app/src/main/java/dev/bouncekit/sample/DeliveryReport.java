package dev.bouncekit.sample;

import dev.bouncekit.classify.Classification;

import java.util.List;
import java.util.Map;

/**
 * What became of each recipient of one {@link Email}.
 *
 * @param delivered  accepted by the server
 * @param skipped    not sent: on the suppression list
 * @param bounced    refused permanently, with the classification of the reply
 * @param deferred   still refused temporarily after the last attempt
 * @param attempts   how many SMTP sessions the delivery took
 */
public record DeliveryReport(List<String> delivered, List<String> skipped, Map<String, Classification> bounced,
                             Map<String, Classification> deferred, int attempts) {

    public DeliveryReport {
        delivered = List.copyOf(delivered);
        skipped = List.copyOf(skipped);
        bounced = Map.copyOf(bounced);
        deferred = Map.copyOf(deferred);
    }
}
