package dev.bouncekit.e2e;

import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.data.UsersRepositoryModuleChooser;
import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.modules.data.MemoryUsersRepositoryModule;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.modules.server.NoJwtModule;
import org.apache.james.modules.server.WebAdminServerModule;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.apache.james.utils.MailRepositoryProbeImpl;
import org.apache.mailet.Mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

import static org.awaitility.Awaitility.await;

/**
 * An Apache James 3.8 memory server started in-process, configured from the templates in
 * {@code src/test/resources/james-conf/}, with the packaged bouncekit-mailet and bouncekit-suppression jars in its
 * {@code extensions-jars/} folder, exactly as a user deploys it.
 */
final class JamesRelay implements AutoCloseable {

    /** Every bounce, as ClassifyBounce left it. */
    static final String CLASSIFIED = "memory://var/mail/classified/";
    /** Bounces routed by IsHardBounce. */
    static final String HARD_BOUNCES = "memory://var/mail/hard-bounces/";
    /** Bounces routed by IsBounceOwner=sender. */
    static final String SENDER_PROBLEMS = "memory://var/mail/sender-problems/";
    /** Copies of the bounces IsBounceReason=expired matched. */
    static final String EXPIRED = "memory://var/mail/expired/";
    /** Copies of the bounces IsBounceAction=fix-message matched. */
    static final String FIX_MESSAGE = "memory://var/mail/fix-message/";
    /** Mail for the senders' domain sender.test: the DSNs DSNBounce sends back. */
    static final String DSN = "memory://var/mail/dsn/";
    /** Mail a mailet or matcher failed on. */
    static final String ERROR = "memory://var/mail/error/";

    /** How long a test waits for James to relay, fail and bounce a mail. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final List<String> CONFIGURATION_FILES =
            List.of("mailetcontainer.xml", "smtpserver.xml", "mailrepositorystore.xml", "domainlist.xml", "bounce.rules");

    private final GuiceJamesServer server;

    private JamesRelay(GuiceJamesServer server) {
        this.server = server;
    }

    /**
     * Starts James in {@code workDir}; {@code placeholders} fill the {@code ${name}} slots of the
     * configuration templates (gatewayPort, closedPort; jmxName, the SMTP server's JMX name, is
     * {@code smtpserver} unless given: two Jameses in one JVM need two).
     */
    static JamesRelay start(Path workDir, Map<String, String> placeholders) throws Exception {
        return start(workDir, placeholders, "mailetcontainer.xml");
    }

    /**
     * Starts James in {@code workDir} with {@code mailetContainer}, a template in
     * {@code james-conf/}, as its {@code mailetcontainer.xml}. A directory James ran in before is
     * reused as it is, but for the configuration and the extension jars, which are written again.
     */
    static JamesRelay start(Path workDir, Map<String, String> placeholders, String mailetContainer) throws Exception {
        return start(workDir, placeholders, mailetContainer, List.of());
    }

    /**
     * As {@link #start(Path, Map, String)}, with James's WebAdmin too when {@code extraFiles}
     * (more templates of {@code james-conf/}) holds {@code webadmin.properties}.
     */
    static JamesRelay start(Path workDir, Map<String, String> placeholders, String mailetContainer, List<String> extraFiles)
            throws Exception {
        Map<String, String> slots = new HashMap<>();
        slots.put("jmxName", "smtpserver");
        slots.putAll(placeholders);
        List<String> files = new ArrayList<>(CONFIGURATION_FILES);
        files.addAll(extraFiles);
        writeConfiguration(workDir.resolve("conf"), slots, mailetContainer, files);
        deployExtensions(workDir.resolve("extensions-jars"));
        MemoryJamesConfiguration configuration = MemoryJamesConfiguration.builder()
                .workingDirectory(workDir.toFile())
                .usersRepository(UsersRepositoryModuleChooser.Implementation.DEFAULT)
                .build();
        GuiceJamesServer server = GuiceJamesServer.forConfiguration(configuration)
                .combineWith(MemoryJamesServerMain.SMTP_ONLY_MODULE, new MemoryUsersRepositoryModule())
                .overrideWith(binder -> binder.bind(DNSService.class).toInstance(new LoopbackDnsService()));
        if (extraFiles.contains("webadmin.properties")) {
            server = server.combineWith(new WebAdminServerModule(), new NoJwtModule());
        }
        server.start();
        return new JamesRelay(server);
    }

    /** The port James's WebAdmin listens on, on 127.0.0.1, when it was started with it. */
    int webAdminPort() {
        return server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort().getValue();
    }

    /** The port James's SMTP server listens on, on 127.0.0.1. */
    int smtpPort() {
        return server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
    }

    /** How many mails repository {@code url} holds now. */
    long count(String url) {
        try {
            return probe().getRepositoryMailCount(MailRepositoryUrl.from(url));
        } catch (Exception e) {
            throw new IllegalStateException("cannot count " + url, e);
        }
    }

    /** Copies of the mails repository {@code url} holds now. */
    List<StoredMail> mails(String url) {
        try {
            MailRepositoryUrl repository = MailRepositoryUrl.from(url);
            List<StoredMail> mails = new ArrayList<>();
            for (MailKey key : probe().listMailKeys(repository)) {
                Mail mail = probe().getMail(repository, key);
                try {
                    mails.add(StoredMail.of(mail));
                } finally {
                    LifecycleUtil.dispose(mail);
                }
            }
            return mails;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + url, e);
        }
    }

    /** Copies of the mails in {@code repository} now whose recipients include {@code recipient}. */
    List<StoredMail> mailsTo(String repository, String recipient) {
        return mails(repository).stream()
                .filter(mail -> mail.recipients().stream().anyMatch(address -> address.equalsIgnoreCase(recipient)))
                .toList();
    }

    /** The mail in {@code repository} for {@code recipient}, waiting up to {@link #PATIENCE} for it to arrive. */
    StoredMail awaitMail(String repository, String recipient) {
        return await("a mail for " + recipient + " in " + repository)
                .atMost(PATIENCE)
                .until(() -> mailsTo(repository, recipient), mails -> !mails.isEmpty())
                .get(0);
    }

    private MailRepositoryProbeImpl probe() {
        return server.getProbe(MailRepositoryProbeImpl.class);
    }

    @Override
    public void close() {
        server.stop();
    }

    private static void writeConfiguration(Path conf, Map<String, String> placeholders, String mailetContainer, List<String> files)
            throws IOException {
        Files.createDirectories(conf);
        for (String name : files) {
            String text;
            String template = name.equals("mailetcontainer.xml") ? mailetContainer : name;
            try (InputStream in = JamesRelay.class.getResourceAsStream("/james-conf/" + template)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource james-conf/" + template);
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (Map.Entry<String, String> slot : placeholders.entrySet()) {
                text = text.replace("${" + slot.getKey() + "}", slot.getValue());
            }
            if (text.contains("${")) {
                throw new IllegalStateException("unfilled placeholder in james-conf/" + name + ": "
                        + text.substring(text.indexOf("${"), text.indexOf('}', text.indexOf("${")) + 1));
            }
            Files.writeString(conf.resolve(name), text, StandardCharsets.UTF_8);
        }
    }

    private static void deployExtensions(Path target) throws IOException {
        String source = System.getProperty("bouncekit.extensions.dir");
        if (source == null) {
            throw new IllegalStateException("system property bouncekit.extensions.dir is not set; run the e2e tests with mvn verify");
        }
        Files.createDirectories(target);
        int copied = 0;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(source), "*.jar")) {
            for (Path jar : jars) {
                Files.copy(jar, target.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                copied++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the mailet jars from " + source, e);
        }
        if (copied == 0) {
            throw new IllegalStateException("no mailet jar in " + source);
        }
    }
}
