package dev.bouncekit.cli;

import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.InvalidSettingException;
import dev.bouncekit.receiver.MagicAddresses;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.receiver.Retention;
import dev.bouncekit.server.http.Cors;
import dev.bouncekit.server.http.ReceiverHttpApi;
import dev.bouncekit.server.scenario.Scenario;
import dev.bouncekit.server.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code bouncekit serve}: the fake receiver as a standalone server for applications in any
 * language, with the HTTP JSON API beside it. Runs until SIGINT/SIGTERM (or {@link #stop()}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, defaultValueProvider = EnvironmentDefaults.class,
        description = {"Run the fake receiver: an SMTP server that answers with real provider replies by rules "
                + "and magic addresses, stores accepted mail, and serves an HTTP JSON API.",
                "Logs one line per accepted message and per refusal. Stops on Ctrl-C (SIGINT) or SIGTERM."},
        footer = {"", "Every option can also be set in the environment: BOUNCEKIT_ and the option's name in capitals, "
                + "'-' written '_': BOUNCEKIT_SMTP_PORT=2525, BOUNCEKIT_SCENARIO=/rules.yaml, BOUNCEKIT_QUIET=true. "
                + "The command line wins over the environment."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--smtp-port", defaultValue = "2525", paramLabel = "PORT",
            description = "SMTP port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int smtpPort;

    @Option(names = "--http-port", defaultValue = "8025", paramLabel = "PORT",
            description = "HTTP API port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int httpPort;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on. Default: ${DEFAULT-VALUE}. Anything but loopback exposes an "
                    + "unauthenticated server to the network.")
    String bind;

    @Option(names = "--scenario", paramLabel = "FILE", description = "Rules to start with, as a YAML scenario file.")
    Path scenario;

    @Option(names = "--no-magic-addresses", description = "Accept mail to magic addresses instead of answering with their catalog replies.")
    boolean noMagicAddresses;

    @Option(names = "--max-connections", defaultValue = "500", paramLabel = "N",
            description = "SMTP connections served at once; more get '421 4.7.0 Too many connections, try again later'. "
                    + "Default: ${DEFAULT-VALUE}.")
    int maxConnections;

    @Option(names = "--idle-timeout", defaultValue = "5m", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Close a connection that is silent (or does not read) this long, with '421 4.4.2' "
                    + "(500ms, 1.5s, 5m, 1h, PT5M). Default: ${DEFAULT-VALUE}.")
    Duration idleTimeout;

    @Option(names = "--max-message-size", defaultValue = "25M", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Largest message accepted, advertised as SIZE; larger ones get "
                    + "'552 5.3.4 Message size exceeds fixed maximum message size' (octets, or 512K, 25M, 1G). "
                    + "Default: ${DEFAULT-VALUE}.")
    long maxMessageSize;

    @Option(names = "--max-recipients", defaultValue = "1000", paramLabel = "N",
            description = "Recipients accepted in one transaction; more get '452 4.5.3 Error: too many recipients'. "
                    + "Default: ${DEFAULT-VALUE}.")
    int maxRecipients;

    @Option(names = "--hostname", defaultValue = "localhost", paramLabel = "NAME",
            description = "The host name in the greeting (220 NAME ESMTP bouncekit) and the EHLO reply; give one that "
                    + "differs from the sending host's, or Postfix sees a mail loop. Default: ${DEFAULT-VALUE}.")
    String hostname;

    @Option(names = "--max-messages", defaultValue = "1000", paramLabel = "N",
            description = "Stored messages kept; the oldest is evicted first. Default: ${DEFAULT-VALUE}.")
    int maxMessages;

    @Option(names = "--max-transcripts", defaultValue = "1000", paramLabel = "N",
            description = "Connection transcripts kept; the oldest is evicted first. Default: ${DEFAULT-VALUE}.")
    int maxTranscripts;

    @Option(names = "--max-refusals", defaultValue = "1000", paramLabel = "N",
            description = "Refusals kept; the oldest is evicted first. Default: ${DEFAULT-VALUE}.")
    int maxRefusals;

    @Option(names = "--max-exchanges", defaultValue = "500", paramLabel = "N",
            description = "Exchanges kept per connection (the greeting and the latest). Default: ${DEFAULT-VALUE}.")
    int maxExchanges;

    @Option(names = "--max-age", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Evict messages, transcripts and refusals older than this (30m, 1h, PT2H). Default: no age limit.")
    Duration maxAge;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", split = ",",
            description = "Browser origins that may call the HTTP API (http://localhost:3000, or * for any). "
                    + "Default: pages from loopback hosts.")
    List<String> corsOrigins;

    @Option(names = "--quiet", description = "Do not log accepted messages and refusals.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile int boundSmtpPort = -1;
    private volatile int boundHttpPort = -1;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = OneLineErrors.lines(spec.commandLine().getErr());
        UnreadVariables.warn(spec, err);
        try {
            return serve(out, err);
        } finally {
            stopped.countDown();
            started.countDown();
        }
    }

    private int serve(PrintWriter out, PrintWriter err) {
        List<ReplyRule> rules = List.of();
        if (scenario != null) {
            try {
                rules = Scenario.load(scenario).rules();
            } catch (ScenarioException e) {
                err.println("bouncekit serve: " + e.getMessage());
                err.flush();
                return 1;
            } catch (IOException e) {
                err.println("bouncekit serve: " + scenario + ": cannot be read: " + e.getMessage());
                err.flush();
                return 1;
            }
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            err.println("bouncekit serve: --bind " + bind + ": unknown host");
            err.flush();
            return 1;
        }
        if (!isOfThisHost(address)) {
            err.println("bouncekit serve: --bind " + bind + ": not an address of this host; give one of its addresses, "
                    + "127.0.0.1 (the default) or 0.0.0.0 for every interface");
            err.flush();
            return 1;
        }
        if (!address.isLoopbackAddress()) {
            warnExposed(err);
        }

        Retention[] retained = {Retention.SERVE_DEFAULTS};
        Cors[] allowed = {Cors.loopback()};
        for (String refused : new String[] {
                refused("--max-messages", () -> retained[0] = retained[0].withMaxMessages(maxMessages)),
                refused("--max-transcripts", () -> retained[0] = retained[0].withMaxTranscripts(maxTranscripts)),
                refused("--max-refusals", () -> retained[0] = retained[0].withMaxRefusals(maxRefusals)),
                refused("--max-exchanges", () -> retained[0] = retained[0].withMaxExchanges(maxExchanges)),
                refused("--max-age", () -> retained[0] = retained[0].withMaxAge(maxAge)),
                refused("--cors-origin", () -> allowed[0] = corsOrigins == null || corsOrigins.isEmpty()
                        ? Cors.loopback() : Cors.origins(corsOrigins))}) {
            if (refused != null) {
                err.println("bouncekit serve: " + refused);
                err.flush();
                return 1;
            }
        }
        Retention retention = retained[0];
        Cors cors = allowed[0];
        FakeReceiver.Builder builder = FakeReceiver.builder().bind(bind).rules(rules).retention(retention).realAddresses(true)
                .magicAddresses(!noMagicAddresses);
        ServeLog log = quiet ? null : new ServeLog(out);
        if (log != null) {
            builder.listener(log);
        }
        for (String refused : new String[] {
                refused("--smtp-port", () -> builder.smtpPort(smtpPort)),
                refused("--http-port", () -> FakeReceiver.builder().smtpPort(httpPort)),
                refused("--hostname", () -> builder.hostname(hostname)),
                refused("--max-connections", () -> builder.maxConnections(maxConnections)),
                refused("--idle-timeout", () -> builder.idleTimeout(idleTimeout)),
                refused("--max-message-size", () -> builder.maxMessageSize(maxMessageSize)),
                refused("--max-recipients", () -> builder.maxRecipients(maxRecipients))}) {
            if (refused != null) {
                err.println("bouncekit serve: " + refused);
                err.flush();
                return 1;
            }
        }
        if (smtpPort != 0 && smtpPort == httpPort) {
            // else the HTTP server fails on the port serve's own SMTP server has just taken
            err.println("bouncekit serve: --smtp-port and --http-port are both " + smtpPort
                    + "; give them different ports (or 0 for a free one)");
            err.flush();
            return 1;
        }
        FakeReceiver receiver = builder.build();
        ReceiverHttpApi api = null;
        HeapBudget heap = null;
        Thread hook = new Thread(this::stopFromSignal, "bouncekit-serve-shutdown");
        try {
            try {
                receiver.start();
            } catch (RuntimeException e) {
                err.println("bouncekit serve: cannot listen for SMTP on " + bind + ":" + smtpPort + ": " + rootMessage(e)
                        + portAdvice("--smtp-port", smtpPort));
                err.flush();
                return 1;
            }
            try {
                api = ReceiverHttpApi.start(receiver, bind, httpPort, cors);
            } catch (IOException e) {
                err.println("bouncekit serve: cannot listen for HTTP on " + bind + ":" + httpPort + ": " + rootMessage(e)
                        + portAdvice("--http-port", httpPort));
                err.flush();
                return 1;
            }
            heap = HeapBudget.start(HeapBudget.DEFAULT_BUDGET);
            boundSmtpPort = receiver.smtpPort();
            boundHttpPort = api.port();
            Runtime.getRuntime().addShutdownHook(hook);
            printBanner(out, rules.size());
            started.countDown();

            awaitStopRequest();
            if (log != null) {
                log.write();
            }
            out.println("bouncekit serve: stopping");
            out.flush();
            return 0;
        } finally {
            if (heap != null) {
                heap.close();
            }
            if (api != null) {
                api.close();
            }
            receiver.close();
            if (log != null) {
                log.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook is running and waits for us
            }
        }
    }

    /** Asks a running {@code serve} to stop; it closes both servers and returns 0. */
    public void stop() {
        stopRequested.countDown();
    }

    /** Waits until the servers listen (or start-up failed); true when listening. */
    public boolean awaitStarted(Duration timeout) throws InterruptedException {
        return started.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && boundSmtpPort > 0;
    }

    /** Waits until {@code serve} has closed everything. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The SMTP port bound, once started. */
    public int smtpPort() {
        return boundSmtpPort;
    }

    /** The HTTP port bound, once started. */
    public int httpPort() {
        return boundHttpPort;
    }

    private void stopFromSignal() {
        stop();
        try {
            stopped.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitStopRequest() {
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void printBanner(PrintWriter out, int ruleCount) {
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        String http = "http://" + host + ":" + boundHttpPort;
        out.println("bouncekit fake receiver");
        out.println("  SMTP      " + host + ":" + boundSmtpPort + "   (greets as " + hostname + ")");
        out.println("  web page  " + http + "/");
        out.println("  HTTP API  " + http + "/api/v1   (described by " + http + "/api/v1/openapi.json)");
        out.println("  rules     " + ruleCount + (scenario == null ? "" : " from " + scenario));
        out.println("  keeps     " + maxMessages + " messages, " + maxTranscripts + " transcripts, " + maxRefusals
                + " refusals" + (maxAge == null ? "" : ", none older than " + DurationConverter.format(maxAge)));
        out.println("  limits    " + maxConnections + " connections, idle timeout " + DurationConverter.format(idleTimeout)
                + ", messages up to " + ByteSizeConverter.format(maxMessageSize) + " (" + maxMessageSize + " octets)"
                + ", " + maxRecipients + " recipients a message");
        if (noMagicAddresses) {
            out.println("Magic addresses are off: every recipient without a rule is accepted and stored.");
        } else {
            out.println("Magic addresses: mail to <provider>.<name>@<any domain> gets the catalog reply <provider>/<name>:");
            out.println("  RCPT TO:<" + MagicAddresses.address("gmail/user-unknown") + ">      -> gmail/user-unknown at RCPT");
            out.println("  RCPT TO:<" + MagicAddresses.address("gmail/unsolicited") + ">       -> gmail/unsolicited after DATA");
            out.println("  MAIL FROM:<" + MagicAddresses.address("outlook/spamhaus-mailfrom") + "> -> its reply at MAIL");
            out.println("  (a +tag is ignored; earlier-stage entries sent as recipients answer at RCPT)");
            out.println("  All ids: " + http + "/api/v1/catalog or 'bouncekit catalog'. Other addresses are accepted and stored.");
        }
        out.println(quiet ? "Not logging mail (--quiet)." : "Logging each accepted message and each refusal below.");
        out.println("Stop with Ctrl-C.");
        out.flush();
    }

    private void warnExposed(PrintWriter err) {
        err.println("!!! WARNING !!!");
        err.println("!!! bouncekit serve is listening on " + bind + ", which is not a loopback address.");
        err.println("!!! Anyone who can reach this machine can send mail to it, read the stored mail and change");
        err.println("!!! its rules through the HTTP API, which has no authentication. Use --bind 127.0.0.1");
        err.println("!!! unless this is an isolated test network.");
        err.flush();
    }

    /**
     * Whether a socket can be bound to the address here: the wildcard, loopback, or an address of
     * one of this host's interfaces. Checked before anything is bound, so that a wrong address is
     * one line and not the warning about exposed addresses followed by a failure to listen.
     */
    private static boolean isOfThisHost(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return true;
        }
    }

    /** How to get past a port that cannot be had. */
    private static String portAdvice(String option, int port) {
        String variable = "BOUNCEKIT_" + option.substring(2).replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        return port == 0 ? "; check --bind" : "; stop what uses port " + port + " or choose another with " + option
                + " (or " + variable + "), 0 for any free port";
    }

    /**
     * Null when the builder takes the option's value, else what is wrong with it in the user's terms:
     * the builder's refusal of {@code maxRecipients} (or {@code idleTimeout} ... {@code PT0S}) is
     * worded for the option, "--max-recipients must be ..., not 0", with the value as given, followed
     * by the variable it came from when it was set in the environment.
     */
    private String refused(String option, Runnable setting) {
        try {
            setting.run();
            return null;
        } catch (InvalidSettingException e) {
            String given = given(option);
            return e.reworded(option, given == null ? e.value() : given) + source(option);
        } catch (IllegalArgumentException e) {
            return option + ": " + e.getMessage() + source(option);
        }
    }

    /** The option's value as the user wrote it, on the command line or in its variable; null if neither. */
    private String given(String option) {
        var parsed = spec.commandLine().getParseResult().matchedOption(option);
        if (parsed != null) {
            List<String> values = parsed.stringValues();
            return values.isEmpty() ? null : values.get(values.size() - 1);
        }
        OptionSpec declared = spec.findOption(option);
        return declared == null || !(spec.defaultValueProvider() instanceof EnvironmentDefaults env)
                ? null : env.defaultValue(declared);
    }

    /** " (environment: BOUNCEKIT_...=value)" when the option's value came from the environment, else "". */
    private String source(String option) {
        OptionSpec declared = spec.findOption(option);
        if (declared == null || spec.commandLine().getParseResult().hasMatchedOption(option)
                || !(spec.defaultValueProvider() instanceof EnvironmentDefaults env)) {
            return "";
        }
        return env.describe(declared).map(where -> " (" + where + ")").orElse("");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
