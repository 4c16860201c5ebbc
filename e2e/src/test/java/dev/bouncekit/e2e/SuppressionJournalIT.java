package dev.bouncekit.e2e;

import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.bouncekit.e2e.JamesRelay.DSN;
import static dev.bouncekit.e2e.SuppressingRelay.JOURNAL;
import static dev.bouncekit.e2e.SuppressingRelay.SUPPRESSED;
import static dev.bouncekit.e2e.SuppressingRelay.rcptCount;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store: a journal in James's working directory, kept across a restart of James. */
class SuppressionJournalIT {

    private final FakeReceiver receiver = FakeReceiver.builder().build().start();
    private Path workDir;
    private JamesRelay james;

    @AfterEach
    void stop() {
        try {
            if (james != null) {
                james.close();
            }
        } finally {
            receiver.close();
            SuppressingRelay.delete(workDir);
        }
    }

    @Test
    void a_restarted_james_still_holds_back_what_it_suppressed_before() throws Exception {
        workDir = Files.createTempDirectory("bouncekit-james-");
        receiver.addRule(ReplyRule.when(Condition.recipient("ghost@gmail.com")).at(SmtpStage.RCPT).reply("gmail/user-unknown"));
        james = SuppressingRelay.start(workDir, receiver, JOURNAL);
        Submission.send(james.smtpPort(), "first@sender.test", List.of("ghost@gmail.com"), "to a ghost");
        james.awaitMail(DSN, "first@sender.test");
        james.close();
        james = null;
        assertThat(workDir.resolve("var/bouncekit/suppressions.journal")).content().contains("ghost@gmail.com\tuserunknown");

        james = SuppressingRelay.start(workDir, receiver, JOURNAL);
        Submission.send(james.smtpPort(), "second@sender.test", List.of("ghost@gmail.com", "reader@gmail.com"), "after the restart");

        assertThat(receiver.awaitMessages(1, JamesRelay.PATIENCE).get(0).to()).containsExactly("reader@gmail.com");
        assertThat(james.awaitMail(SUPPRESSED, "ghost@gmail.com").recipients()).containsExactly("ghost@gmail.com");
        assertThat(rcptCount(receiver, "ghost@gmail.com")).isEqualTo(1);
        assertThat(james.count(JamesRelay.ERROR)).isZero();
    }
}
