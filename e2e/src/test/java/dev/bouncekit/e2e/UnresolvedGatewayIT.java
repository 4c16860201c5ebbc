package dev.bouncekit.e2e;

import dev.bouncekit.receiver.FakeReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.bouncekit.e2e.JamesRelay.CLASSIFIED;
import static dev.bouncekit.e2e.JamesRelay.HARD_BOUNCES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A RemoteDelivery {@code gateway} whose name does not resolve: James names the recipient's domain in
 * its text, with no SMTP reply, and the bounce is classified a hard host unknown of a good address.
 * A limit of RemoteDelivery that docs/james.md tells operators about; pinned here.
 */
@ExtendWith(RelayExtension.class)
class UnresolvedGatewayIT {

    @Test
    void an_unresolved_gateway_bounces_a_good_address_as_a_hard_host_unknown_naming_the_recipient_domain(FakeReceiver receiver, JamesRelay james)
            throws Exception {
        Submission.send(james.smtpPort(), "gateway.sender@sender.test", List.of("reader@unresolved-gateway.test"), "via nowhere");

        StoredMail bounce = james.awaitMail(CLASSIFIED, "reader@unresolved-gateway.test");
        assertThat(bounce.deliveryError()).isEqualTo("There are no DNS entries for the hostname Domain : unresolved-gateway.test."
                + "  I cannot determine where to send this message.");
        assertThat(bounce.reason()).isEqualTo("hostunknown");
        assertThat(bounce.hard()).isTrue();
        assertThat(james.awaitMail(HARD_BOUNCES, "reader@unresolved-gateway.test").recipients())
                .containsExactly("reader@unresolved-gateway.test");
        assertThat(receiver.transcript()).isEmpty();
    }
}
