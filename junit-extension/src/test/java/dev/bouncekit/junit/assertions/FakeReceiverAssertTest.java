package dev.bouncekit.junit.assertions;

import dev.bouncekit.junit.FakeReceiverExtension;
import dev.bouncekit.junit.Greylist;
import dev.bouncekit.junit.RejectRecipient;
import dev.bouncekit.junit.RejectSender;
import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.MagicAddresses;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;
import static dev.bouncekit.junit.assertions.BounceAssertions.assertThatThrownBy;
import static dev.bouncekit.junit.assertions.BounceAssertions.withPercentage;

/** {@link FakeReceiverAssert}: every check passing and failing, with the failure messages. */
@ExtendWith(FakeReceiverExtension.class)
@RejectRecipient(value = "ghost@gmail.com", reply = "gmail/user-unknown")
@RejectRecipient(value = "full@example.com", reply = "generic/mailbox-full-temporary")
@RejectSender(value = "*@spammy.test", reply = "generic/blocked-by-policy")
class FakeReceiverAssertTest {

    @Nested
    class Refused_recipients {

        @Test
        void should_pass_when_the_recipient_was_refused_as_expected(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "ghost@gmail.com", "alice@example.com");

            assertThat(receiver)
                    .hasRejectedRecipient("ghost@gmail.com")
                    .hasRejectedRecipient("GHOST@gmail.com", 550)
                    .hasRejectedRecipient("ghost@gmail.com", 550, "5.1.1")
                    .hasRejectedRecipient("ghost@gmail.com", Reason.USERUNKNOWN)
                    .hasAcceptedRecipient("alice@example.com");
        }

        @Test
        void should_pass_when_the_message_to_the_recipient_was_refused_after_data(FakeReceiver receiver) {
            String spamTrap = MagicAddresses.address("proofpoint/spam-content");
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi", spamTrap);

            assertThat(receiver).hasAcceptedRecipient(spamTrap)
                    .hasRejectedRecipient(spamTrap, 550, "5.7.1")
                    .hasRejectedRecipient(spamTrap, Reason.SPAMDETECTED);
        }

        @Test
        void should_fail_when_the_recipient_was_accepted(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "alice@example.com");

            assertThatThrownBy(() -> assertThat(receiver).hasRejectedRecipient("alice@example.com"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the receiver to have refused recipient\n  <alice@example.com>\nbut it was:\n"
                            + "  accepted with 250:\n"
                            + "    [connection 1 #3] C: RCPT TO:<alice@example.com>\n"
                            + "                      S: 250 OK");
        }

        @Test
        void should_fail_when_the_recipient_was_refused_with_another_reply(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "full@example.com");

            assertThatThrownBy(() -> assertThat(receiver).hasRejectedRecipient("full@example.com", 550, "5.2.2"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("with code 550 and enhanced status 5.2.2\nbut it was:\n"
                            + "  refused with 452 4.2.2, reason mailboxfull:\n")
                    .hasMessageContaining("C: RCPT TO:<full@example.com>")
                    .hasMessageContaining("S: 452 4.2.2 <ghost@example.org>: Mailbox full")
                    .hasMessageContaining("(rule RCPT recipient=full@example.com -> generic/mailbox-full-temporary)");
        }

        @Test
        void should_fail_when_the_recipient_was_refused_for_another_reason(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "ghost@gmail.com");

            assertThatThrownBy(() -> assertThat(receiver).hasRejectedRecipient("ghost@gmail.com", Reason.MAILBOXFULL))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("with reason mailboxfull\nbut it was:\n  refused with 550 5.1.1, reason userunknown:");
        }

        @Test
        void should_fail_with_near_misses_when_no_rcpt_named_the_recipient(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "zed@example.net", "ghost@gmial.com", "bob@example.com");

            assertThatThrownBy(() -> assertThat(receiver).hasRejectedRecipient("ghost@gmail.com"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("but no RCPT TO named it; near misses, the closest tried:\n"
                            + "  [connection 1 #4] C: RCPT TO:<ghost@gmial.com>\n");
        }

        @Test
        void should_fail_when_no_rcpt_was_received_at_all(FakeReceiver receiver) {
            assertThatThrownBy(() -> assertThat(receiver).hasRejectedRecipient("ghost@gmail.com"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("but no RCPT TO was received at all (0 connection(s)).");
        }

        @Test
        void should_fail_when_the_recipient_was_never_accepted(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "ghost@gmail.com");

            assertThatThrownBy(() -> assertThat(receiver).hasAcceptedRecipient("ghost@gmail.com"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the receiver to have accepted recipient\n  <ghost@gmail.com>\n"
                            + "but it was:\n  refused with 550 5.1.1, reason userunknown:");
        }

        @Test
        void should_show_the_description_when_failing(FakeReceiver receiver) {
            assertThatThrownBy(() -> assertThat(receiver).as("signup mail").hasRejectedRecipient("ghost@gmail.com"))
                    .hasMessageStartingWith("[signup mail] \nExpecting the receiver to have refused recipient");
        }
    }

    /**
     * An address written as on the wire, {@code <alice@example.com>} (as rules take it), was looked for
     * with its brackets: refusals and attempts were never found, and {@code hasNotReceivedMessageTo}
     * passed although the message was there. It is the address inside.
     */
    /**
     * A code or enhanced status that no refusal has (250, "X.1.1", "2.0.0") made an assertion that could
     * never pass, and a status with a space after it ("5.1.1 ") failed against the very reply asked for,
     * with a message showing "550 5.1.1". Such arguments are refused at once; white space is ignored.
     */
    @Nested
    class Expected_codes {

        @Test
        void should_ignore_white_space_around_the_enhanced_status(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "ghost@gmail.com");

            assertThat(receiver).hasRejectedRecipient("ghost@gmail.com", 550, " 5.1.1 ");
        }

        @Test
        void should_refuse_a_code_or_status_that_no_refusal_has(FakeReceiver receiver) {
            assertThatThrownBy(() -> assertThat(receiver).hasRejectedRecipient("ghost@gmail.com", 250))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("code must be that of a refusal, 4xx or 5xx, not 250");
            assertThatThrownBy(() -> assertThat(receiver).hasRejectedSender("app@spammy.test", 55))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("code must be that of a refusal, 4xx or 5xx, not 55");
            assertThatThrownBy(() -> assertThat(receiver).hasRejectedRecipient("ghost@gmail.com", 550, "X.1.1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not an enhanced status code (class.subject.detail, e.g. 5.1.1): 'X.1.1'");
            assertThatThrownBy(() -> assertThat(receiver).hasRejectedRecipient("ghost@gmail.com", 550, "2.0.0"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("enhanced status must be that of a refusal, 4.x.x or 5.x.x, not 2.0.0");
        }
    }

    @Nested
    class Addresses_in_angle_brackets {

        @Test
        void should_be_the_address_inside(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "ghost@gmail.com", "alice@example.com");

            assertThat(receiver)
                    .hasRejectedRecipient("<ghost@gmail.com>", 550, "5.1.1")
                    .hasTriedRecipientExactly("<ghost@gmail.com>", 1)
                    .hasAcceptedRecipient("<alice@example.com>")
                    .hasReceivedMessageTo("<alice@example.com>", "Hi")
                    .hasNotReceivedMessageTo("<ghost@gmail.com>");
        }

        @Test
        void should_fail_not_received_for_a_recipient_that_got_the_message(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "alice@example.com");

            assertThatThrownBy(() -> assertThat(receiver).hasNotReceivedMessageTo("<alice@example.com>"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the receiver to have stored no message to <alice@example.com> but it stored:");
            assertThatThrownBy(() -> assertThat(receiver).hasRejectedSender("<app@sender.test>"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("refused sender\n  <app@sender.test>\nbut it was:\n  accepted with 250");
        }
    }

    @Nested
    class Attempts_per_recipient {

        @Test
        void should_pass_when_the_recipient_was_tried_as_often_as_expected(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "full@example.com", "alice@example.com");
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "FULL@example.com");
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "full@example.com");

            assertThat(receiver)
                    .hasTriedRecipientExactly("full@example.com", 3)
                    .hasTriedRecipientAtMost("full@example.com", 3)
                    .hasTriedRecipientAtLeast("full@example.com", 2)
                    .hasTriedRecipientExactly("alice@example.com", 1)
                    .hasTriedRecipientExactly("nobody@example.com", 0)
                    .hasTriedRecipientAtMost("nobody@example.com", 0);
        }

        @Test
        void should_fail_listing_every_attempt_when_tried_more_often(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "ghost@gmail.com");
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi again", "ghost@gmail.com");

            assertThatThrownBy(() -> assertThat(receiver).hasTriedRecipientAtMost("ghost@gmail.com", 1))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting recipient\n  <ghost@gmail.com>\nto have been tried at most once"
                            + " (RCPT TO naming it)\nbut it was tried 2 times:\n"
                            + "  [connection 1 #3] C: RCPT TO:<ghost@gmail.com>\n")
                    .hasMessageContaining("  [connection 2 #3] C: RCPT TO:<ghost@gmail.com>\n");
            assertThatThrownBy(() -> assertThat(receiver).hasTriedRecipientExactly("ghost@gmail.com", 3))
                    .hasMessageContaining("to have been tried exactly 3 times (RCPT TO naming it)\nbut it was tried 2 times:");
        }

        @Test
        void should_fail_with_near_misses_when_never_tried(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "ghost@gmial.com");

            assertThatThrownBy(() -> assertThat(receiver).hasTriedRecipientAtLeast("ghost@gmail.com", 1))
                    .hasMessageContaining("to have been tried at least once (RCPT TO naming it)\nbut it was tried 0 times\n"
                            + "near misses, the closest tried:\n  [connection 1 #3] C: RCPT TO:<ghost@gmial.com>");
        }

        @Test
        void should_wait_for_a_sender_that_retries_in_the_background(FakeReceiver receiver) throws Exception {
            CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
                SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "full@example.com");
                SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "full@example.com");
            });

            assertThat(receiver).within(Duration.ofSeconds(10)).hasTriedRecipientExactly("full@example.com", 2);
            later.get();
        }
    }

    @Nested
    class Failures_point_at_the_test {

        @Test
        void the_first_frame_of_a_failure_is_the_line_of_the_test(FakeReceiver receiver) {
            // called directly, as tests do: inside a lambda the lambda's frame would come first anyway
            StackTraceElement receiverTop = null;
            try {
                assertThat(receiver).hasRejectedRecipient("ghost@gmail.com");
            } catch (AssertionError e) {
                receiverTop = e.getStackTrace()[0];
            }
            StackTraceElement classificationTop = null;
            try {
                assertThat(dev.bouncekit.classify.BounceClassifier.builtIn().classify("550 5.1.1 User unknown"))
                        .hasReason(Reason.MAILBOXFULL);
            } catch (AssertionError e) {
                classificationTop = e.getStackTrace()[0];
            }

            assertThat(receiverTop).isNotNull().extracting(StackTraceElement::getClassName)
                    .isEqualTo(Failures_point_at_the_test.class.getName());
            assertThat(classificationTop).isNotNull().extracting(StackTraceElement::getClassName)
                    .isEqualTo(Failures_point_at_the_test.class.getName());
        }

        @Test
        void with_percentage_comes_with_the_one_import() {
            assertThat(withPercentage(2)).isEqualTo(org.assertj.core.data.Percentage.withPercentage(2));
        }
    }

    @Nested
    class Refused_senders {

        @Test
        void should_pass_when_the_sender_was_refused(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "news@spammy.test", "Hi", "alice@example.com");

            assertThat(receiver).hasRejectedSender("news@spammy.test")
                    .hasRejectedSender("news@spammy.test", 550)
                    .hasRejectedSender("news@spammy.test", 550, "5.7.1")
                    .hasRejectedSender("news@spammy.test", Reason.BLOCKED);
        }

        @Test
        void should_fail_when_the_sender_was_accepted(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "alice@example.com");

            assertThatThrownBy(() -> assertThat(receiver).hasRejectedSender("app@sender.test"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the receiver to have refused sender\n  <app@sender.test>\nbut it was:\n"
                            + "  accepted with 250:\n    [connection 1 #2] C: MAIL FROM:<app@sender.test>");
        }
    }

    @Nested
    class Stored_messages {

        @Test
        void should_pass_when_the_expected_messages_were_stored(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "Welcome", "alice@example.com");

            assertThat(receiver).hasReceivedMessages(1)
                    .hasReceivedMessageTo("alice@example.com")
                    .hasReceivedMessageTo("Alice@Example.com", "Welcome")
                    .hasReceivedMessageWithSubject("Welcome")
                    .hasReceivedMessageWithBodyContaining("Hello from the test.")
                    .hasNotReceivedMessageTo("bob@example.com");
        }

        @Test
        void should_fail_when_no_message_went_to_the_recipient_showing_what_was_stored_and_refused(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "Welcome", "ghost@gmail.com", "alice@example.com");

            assertThatThrownBy(() -> assertThat(receiver).hasReceivedMessageTo("ghost@gmail.com", "Welcome"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the receiver to have stored a message\n"
                            + "  to <ghost@gmail.com> with subject \"Welcome\"\n"
                            + "but it stored (closest first):\n"
                            + "  #1 from <app@sender.test> to [<alice@example.com>] subject \"Welcome\" (connection 1)\n"
                            + "and <ghost@gmail.com> was refused:\n"
                            + "  [connection 1 #3] C: RCPT TO:<ghost@gmail.com>\n");
        }

        @Test
        void should_fail_when_no_message_has_the_subject(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "Welcome", "alice@example.com");

            assertThatThrownBy(() -> assertThat(receiver).hasReceivedMessageWithSubject("Goodbye"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("with subject \"Goodbye\"\nbut it stored:\n  #1 from <app@sender.test>");
        }

        @Test
        void should_fail_when_no_text_contains_the_words(FakeReceiver receiver) {
            assertThatThrownBy(() -> assertThat(receiver).hasReceivedMessageWithBodyContaining("unsubscribe"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("whose text contains \"unsubscribe\"\nbut it stored none\nand no client connected.");
        }

        @Test
        void should_fail_when_nothing_was_stored_saying_what_the_receiver_saw_instead(FakeReceiver receiver) {
            assertThatThrownBy(() -> assertThat(receiver).hasReceivedMessages(1))
                    .message().isEqualTo("\nExpecting the receiver to have stored 1 message(s) but it stored 0\n"
                            + "and no client connected.");

            try (SmtpDialog dialog = SmtpDialog.open(receiver)) {
                dialog.command("MAIL FROM:<app@sender.test>");
            }
            assertThatThrownBy(() -> assertThat(receiver).hasReceivedMessages(1))
                    .hasMessageContaining("but it stored 0\nand saw 1 connection(s):\n  connection 1 from 127.0.0.1:")
                    .hasMessageContaining("\n    C: MAIL FROM:<app@sender.test>\n    S: 250 OK\n");
            assertThatThrownBy(() -> assertThat(receiver).hasReceivedMessageTo("alice@example.com"))
                    .hasMessageContaining("  to <alice@example.com>\nbut it stored none\nand saw 1 connection(s):\n"
                            + "  connection 1 from 127.0.0.1:");

            receiver.addRule(ReplyRule.when(Condition.sender("app@sender.test")).at(SmtpStage.MAIL).reply("generic/blocked-by-policy"));
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "alice@example.com");
            assertThatThrownBy(() -> assertThat(receiver).hasReceivedMessageTo("alice@example.com"))
                    .hasMessageContaining("  to <alice@example.com>\nbut it stored none\nand refused:\n"
                            + "  [connection 2 #2] C: MAIL FROM:<app@sender.test>\n");
        }

        @Test
        void should_fail_when_the_count_differs(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "One", "alice@example.com", "ghost@gmail.com");

            assertThatThrownBy(() -> assertThat(receiver).hasReceivedMessages(2))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the receiver to have stored 2 message(s) but it stored 1:\n"
                            + "  #1 from <app@sender.test> to [<alice@example.com>] subject \"One\" (connection 1)\n"
                            + "and refused:\n  [connection 1 #4] C: RCPT TO:<ghost@gmail.com>");
        }

        @Test
        void should_fail_when_a_message_went_where_none_should(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "One", "alice@example.com");

            assertThatThrownBy(() -> assertThat(receiver).hasNotReceivedMessageTo("alice@example.com"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the receiver to have stored no message to <alice@example.com> but it stored:");
            assertThatThrownBy(() -> assertThat(receiver).hasNoReceivedMessages())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the receiver to have stored no message but it stored 1:");
        }

        @Test
        void should_pass_when_a_message_arrives_within_the_wait(FakeReceiver receiver) {
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() ->
                    SmtpDialog.deliver(receiver, "app@sender.test", "Later", "alice@example.com"));

            assertThat(receiver).within(Duration.ofSeconds(10)).hasReceivedMessageTo("alice@example.com", "Later");
            sending.join();
        }

        @Test
        void should_fail_when_nothing_arrives_within_the_wait(FakeReceiver receiver) {
            assertThatThrownBy(() -> assertThat(receiver).within(Duration.ofMillis(50)).hasReceivedMessages(1))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the receiver to have stored 1 message(s) but it stored 0\n")
                    .hasMessageEndingWith("\n(waited 50ms for it)");
            assertThatThrownBy(() -> assertThat(receiver).within(Duration.ofMillis(50)).hasReceivedMessageTo("alice@example.com"))
                    .message().isEqualTo("\nExpecting the receiver to have stored a message\n  to <alice@example.com>\nbut it stored none"
                            + "\nand no client connected.\n(waited 50ms for it)");
        }

        @Test
        void should_not_speak_of_waiting_when_the_check_does_not_wait(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "alice@example.com");

            assertThatThrownBy(() -> assertThat(receiver).within(Duration.ofMillis(50)).hasNoReceivedMessages())
                    .hasMessageNotContaining("waited");
        }

        @Test
        void should_not_speak_of_waiting_when_what_it_waited_for_came_but_the_check_still_fails(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "One", "alice@example.com");
            SmtpDialog.deliver(receiver, "app@sender.test", "Two", "alice@example.com");

            assertThatThrownBy(() -> assertThat(receiver).within(Duration.ofMinutes(5)).hasReceivedMessages(1))
                    .hasMessageContaining("Expecting the receiver to have stored 1 message(s) but it stored 2:")
                    .hasMessageNotContaining("waited");
        }
    }

    @Nested
    class Arguments {

        @Test
        void should_refuse_a_null_argument_naming_it_whether_or_not_mail_was_stored(FakeReceiver receiver) {
            for (boolean withMail : new boolean[] {false, true}) {
                if (withMail) {
                    SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "alice@example.com");
                }
                assertThatThrownBy(() -> assertThat(receiver).hasReceivedMessageTo(null))
                        .isInstanceOf(NullPointerException.class).hasMessage("recipient");
                assertThatThrownBy(() -> assertThat(receiver).hasReceivedMessageTo("alice@example.com", null))
                        .isInstanceOf(NullPointerException.class).hasMessage("subject");
                assertThatThrownBy(() -> assertThat(receiver).hasReceivedMessageWithSubject(null))
                        .isInstanceOf(NullPointerException.class).hasMessage("subject");
                assertThatThrownBy(() -> assertThat(receiver).hasReceivedMessageWithBodyContaining(null))
                        .isInstanceOf(NullPointerException.class).hasMessage("text");
                assertThatThrownBy(() -> assertThat(receiver).hasNotReceivedMessageTo(null))
                        .isInstanceOf(NullPointerException.class).hasMessage("recipient");
                assertThatThrownBy(() -> assertThat(receiver).hasAcceptedRecipient(null))
                        .isInstanceOf(NullPointerException.class).hasMessage("address");
            }
        }

        @Test
        void should_refuse_a_negative_count(FakeReceiver receiver) {
            assertThatThrownBy(() -> assertThat(receiver).hasReceivedMessages(-1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("count must be 0 or more, not -1");
        }

        @Test
        void should_refuse_a_negative_wait(FakeReceiver receiver) {
            assertThatThrownBy(() -> assertThat(receiver).within(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be 0 or more, not PT-1S");
        }
    }

    @Nested
    class Release_gate {

        @Test
        void should_pass_when_no_address_was_tried_again_after_a_permanent_refusal(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "One", "ghost@gmail.com", "alice@example.com");
            SmtpDialog.deliver(receiver, "app@sender.test", "Two", "alice@example.com");

            assertThat(receiver).hasNoRetryAfterPermanentFailure();
        }

        @Test
        void should_fail_when_an_address_was_tried_again_after_a_permanent_refusal(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "One", "ghost@gmail.com");
            SmtpDialog.deliver(receiver, "app@sender.test", "Two", "alice@example.com", "ghost@gmail.com");

            assertThatThrownBy(() -> assertThat(receiver).hasNoRetryAfterPermanentFailure())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting no new attempt to an address after a permanent (5xx) refusal,\n"
                            + "but 1 address was tried again:\n"
                            + "  <ghost@gmail.com> was refused permanently:\n"
                            + "    [connection 1 #3] C: RCPT TO:<ghost@gmail.com>\n"
                            + "                      S: 550-5.1.1 The email account that you tried to reach does not exist. Please try\n")
                    .hasMessageContaining("  and tried again afterwards:\n"
                            + "    [connection 2 #4] C: RCPT TO:<ghost@gmail.com>\n");
        }

        @Test
        @Greylist(recipient = "carol@example.org", times = 1)
        void should_pass_when_a_greylisted_recipient_was_tried_again(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "One", "carol@example.org");
            SmtpDialog.deliver(receiver, "app@sender.test", "One", "carol@example.org");

            assertThat(receiver).hasRejectedRecipient("carol@example.org", 451, "4.7.1")
                    .hasRetriedAfterTemporaryFailure()
                    .hasReceivedMessageTo("carol@example.org");
        }

        @Test
        @Greylist(recipient = "carol@example.org", times = 1)
        void should_fail_when_a_greylisted_recipient_was_never_tried_again(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "One", "carol@example.org");
            SmtpDialog.deliver(receiver, "app@sender.test", "Two", "carol@example.com");

            assertThatThrownBy(() -> assertThat(receiver).hasRetriedAfterTemporaryFailure())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting a new attempt after every temporary (4xx) refusal,\n"
                            + "but 1 was never tried again:\n"
                            + "  recipient <carol@example.org> was refused temporarily:\n"
                            + "    [connection 1 #3] C: RCPT TO:<carol@example.org>\n"
                            + "                      S: 451 4.7.1 <ghost@example.org>: Recipient address rejected: Greylisted")
                    .hasMessageContaining("  near misses, the closest recipients tried after it:\n"
                            + "    [connection 2 #3] C: RCPT TO:<carol@example.com>\n");
        }

        @Test
        void should_pass_when_a_recipient_was_tried_again_after_the_connection_was_dropped(FakeReceiver receiver) {
            receiver.addRule(ReplyRule.when(Condition.recipient("drop@example.com")).at(SmtpStage.RCPT).disconnect().times(1));
            SmtpDialog.deliver(receiver, "app@sender.test", "One", "drop@example.com");
            SmtpDialog.deliver(receiver, "app@sender.test", "One", "drop@example.com");

            assertThat(receiver).hasRetriedAfterTemporaryFailure().hasReceivedMessageTo("drop@example.com");
        }

        @Test
        void should_fail_when_a_dropped_connection_was_never_followed_by_another(FakeReceiver receiver) throws Exception {
            receiver.addRule(ReplyRule.when(Condition.any()).at(SmtpStage.CONNECT).disconnect().times(1));
            try (Socket socket = new Socket(receiver.host(), receiver.smtpPort())) {
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
            }

            assertThatThrownBy(() -> assertThat(receiver).hasRetriedAfterTemporaryFailure())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("  the connection was refused temporarily:\n"
                            + "    [connection 1 #0] C: (connected)\n"
                            + "                      S: (no reply: connection closed)");
        }

        @Test
        void should_pass_when_the_bounce_rate_is_below_the_limit(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "One", "ghost@gmail.com", "a@example.com", "b@example.com");

            assertThat(receiver).hasBounceRateBelow(withPercentage(34));
        }

        @Test
        void should_fail_when_the_bounce_rate_reaches_the_limit(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "One", "ghost@gmail.com", "a@example.com", "full@example.com");

            assertThatThrownBy(() -> assertThat(receiver).hasBounceRateBelow(withPercentage(2)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the bounce rate to be below 2.00% but it was 33.33%"
                            + " (1 of 3 recipients refused permanently):\n"
                            + "  [connection 1 #3] C: RCPT TO:<ghost@gmail.com>\n");
        }

        /** No recipient tried is no rate at all, as for the release gate: "0% bounced" would pass an application that never sent. */
        @Test
        void should_fail_a_bounce_rate_limit_when_no_mail_reached_the_receiver(FakeReceiver receiver) {
            assertThatThrownBy(() -> assertThat(receiver).hasBounceRateBelow(withPercentage(2)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("No mail reached the receiver: no client named a recipient (RCPT TO),"
                            + " so there is no bounce rate to judge.")
                    .hasMessageContaining("and no client connected.");
            assertThatThrownBy(() -> assertThat(receiver).hasBounceRateBelow(withPercentage(0)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("No mail reached the receiver");
        }

        @Test
        void should_judge_the_bounce_rate_once_mail_arrives_within_the_wait(FakeReceiver receiver) {
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() ->
                    SmtpDialog.deliver(receiver, "app@sender.test", "Later", "alice@example.com"));

            assertThat(receiver).within(Duration.ofSeconds(10)).hasBounceRateBelow(withPercentage(2));
            sending.join();
        }

        /** "Below 0%" could never hold, not even with no bounce at all: a limit of 0 now asks for no bounce. */
        @Test
        void should_pass_a_bounce_rate_limit_of_zero_when_nobody_was_refused(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "One", "a@example.com", "b@example.com");

            assertThat(receiver).hasBounceRateBelow(withPercentage(0)).passesReleaseGate(withPercentage(0));
        }

        @Test
        void should_fail_a_bounce_rate_limit_of_zero_on_one_refusal(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "One", "ghost@gmail.com", "a@example.com", "b@example.com");

            assertThatThrownBy(() -> assertThat(receiver).hasBounceRateBelow(withPercentage(0)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting no recipient to have been refused permanently (a bounce rate limit"
                            + " of 0%) but 1 of 3 recipients was (33.33%):\n"
                            + "  [connection 1 #3] C: RCPT TO:<ghost@gmail.com>\n");
        }

        @Test
        @Greylist(recipient = "carol@example.org", times = 2)
        void should_pass_the_release_gate_when_all_three_checks_pass(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "One", "carol@example.org");
            SmtpDialog.deliver(receiver, "app@sender.test", "One", "carol@example.org");
            SmtpDialog.deliver(receiver, "app@sender.test", "One", "carol@example.org");

            assertThat(receiver).passesReleaseGate();
        }

        @Test
        void should_fail_the_release_gate_when_no_mail_reached_the_receiver(FakeReceiver receiver) {
            assertThatThrownBy(() -> assertThat(receiver).passesReleaseGate())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Release gate failed (1 of 3 checks):")
                    .hasMessageContaining("No mail reached the receiver: no client named a recipient (RCPT TO),"
                            + " so there is no bounce rate to judge")
                    .hasMessageContaining("and no client connected.");
        }

        @Test
        void should_fail_the_release_gate_when_a_client_connected_but_named_no_recipient(FakeReceiver receiver)
                throws Exception {
            try (Socket socket = new Socket(receiver.host(), receiver.smtpPort())) {
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                var out = socket.getOutputStream();
                assertThat(in.readLine()).startsWith("220");
                out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(in.readLine()).startsWith("221");
            }

            assertThatThrownBy(() -> assertThat(receiver).passesReleaseGate())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("No mail reached the receiver")
                    .hasMessageContaining("and saw 1 connection(s):");
        }

        @Test
        @Greylist(recipient = "carol@example.org")
        void should_fail_the_release_gate_listing_every_failed_check(FakeReceiver receiver) {
            SmtpDialog.deliver(receiver, "app@sender.test", "One", "ghost@gmail.com", "carol@example.org");
            SmtpDialog.deliver(receiver, "app@sender.test", "Two", "ghost@gmail.com");

            assertThatThrownBy(() -> assertThat(receiver).passesReleaseGate())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Release gate failed (3 of 3 checks):")
                    .hasMessageContaining("<ghost@gmail.com> was refused permanently")
                    .hasMessageContaining("recipient <carol@example.org> was refused temporarily")
                    .hasMessageContaining("but it was 50.00% (1 of 2 recipients refused permanently)");
        }
    }
}
