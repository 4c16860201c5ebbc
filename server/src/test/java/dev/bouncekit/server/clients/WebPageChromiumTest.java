package dev.bouncekit.server.clients;

import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.receiver.Retention;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.server.http.ReceiverHttpApi;
import jakarta.mail.Message;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The web page in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run
 * installs): mail and a refusal sent over SMTP appear on the page without a reload, and opening
 * the message shows its text, clicking the refusal shows its connection's transcript. Leaves a screenshot in target/web-page.png.
 */
class WebPageChromiumTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    @Test
    void a_person_watches_mail_and_refusals_arrive() throws Exception {
        assertThat(new File(CHROMIUM)).as("Debian's chromium; apt-get install -y chromium chromium-driver").exists();
        assertThat(new File(DRIVER)).as("Debian's chromium-driver").exists();
        Path profile = Files.createTempDirectory("bouncekit-chromium");
        try (FakeReceiver receiver = FakeReceiver.builder().retention(Retention.SERVE_DEFAULTS).realAddresses(true)
                .rule(ReplyRule.when(Condition.recipient("real.person@shop.test")).at(SmtpStage.RCPT)
                        .reply("yahoo/user-unknown"))
                .build().start();
             ReceiverHttpApi api = ReceiverHttpApi.start(receiver, 0)) {
            WebDriver browser = chromium(profile);
            try {
                browser.get("http://127.0.0.1:" + api.port() + "/");
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                wait.until(b -> b.findElement(By.id("status")).getText().startsWith("live"));

                send(receiver, "buyer@shop.test", "Your order 42");
                assertThatThrownBy(() -> send(receiver, "real.person@shop.test", "Refused"))
                        .isInstanceOf(SendFailedException.class);

                wait.until(b -> b.findElement(By.id("messages")).getText().contains("Your order 42"));
                wait.until(b -> b.findElement(By.id("rejections")).getText().contains("real.person@shop.test"));
                String refusals = browser.findElement(By.id("rejections")).getText();
                assertThat(refusals).contains("RCPT", "yahoo/user-unknown", "userunknown",
                        "doesn't have a yahoo.com account (real.person@shop.test)");
                assertThat(browser.findElement(By.id("catalog")).getText()).contains("gmail.user-unknown@bouncekit.test");

                browser.findElement(By.cssSelector("#messages tbody tr")).click();
                wait.until(b -> b.findElement(By.id("detail-text")).getText().contains("Hello from the shop"));
                assertThat(browser.findElement(By.id("detail-title")).getText()).contains("Your order 42");
                assertThat(browser.findElement(By.id("detail-html")).getDomAttribute("sandbox")).isEmpty();
                wait.until(b -> b.findElement(By.id("detail-transcript")).getText().contains("RCPT TO:<buyer@shop.test>"));

                browser.findElement(By.cssSelector("#rejections tbody tr")).click();
                wait.until(b -> b.findElement(By.id("detail-transcript")).getText()
                        .contains("RCPT TO:<real.person@shop.test>"));
                assertThat(browser.findElement(By.id("detail-transcript")).getText())
                        .contains("S: 554 delivery error: dd This user doesn't have a yahoo.com account (real.person@shop.test)");
                browser.findElement(By.cssSelector("#messages tbody tr")).click();
                wait.until(b -> b.findElement(By.id("detail-text")).isDisplayed());

                byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
                Files.write(Path.of("target", "web-page.png"), png);
            } finally {
                browser.quit();
            }
        } finally {
            deleteTree(profile);
        }
    }

    /** A message of ten thousand nested multiparts failed to open (the API answered 500); it opens and says what was not read. */
    @Test
    void a_message_nested_too_deep_opens_and_says_its_deeper_parts_were_not_read() throws Exception {
        assertThat(new File(CHROMIUM)).as("Debian's chromium; apt-get install -y chromium chromium-driver").exists();
        Path profile = Files.createTempDirectory("bouncekit-chromium");
        try (FakeReceiver receiver = FakeReceiver.builder().retention(Retention.SERVE_DEFAULTS).build().start();
             ReceiverHttpApi api = ReceiverHttpApi.start(receiver, 0)) {
            StringBuilder data = new StringBuilder("Subject: Deep\r\nMIME-Version: 1.0\r\n");
            for (int i = 0; i < 10_000; i++) {
                data.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i).append("\r\n");
            }
            data.append("Content-Type: text/plain\r\n\r\ndeep inside\r\n");
            try (Socket socket = new Socket("127.0.0.1", receiver.smtpPort())) {
                socket.getOutputStream().write(("EHLO client.test\r\nMAIL FROM:<app@shop.test>\r\nRCPT TO:<buyer@shop.test>\r\n"
                        + "DATA\r\n" + data + ".\r\nQUIT\r\n").getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).contains("250 OK");
            }
            WebDriver browser = chromium(profile);
            try {
                browser.get("http://127.0.0.1:" + api.port() + "/");
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                wait.until(b -> b.findElement(By.id("messages")).getText().contains("Deep"));

                browser.findElement(By.cssSelector("#messages tbody tr")).click();

                wait.until(b -> b.findElement(By.id("attachments")).getText().startsWith("MIME parts nested"));
                assertThat(browser.findElement(By.id("attachments")).getText())
                        .isEqualTo("MIME parts nested deeper than 64 levels were not read. No attachments");
                assertThat(browser.findElement(By.id("detail-title")).getText()).contains("Deep");
            } finally {
                browser.quit();
            }
        } finally {
            deleteTree(profile);
        }
    }

    private static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void send(FakeReceiver receiver, String to, String subject) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(receiver.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("app@shop.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("Hello from the shop");
        Transport.send(message);
    }

    private static void deleteTree(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
