package dev.bouncekit.receiver;

import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Clients outside the JVM (Python's smtplib, curl) see the same replies. Skipped when not installed. */
class NonJavaClientTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeReceiver receiver;

    @BeforeEach
    void start() {
        receiver = FakeReceiver.builder().build().start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static final String PYTHON = String.join("\n",
            "import smtplib, sys",
            "host, port = sys.argv[1], int(sys.argv[2])",
            "s = smtplib.SMTP(host, port, local_hostname='py.client.test', timeout=10)",
            "print('EHLO', s.ehlo()[0])",
            "print('MAIL', s.mail('app@sender.test')[0])",
            "code, msg = s.rcpt('" + MagicAddresses.address("gmail/user-unknown") + "')",
            "print('RCPT', code)",
            "print(msg.decode('ascii'))",
            "print('END')",
            "s.rset()",
            "refused = s.sendmail('app@sender.test', ['alice@example.com', 'ghost@gmail.com'],",
            "                     'Subject: from python\\r\\n\\r\\nhello\\r\\n')",
            "print('REFUSED', refused['ghost@gmail.com'][0])",
            "s.quit()");

    @Test
    void python_smtplib_sees_the_code_and_every_line_of_the_reply() throws Exception {
        assumeTrue(onPath("python3"), "python3 is not installed");
        receiver.addRule(ReplyRule.when(Condition.recipient("ghost@gmail.com")).at(SmtpStage.RCPT)
                .replyWith(550, "5.1.1", "No such user", "Check the address"));

        Result result = run(List.of("python3", "-c", PYTHON, receiver.host(), String.valueOf(receiver.smtpPort())));

        assertThat(result.exitCode).as(result.output).isZero();
        CatalogEntry unknown = ReplyCatalog.builtIn().require("gmail/user-unknown");
        List<String> expectedText = new ArrayList<>();
        for (String line : unknown.lines()) {
            expectedText.add(line.substring(4).strip());
        }
        String printed = result.output.substring(result.output.indexOf("RCPT 550\n") + "RCPT 550\n".length(),
                result.output.indexOf("END\n"));
        assertThat(result.output).contains("EHLO 250\n", "MAIL 250\n", "RCPT 550\n", "REFUSED 550\n");
        assertThat(printed.strip()).isEqualTo(String.join("\n", expectedText));
        ReceivedMessage stored = receiver.awaitMessages(1, WAIT).get(0);
        assertThat(stored.subject()).isEqualTo("from python");
        assertThat(stored.to()).containsExactly("alice@example.com");
        assertThat(receiver.awaitConnections(1, WAIT).get(0).helo()).isEqualTo("py.client.test");
    }

    @Test
    void python_smtplib_logs_in_with_auth_login_and_an_initial_response() throws Exception {
        assumeTrue(onPath("python3"), "python3 is not installed");
        String python = String.join("\n",
                "import smtplib, sys",
                "s = smtplib.SMTP(sys.argv[1], int(sys.argv[2]), local_hostname='py.client.test', timeout=10)",
                "s.ehlo()",
                "s.user, s.password = 'apikey', 'SG.not-a-real-key'",
                "print('AUTH', s.auth('LOGIN', s.auth_login)[0])",  // sends AUTH LOGIN <user> (RFC 4954)
                "s.sendmail('app@sender.test', ['alice@example.com'], 'Subject: logged in\\r\\n\\r\\nhello\\r\\n')",
                "s.quit()");

        Result result = run(List.of("python3", "-c", python, receiver.host(), String.valueOf(receiver.smtpPort())));

        assertThat(result.exitCode).as(result.output).isZero();
        assertThat(result.output).contains("AUTH 235\n");
        assertThat(receiver.awaitMessages(1, WAIT).get(0).subject()).isEqualTo("logged in");
        assertThat(receiver.awaitConnections(1, WAIT).get(0).exchanges()).extracting(Exchange::command)
                .contains("AUTH LOGIN ***");
    }

    @Test
    void curl_reports_the_rcpt_rejection_and_delivers_nothing() throws Exception {
        assumeTrue(onPath("curl"), "curl is not installed");
        Path mail = Files.createTempFile("bouncekit", ".eml");
        try {
            Files.writeString(mail, "Subject: from curl\r\n\r\nhello\r\n");
            Result result = run(List.of("curl", "-sS", "-v", "--max-time", "10",
                    "smtp://" + receiver.host() + ":" + receiver.smtpPort(),
                    "--mail-from", "app@sender.test", "--mail-rcpt", "yahoo.relaying-denied@yahoo.com",
                    "--upload-file", mail.toString()));

            assertThat(result.exitCode).isNotZero();
            for (String line : ReplyCatalog.builtIn().require("yahoo/relaying-denied").lines()) {
                assertThat(result.output).contains("< " + line);
            }
        } finally {
            Files.deleteIfExists(mail);
        }
        assertThat(receiver.awaitConnections(1, WAIT).get(0).lastAt(SmtpStage.RCPT).orElseThrow().rule())
                .isEqualTo("magic:yahoo/relaying-denied");
        assertThat(receiver.receivedMessages()).isEmpty();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(out);
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    private static boolean onPath(String binary) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, binary))) {
                try {
                    return new ProcessBuilder(binary, "--version").redirectErrorStream(true).start().waitFor() == 0;
                } catch (IOException | InterruptedException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
