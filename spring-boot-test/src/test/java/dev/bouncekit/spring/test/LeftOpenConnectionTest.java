package dev.bouncekit.spring.test;

import dev.bouncekit.receiver.FakeReceiver;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.javamail.JavaMailSender;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;

/**
 * A connection that a test leaves open in the middle of a message (a sender still at work when its
 * test ends) is closed before the next test: none of its mail reaches that test.
 */
@SpringBootTest(classes = MailTestApplication.class)
@AutoConfigureFakeReceiver
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeftOpenConnectionTest {

    private static Socket abandoned;

    @Autowired
    FakeReceiver receiver;

    @Autowired
    JavaMailSender mailSender;

    @Test
    @Order(1)
    void a_test_ends_in_the_middle_of_a_message() throws IOException {
        abandoned = new Socket(receiver.host(), receiver.smtpPort());
        BufferedReader in = new BufferedReader(new InputStreamReader(abandoned.getInputStream(), StandardCharsets.US_ASCII));
        in.readLine();
        for (String command : new String[] {"HELO client.test", "MAIL FROM:<shop@shop.test>", "RCPT TO:<old@example.com>",
                "DATA"}) {
            abandoned.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            in.readLine();
        }
    }

    @Test
    @Order(2)
    void the_next_test_gets_none_of_its_mail() throws Exception {
        // The old connection ends its message: a receiver that still served it would store it and say 250.
        try (Socket old = abandoned) {
            assertThat(endMessage(old)).as("the old connection's answer to the end of its message").isNull();
        }
        assertThat(Mail.send(mailSender, "new@example.com", "New")).isNull();

        assertThat(receiver).hasReceivedMessages(1).hasReceivedMessageTo("new@example.com", "New");
        assertThat(receiver.transcript()).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(1));
    }

    /** Sends the end of the message on {@code socket} and reads the answer: null when the receiver closed it. */
    private static String endMessage(Socket socket) throws IOException {
        try {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("Subject: old\r\n\r\nold\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the receiver neither answered nor closed the old connection", e);
        } catch (IOException closed) {
            return null;   // the receiver closed it
        }
    }
}
