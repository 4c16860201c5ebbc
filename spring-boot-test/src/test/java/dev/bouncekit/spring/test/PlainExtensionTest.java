package dev.bouncekit.spring.test;

import dev.bouncekit.spring.test.fixtures.PlainExtensionFixture;
import dev.bouncekit.spring.test.fixtures.RunByTestKitOnly;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * bouncekit-junit's {@code FakeReceiverExtension} on the JUnit of each Boot line (6.0 with Boot 4.0,
 * 5.12 with Boot 3.5): tests sharing a class's receiver each get their turn, and the receiver stops
 * with the class.
 */
class PlainExtensionTest {

    @Test
    void tests_sharing_a_receiver_run_one_after_another_and_it_stops_with_the_class() {
        EngineExecutionResults results = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> EngineTestKit
                .engine("junit-jupiter")
                .configurationParameter(RunByTestKitOnly.PARAMETER, "true")
                .selectors(selectClass(PlainExtensionFixture.class))
                .execute(), "a test waited for ever for the shared receiver");

        results.testEvents().assertStatistics(stats -> stats.succeeded(3).failed(0));
        List<String> ports = results.allEvents().reportingEntryPublished().stream()
                .map(Event::getPayload).flatMap(Optional::stream)
                .map(ReportEntry.class::cast)
                .map(entry -> entry.getKeyValuePairs().get("port"))
                .toList();
        assertThat(ports).hasSize(3).containsOnly(ports.get(0));
        assertThat(listening(Integer.parseInt(ports.get(0)))).as("the receiver still listens after its class").isFalse();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
