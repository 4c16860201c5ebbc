package dev.bouncekit.cli;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar bouncekit.jar serve} as users run it: a separate process, stopped by SIGTERM. */
class ServeJarIT {

    private static final Pattern SMTP = Pattern.compile("SMTP\\s+127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern HTTP = Pattern.compile("HTTP API\\s+http://127\\.0\\.0\\.1:(\\d+)/api");

    @Test
    void the_jar_serves_until_sigterm_and_then_stops_cleanly() throws Exception {
        Path jar = Path.of(System.getProperty("bouncekit.jar", "target/bouncekit.jar"));
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "serve", "--smtp-port", "0", "--http-port", "0")
                .redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            int smtp = -1;
            int http = -1;
            while (true) {
                String line = lines.poll(30, TimeUnit.SECONDS);
                assertThat(line).as("serve did not start; output so far:\n" + output).isNotNull();
                output.append(line).append('\n');
                Matcher s = SMTP.matcher(line);
                Matcher h = HTTP.matcher(line);
                if (s.find()) {
                    smtp = Integer.parseInt(s.group(1));
                }
                if (h.find()) {
                    http = Integer.parseInt(h.group(1));
                }
                if (line.startsWith("Stop with Ctrl-C.")) {
                    break;
                }
            }

            send(smtp);
            HttpResponse<String> messages = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + http + "/api/messages")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(messages.body()).contains("\"subject\":\"From the IT\"");

            // the release gate from the command line: passes, then fails once a 5xx recipient is tried again
            assertThat(gate(java, jar, http).exitValue).isZero();
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    sendTo(smtp, "gmail.user-unknown@bouncekit.test");
                } catch (jakarta.mail.SendFailedException refused) {
                    // expected: 550 5.1.1 at RCPT
                }
            }
            Gate failed = gate(java, jar, http);
            assertThat(failed.exitValue).as(failed.output).isEqualTo(1);
            assertThat(failed.output).contains("Release gate FAILED", "FAIL  no-retry-after-permanent",
                    "<gmail.user-unknown@bouncekit.test> was refused permanently");

            // SIGTERM through the handle: Process.destroy() would also close our end of its output
            assertThat(process.toHandle().destroy()).isTrue();

            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            reader.join(5000);
            lines.forEach(l -> output.append(l).append('\n'));
            assertThat(output.toString()).contains("bouncekit serve: stopping").doesNotContain("Exception");
        } finally {
            process.destroyForcibly();
        }
    }

    private record Gate(int exitValue, String output) {
    }

    private static Gate gate(String java, Path jar, int http) throws Exception {
        Process gate = new ProcessBuilder(java, "-jar", jar.toString(), "gate", "--url", "http://127.0.0.1:" + http)
                .redirectErrorStream(true).start();
        String output = new String(gate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gate.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Gate(gate.exitValue(), output);
    }

    private static void sendTo(int port, String to) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(port));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("app@sender.test"));
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("To be refused");
        message.setText("body");
        Transport.send(message);
    }

    private static void send(int port) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(port));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("app@sender.test"));
        message.addRecipient(Message.RecipientType.TO, new InternetAddress("alice@example.com"));
        message.setSubject("From the IT");
        message.setText("body");
        Transport.send(message);
    }
}
