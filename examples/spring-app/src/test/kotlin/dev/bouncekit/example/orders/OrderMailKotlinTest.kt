package dev.bouncekit.example.orders

import dev.bouncekit.junit.RejectRecipient
import dev.bouncekit.junit.assertions.BounceAssertions.assertThat
import dev.bouncekit.receiver.FakeReceiver
import dev.bouncekit.spring.test.AutoConfigureFakeReceiver
import dev.bouncekit.taxonomy.Reason
import org.junit.jupiter.api.Test
import org.springframework.beans.factory.annotation.Autowired
import org.springframework.boot.test.context.SpringBootTest

// tag::kotlin[]
@SpringBootTest(properties = ["orders.mail.retry-delay=1h"])
@AutoConfigureFakeReceiver(
    rejectRecipient = [RejectRecipient(value = "nobody@gmail.com", reply = "gmail/user-unknown")],
)
class OrderMailKotlinTest(
    @Autowired val orderMail: OrderMail,
    @Autowired val receiver: FakeReceiver,
) {

    @Test
    fun `a confirmation to an unknown Gmail user suppresses the address`() {
        val event = orderMail.confirm(Order("K-1", "nobody@gmail.com", "a teapot"))

        assertThat(event.outcome()).isEqualTo(Outcome.BOUNCED)
        assertThat(event.verdict()).hasReason(Reason.USERUNKNOWN).isHard()
        assertThat(receiver).hasRejectedRecipient("nobody@gmail.com", 550, "5.1.1").hasNoReceivedMessages()
    }
}
// end::kotlin[]
