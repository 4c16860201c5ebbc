package dev.bouncekit.junit.internal;

import dev.bouncekit.junit.fixtures.ManyReceiverParametersFixture;
import dev.bouncekit.junit.fixtures.RunByTestKitOnly;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** The registrations of a test class are read by reflection once, however many {@code FakeReceiver} parameters it has. */
class RegistrationsTest {

    @Test
    void a_class_s_registrations_are_read_once_for_all_its_receiver_parameters() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter(RunByTestKitOnly.PARAMETER, "true")
                .selectors(selectClass(ManyReceiverParametersFixture.class))
                .execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(8).failed(0));

        assertThat(Registrations.reads(ManyReceiverParametersFixture.class)).isEqualTo(1);
        assertThat(Registrations.reads(ManyReceiverParametersFixture.Inner.class)).isEqualTo(1);
    }
}
