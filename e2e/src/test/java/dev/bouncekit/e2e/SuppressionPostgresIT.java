package dev.bouncekit.e2e;

import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.suppression.testing.PostgresExtension;
import dev.bouncekit.suppression.testing.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.bouncekit.e2e.JamesRelay.CLASSIFIED;
import static dev.bouncekit.e2e.JamesRelay.DSN;
import static dev.bouncekit.e2e.SuppressingRelay.POSTMASTER;
import static dev.bouncekit.e2e.SuppressingRelay.SUPPRESSED;
import static dev.bouncekit.e2e.SuppressingRelay.rcptCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two James nodes share one suppression list in a real PostgreSQL: what either learns from a
 * bounce, both hold back, and the receiver never sees the address again.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuppressionPostgresIT {

    private FakeReceiver receiver;
    private Path dirA;
    private Path dirB;
    private JamesRelay nodeA;
    private JamesRelay nodeB;

    @BeforeAll
    void start(PostgresServer postgres) throws Exception {
        receiver = FakeReceiver.builder().build().start();
        String url = postgres.newDatabase();
        dirA = Files.createTempDirectory("bouncekit-james-a-");
        dirB = Files.createTempDirectory("bouncekit-james-b-");
        nodeA = SuppressingRelay.start(dirA, receiver, url);
        nodeB = SuppressingRelay.start(dirB, receiver, url);
    }

    @AfterAll
    void stop() {
        try {
            if (nodeA != null) {
                nodeA.close();
            }
            if (nodeB != null) {
                nodeB.close();
            }
        } finally {
            receiver.close();
            SuppressingRelay.delete(dirA);
            SuppressingRelay.delete(dirB);
        }
    }

    @BeforeEach
    void reset() {
        receiver.reset();
    }

    @AfterEach
    void noErrors() {
        assertThat(nodeA.count(JamesRelay.ERROR)).as("mails in node A's error repository").isZero();
        assertThat(nodeB.count(JamesRelay.ERROR)).as("mails in node B's error repository").isZero();
    }

    @Test
    void a_user_unknown_bounce_suppresses_the_address_and_the_next_mail_never_reaches_the_receiver() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("ghost.a@gmail.com")).at(SmtpStage.RCPT).reply("gmail/user-unknown"));

        Submission.send(nodeA.smtpPort(), "first@sender.test", List.of("ghost.a@gmail.com"), "to a ghost");
        assertThat(nodeA.awaitMail(CLASSIFIED, "ghost.a@gmail.com").reason()).isEqualTo("userunknown");
        nodeA.awaitMail(DSN, "first@sender.test");

        Submission.send(nodeA.smtpPort(), "second@sender.test", List.of("ghost.a@gmail.com", "reader.a@gmail.com"), "again");

        assertThat(receiver.awaitMessages(1, JamesRelay.PATIENCE).get(0).to()).containsExactly("reader.a@gmail.com");
        assertThat(nodeA.awaitMail(SUPPRESSED, "ghost.a@gmail.com").recipients()).containsExactly("ghost.a@gmail.com");
        assertThat(rcptCount(receiver, "ghost.a@gmail.com")).as("RCPT TO:<ghost.a@gmail.com> on the receiver").isEqualTo(1);
        assertThat(rcptCount(receiver, "reader.a@gmail.com")).isEqualTo(1);
    }

    @Test
    void what_one_node_learns_the_other_holds_back() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("ghost.b@gmail.com")).at(SmtpStage.RCPT).reply("gmail/user-unknown"));

        Submission.send(nodeB.smtpPort(), "learner@sender.test", List.of("ghost.b@gmail.com"), "to a ghost, via B");
        nodeB.awaitMail(DSN, "learner@sender.test");

        Submission.send(nodeA.smtpPort(), "other@sender.test", List.of("ghost.b@gmail.com"), "to the same ghost, via A");

        assertThat(nodeA.awaitMail(SUPPRESSED, "ghost.b@gmail.com").recipients()).containsExactly("ghost.b@gmail.com");
        assertThat(rcptCount(receiver, "ghost.b@gmail.com")).isEqualTo(1);
        assertThat(nodeA.mailsTo(CLASSIFIED, "ghost.b@gmail.com")).isEmpty();
    }

    @Test
    void three_mailbox_full_bounces_on_either_node_suppress_the_address() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("full@example.org")).at(SmtpStage.RCPT)
                .replyWith(550, "5.2.2", "<full@example.org>: Recipient address rejected: Mailbox full"));
        JamesRelay[] nodes = {nodeA, nodeB, nodeA};
        for (int i = 0; i < nodes.length; i++) {
            String sender = "full" + i + "@sender.test";
            Submission.send(nodes[i].smtpPort(), sender, List.of("full@example.org"), "mailbox full " + i);
            nodes[i].awaitMail(DSN, sender);
            assertThat(rcptCount(receiver, "full@example.org")).as("bounce %d reached the receiver", i + 1).isEqualTo(i + 1);
        }
        assertThat(nodeA.mailsTo(CLASSIFIED, "full@example.org")).extracting(StoredMail::reason).containsOnly("mailboxfull");

        // Via the node that saw the third bounce: node B may reuse its cached answer for up to 'cache' (10s).
        Submission.send(nodeA.smtpPort(), "full3@sender.test", List.of("full@example.org"), "a fourth time");

        assertThat(nodeA.awaitMail(SUPPRESSED, "full@example.org").recipients()).containsExactly("full@example.org");
        assertThat(rcptCount(receiver, "full@example.org")).isEqualTo(3);
    }

    @Test
    void a_spamhaus_block_suppresses_nobody_and_alerts_the_postmaster_once() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.sender("listed@sender.test")).at(SmtpStage.MAIL).reply("outlook/spamhaus-client"));
        int refusals = 7;
        for (int i = 0; i < refusals; i++) {
            Submission.send(nodeA.smtpPort(), "listed@sender.test", List.of("friend@outlook.com"), "from a listed host " + i);
        }
        await("the DSNs of " + refusals + " refusals").atMost(JamesRelay.PATIENCE)
                .until(() -> nodeA.mailsTo(DSN, "listed@sender.test").size() == refusals);

        assertThat(nodeA.mailsTo(CLASSIFIED, "friend@outlook.com")).hasSize(refusals)
                .extracting(StoredMail::owner).containsOnly("sender");
        List<StoredMail> alerts = nodeA.mails(POSTMASTER);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).recipients()).containsExactly("postmaster@localhost");
        assertThat(alerts.get(0).text()).contains("[bouncekit reputation alert]");

        Submission.send(nodeA.smtpPort(), "clean@sender.test", List.of("friend@outlook.com"), "from a clean sender");
        assertThat(receiver.awaitMessages(1, JamesRelay.PATIENCE).get(0).to()).containsExactly("friend@outlook.com");
        assertThat(nodeA.mailsTo(SUPPRESSED, "friend@outlook.com")).isEmpty();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> nodeA.mails(POSTMASTER).size() == 1);
    }
}
