package dev.bouncekit.receiver;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.bouncekit.receiver.internal.QuietLoggingDefault;
import dev.bouncekit.receiver.internal.ReceiverGreenMail;
import dev.bouncekit.receiver.internal.ReceiverLimits;
import dev.bouncekit.receiver.internal.ReceiverRuntime;
import dev.bouncekit.reply.SmtpStage;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An SMTP server for tests that says no the way real providers do. Built on GreenMail: mail it
 * accepts is stored in GreenMail's mailboxes (reachable through {@link #greenMail()}, IMAP and
 * POP3), and {@link ReplyRule}s make it answer at any stage with a catalog reply or a custom
 * one, after a delay, or by closing the connection. Every catalog reply is also reachable with no
 * rules at all through {@link MagicAddresses}. Every connection is recorded in a
 * {@link #transcript()}.
 *
 * <pre>{@code
 * try (FakeReceiver receiver = FakeReceiver.builder()
 *         .rule(ReplyRule.when(Condition.recipient("ghost@gmail.com")).reply("gmail/user-unknown"))
 *         .build().start()) {
 *     // send to receiver.host():receiver.smtpPort() ...
 *     receiver.awaitMessages(1, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * Binds 127.0.0.1 and an ephemeral port by default. Rules can be added, listed and cleared while
 * the server runs; they are evaluated in order and the first match answers.
 *
 * <p>Limits, as providers have them (see the builder): at most {@value #DEFAULT_MAX_CONNECTIONS}
 * connections at once (more get {@code 421 4.7.0 Too many connections, try again later}), a
 * 5-minute idle timeout ({@code 421 4.4.2}), and messages of at most 25 MiB ({@code SIZE} in the
 * EHLO reply; {@code 552 5.3.4 Message size exceeds fixed maximum message size} at MAIL for a
 * declared size, or after the final dot), and at most {@value #DEFAULT_MAX_RECIPIENTS} recipients in one
 * transaction ({@code 452 4.5.3 Error: too many recipients}). Mail is never relayed: every recipient's mail is stored here.
 */
public final class FakeReceiver implements AutoCloseable {

    /** Connections served at once unless the builder says otherwise. */
    public static final int DEFAULT_MAX_CONNECTIONS = 500;
    /** How long a connection may stay silent (or not read) unless the builder says otherwise. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    /** The largest message accepted unless the builder says otherwise: 25 MiB. */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 25L * 1024 * 1024;
    /** Recipients accepted in one transaction unless the builder says otherwise: Postfix's default. */
    public static final int DEFAULT_MAX_RECIPIENTS = 1000;
    /** The largest {@link Builder#maxRecipients(int)} allowed (each recipient is kept until the message is stored). */
    public static final int MAX_RECIPIENTS_LIMIT = 1_000_000;
    /** The largest {@link Builder#maxMessageSize(long)} allowed: 1 GiB (messages are kept in memory). */
    public static final long MAX_MESSAGE_SIZE_LIMIT = 1L << 30;

    /**
     * The deepest MIME nesting read: multipart (or {@code message/rfc822}) levels within levels
     * past this many are not opened. A message nested deeper is stored as received, but an
     * embedded receiver keeps it out of GreenMail's mailboxes (IMAP, POP3), whose indexing walks
     * every level; the HTTP API shows its parts as far as this depth and says the rest was not read.
     */
    public static final int MAX_MIME_DEPTH = 64;

    /** How long {@link #closeConnections()} waits for the closed connections' threads. */
    private static final long CLOSE_CONNECTIONS_WAIT_MILLIS = 3000;

    static {
        QuietLoggingDefault.apply();
    }

    private final ReceiverRuntime runtime;
    private final ReceiverGreenMail greenMail;
    private final String host;
    private final Object lifecycle = new Object();
    private boolean started;
    private boolean closed;

    private FakeReceiver(Builder builder) {
        this.host = builder.bind;
        this.runtime = new ReceiverRuntime(builder.magicAddresses,
                new ReceiverLimits(builder.maxConnections, builder.idleTimeout, builder.maxMessageSize,
                        builder.maxRecipients),
                builder.hostname, builder.listener, builder.retention, builder.clock);
        this.runtime.rules().replaceAll(builder.rules);
        this.runtime.realAddresses(builder.realAddresses);
        List<ServerSetup> setups = new ArrayList<>();
        setups.add(new ServerSetup(builder.smtpPort, host, ServerSetup.PROTOCOL_SMTP));
        if (builder.imapPort >= 0) {
            setups.add(new ServerSetup(builder.imapPort, host, ServerSetup.PROTOCOL_IMAP));
        }
        if (builder.pop3Port >= 0) {
            setups.add(new ServerSetup(builder.pop3Port, host, ServerSetup.PROTOCOL_POP3));
        }
        this.greenMail = new ReceiverGreenMail(setups.toArray(new ServerSetup[0]), runtime);
        if (builder.anyCredentials) {
            greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        }
    }

    /**
     * A builder with the defaults: 127.0.0.1, ephemeral SMTP port, no IMAP/POP3, no rules, magic
     * addresses on, {@value #DEFAULT_MAX_CONNECTIONS} connections, 5 minutes idle timeout, 25 MiB
     * messages, greeting as {@code localhost}, no listener.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening; returns this receiver.
     *
     * @throws IllegalStateException when already started or closed, or when the port cannot be bound
     *                               ({@code cannot listen for SMTP on 127.0.0.1:2525: Address already in use})
     */
    public FakeReceiver start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("this receiver has been closed; build a new one");
            }
            if (started) {
                throw new IllegalStateException("this receiver is already started");
            }
            greenMail.start();
            started = true;
            return this;
        }
    }

    /** Stops the servers and ends pending delays. A closed receiver cannot be started again. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            runtime.stop();
            if (started) {
                greenMail.stop();
            }
        }
    }

    /** The address the servers are bound to, as given to the builder (default {@code 127.0.0.1}). */
    public String host() {
        return host;
    }

    /** The host name the receiver greets with ({@code 220 localhost ESMTP bouncekit}) and gives in its EHLO reply. */
    public String hostname() {
        return runtime.hostname();
    }

    /** The SMTP port actually bound (also when the builder asked for port 0). */
    public int smtpPort() {
        requireStarted();
        return greenMail.getSmtp().getPort();
    }

    /** Host and SMTP port. */
    public InetSocketAddress smtpAddress() {
        return new InetSocketAddress(host, smtpPort());
    }

    /** The IMAP port, when the builder enabled IMAP. */
    public Optional<Integer> imapPort() {
        requireStarted();
        return greenMail.getImap() == null ? Optional.empty() : Optional.of(greenMail.getImap().getPort());
    }

    /** The POP3 port, when the builder enabled POP3. */
    public Optional<Integer> pop3Port() {
        requireStarted();
        return greenMail.getPop3() == null ? Optional.empty() : Optional.of(greenMail.getPop3().getPort());
    }

    /**
     * SMTP connections open now: accepted and not yet closed by either side. Connections refused
     * for the connection limit are never counted.
     */
    public int activeConnections() {
        return runtime.activeConnections();
    }

    /** Connections served at once; more are answered {@code 421 4.7.0} and closed. */
    public int maxConnections() {
        return runtime.limits().maxConnections();
    }

    /** How long a read or write may wait before the connection is closed with {@code 421 4.4.2}. */
    public Duration idleTimeout() {
        return runtime.limits().idleTimeout();
    }

    /** The largest message accepted, in octets; larger ones get {@code 552 5.3.4}. */
    public long maxMessageSize() {
        return runtime.limits().maxMessageSize();
    }

    /** Recipients accepted in one transaction; more get {@code 452 4.5.3 Error: too many recipients}. */
    public int maxRecipients() {
        return runtime.limits().maxRecipients();
    }

    /** True between {@link #start()} and {@link #close()}. */
    public boolean isRunning() {
        synchronized (lifecycle) {
            return started && !closed;
        }
    }

    // ---- rules ----

    /** Appends a rule; it answers after the rules already installed. Safe while the server runs. */
    public FakeReceiver addRule(ReplyRule rule) {
        runtime.rules().add(Objects.requireNonNull(rule, "rule"));
        return this;
    }

    /** Replaces all rules with these, in order; use counts ({@code times}) start again. */
    public FakeReceiver setRules(List<ReplyRule> rules) {
        runtime.rules().replaceAll(List.copyOf(rules));
        return this;
    }

    /** The installed rules in evaluation order. */
    public List<ReplyRule> rules() {
        return runtime.rules().rules();
    }

    /** How many times each installed rule has answered, in the order of {@link #rules()}. */
    public List<Integer> ruleUses() {
        return runtime.rules().uses();
    }

    /**
     * Removes the rule at {@code index} in {@link #rules()} (from 0); the other rules keep their use
     * counts ({@code times}). Safe while the server runs.
     *
     * @return the rule removed, or empty when there is none at {@code index}
     */
    public Optional<ReplyRule> removeRule(int index) {
        return Optional.ofNullable(runtime.rules().remove(index));
    }

    /** Removes all rules: mail is accepted again (magic addresses still answer). */
    public void clearRules() {
        runtime.rules().clear();
    }

    /** Whether magic addresses answer when no rule does. */
    public boolean magicAddresses() {
        return runtime.magicAddresses();
    }

    /** Turns magic addresses on or off. */
    public void magicAddresses(boolean enabled) {
        runtime.magicAddresses(enabled);
    }

    /**
     * Clears rules, stored mail (also GreenMail's mailboxes), the transcript, the refusals and the eviction
     * counts; connections and
     * messages are numbered from 1 again.
     */
    public void reset() {
        clearRules();
        clearMessages();
        runtime.recorder().reset();
    }

    /**
     * Closes every SMTP connection open now, as a restarted server would (the server goes on
     * listening), and waits a few seconds at most until they are done: nothing sent on them is
     * recorded or stored afterwards. Before a {@link #reset()} it gives the next test of a shared
     * receiver no connection of the previous one. Clients see their connection closed.
     *
     * @return how many connections were closed
     */
    public int closeConnections() {
        synchronized (lifecycle) {
            if (!started || closed) {
                return 0;
            }
        }
        return greenMail.closeConnections(CLOSE_CONNECTIONS_WAIT_MILLIS);
    }

    // ---- what was received ----

    /** The messages accepted and stored, in order. */
    public List<ReceivedMessage> receivedMessages() {
        return runtime.recorder().messages();
    }

    /** The stored message with this id. */
    public Optional<ReceivedMessage> receivedMessage(int id) {
        return runtime.recorder().message(id);
    }

    /** Forgets the stored messages, also in GreenMail's mailboxes. */
    public void clearMessages() {
        runtime.recorder().clearMessages();
        synchronized (lifecycle) {
            if (started && !closed) {
                try {
                    greenMail.purgeEmailFromAllMailboxes();
                } catch (FolderException e) {
                    throw new IllegalStateException("cannot purge GreenMail's mailboxes", e);
                }
            }
        }
    }

    /** Snapshots of every connection so far, in the order accepted. */
    public List<TranscriptConnection> transcript() {
        return runtime.recorder().transcript();
    }

    /** Forgets the recorded connections. */
    public void clearTranscript() {
        runtime.recorder().clearTranscript();
    }

    /** Forgets one stored message (not GreenMail's copy); false when there is none with this id. */
    public boolean deleteMessage(int id) {
        return runtime.recorder().deleteMessage(id);
    }

    /** The refused commands kept, oldest first; they outlive their connections' transcripts. */
    public List<Refusal> refusals() {
        return runtime.recorder().refusals();
    }

    /** Forgets the refusals. */
    public void clearRefusals() {
        runtime.recorder().clearRefusals();
    }

    /** What this receiver keeps. */
    public Retention retention() {
        return runtime.recorder().retention();
    }

    /** What it has evicted under its retention since it started or was reset. */
    public Evictions evictions() {
        return runtime.recorder().evictions();
    }

    /**
     * Waits until at least {@code count} messages are stored.
     *
     * @return the stored messages
     * @throws AwaitTimeoutException when fewer arrived in time, with what was seen
     */
    public List<ReceivedMessage> awaitMessages(int count, Duration timeout) {
        if (!runtime.recorder().awaitUntil(() -> runtime.recorder().messageCount() >= count, timeout)) {
            throw new AwaitTimeoutException("expected " + count + " stored message(s) within " + timeout + " but got "
                    + runtime.recorder().messageCount() + "; transcript:\n" + summary());
        }
        return receivedMessages();
    }

    /**
     * Waits until at least {@code count} connections have been closed (by QUIT, by the client or
     * by a rule), so their transcripts are complete.
     *
     * @return the transcript
     * @throws AwaitTimeoutException when fewer closed in time, with what was seen
     */
    public List<TranscriptConnection> awaitConnections(int count, Duration timeout) {
        if (!runtime.recorder().awaitUntil(() -> runtime.recorder().closedConnectionCount() >= count, timeout)) {
            throw new AwaitTimeoutException("expected " + count + " closed connection(s) within " + timeout + " but got "
                    + runtime.recorder().closedConnectionCount() + "; transcript:\n" + summary());
        }
        return transcript();
    }

    /**
     * Waits until the transcript satisfies a condition, re-checked whenever something is recorded.
     *
     * @return the transcript that satisfied it
     * @throws AwaitTimeoutException when it did not in time
     */
    public List<TranscriptConnection> awaitTranscript(Predicate<List<TranscriptConnection>> condition, Duration timeout) {
        if (!runtime.recorder().awaitUntil(() -> condition.test(transcript()), timeout)) {
            throw new AwaitTimeoutException("the transcript did not reach the expected state within " + timeout
                    + "; transcript:\n" + summary());
        }
        return transcript();
    }

    /** The GreenMail instance underneath, for its own API (mailboxes, users, waitForIncomingEmail). */
    public GreenMail greenMail() {
        return greenMail;
    }

    /** A short readable transcript, one line per exchange, for failure messages. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        for (TranscriptConnection c : transcript()) {
            out.append("connection ").append(c.id()).append(" from ").append(c.clientAddress())
                    .append(c.isClosed() ? " (closed)" : " (open)").append('\n');
            for (Exchange e : c.exchanges()) {
                out.append("  ").append(e.command() == null ? (e.stage() == SmtpStage.CONNECT ? "<connect>" : "<unsolicited>") : e.command())
                        .append(" -> ").append(e.reply().isEmpty() ? "<no reply>" : String.join(" | ", e.reply()));
                if (e.rule() != null) {
                    out.append("   [").append(e.rule()).append(']');
                }
                out.append('\n');
            }
        }
        return out.length() == 0 ? "  (no connections)\n" : out.toString();
    }

    @Override
    public String toString() {
        synchronized (lifecycle) {
            return "FakeReceiver[" + host + (started && !closed ? ":" + greenMail.getSmtp().getPort() : ", not running") + "]";
        }
    }

    private void requireStarted() {
        synchronized (lifecycle) {
            if (!started || closed) {
                throw new IllegalStateException("the receiver is not running; call start()");
            }
        }
    }

    /** Configures a {@link FakeReceiver}. */
    public static final class Builder {
        private String bind = "127.0.0.1";
        private int smtpPort = 0;
        private int imapPort = -1;
        private int pop3Port = -1;
        private boolean magicAddresses = true;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private long maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        private int maxRecipients = DEFAULT_MAX_RECIPIENTS;
        private String hostname = ReceiverRuntime.DEFAULT_HOSTNAME;
        private ReceiverListener listener;
        private final List<ReplyRule> rules = new ArrayList<>();
        private Retention retention = Retention.UNLIMITED;
        private Clock clock = Clock.systemUTC();
        private boolean realAddresses;
        private boolean anyCredentials = true;

        private Builder() {
        }

        /**
         * The address to listen on, default {@code 127.0.0.1}. Anything else exposes the receiver to
         * the network.
         *
         * @throws IllegalArgumentException when it is not an IP address or resolvable name
         */
        public Builder bind(String address) {
            Objects.requireNonNull(address, "address");
            try {
                InetAddress.getByName(address);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("cannot bind to '" + address + "': unknown host", e);
            }
            this.bind = address;
            return this;
        }

        /** The SMTP port; 0 (the default) picks a free one. */
        public Builder smtpPort(int port) {
            this.smtpPort = checkPort(port);
            return this;
        }

        /** Also serves the stored mail over IMAP on this port (0 picks a free one). Login: the address, password: the address. */
        public Builder imapPort(int port) {
            this.imapPort = checkPort(port);
            return this;
        }

        /** Also serves the stored mail over POP3 on this port (0 picks a free one). Login: the address, password: the address. */
        public Builder pop3Port(int port) {
            this.pop3Port = checkPort(port);
            return this;
        }

        /**
         * How many SMTP connections are served at once (default {@value #DEFAULT_MAX_CONNECTIONS});
         * a client beyond the limit gets {@code 421 4.7.0 Too many connections, try again later}
         * and is closed, without taking a thread. It is recorded in the transcript.
         *
         * @throws InvalidSettingException when not 1 or more
         */
        public Builder maxConnections(int max) {
            if (max < 1) {
                throw new InvalidSettingException("maxConnections", "be 1 or more", String.valueOf(max), false);
            }
            this.maxConnections = max;
            return this;
        }

        /**
         * How long a connection may wait for the client, reading or writing (default 5 minutes, as
         * RFC 5321 suggests); then it gets {@code 421 4.4.2 Error: timeout exceeded, closing
         * connection} and is closed. Rule delays do not count.
         *
         * @throws InvalidSettingException when not between 1 ms and 24 days
         */
        public Builder idleTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toMillis() < 1 || timeout.compareTo(Duration.ofDays(24)) > 0) {
                throw new InvalidSettingException("idleTimeout", "be between 1 ms and 24 days", String.valueOf(timeout), false);
            }
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * The largest message accepted, in octets (default 25 MiB). It is advertised as {@code SIZE}
         * in the EHLO reply; {@code MAIL FROM:<..> SIZE=n} over it and a larger message after the final
         * dot get {@code 552 5.3.4 Message size exceeds fixed maximum message size}. A larger message is
         * read to its end and dropped, never held in memory.
         *
         * @throws InvalidSettingException when not between 1 and {@link #MAX_MESSAGE_SIZE_LIMIT}
         */
        public Builder maxMessageSize(long octets) {
            if (octets < 1 || octets > MAX_MESSAGE_SIZE_LIMIT) {
                throw new InvalidSettingException("maxMessageSize", "be between 1 and " + MAX_MESSAGE_SIZE_LIMIT + " octets",
                        String.valueOf(octets), false);
            }
            this.maxMessageSize = octets;
            return this;
        }

        /**
         * How many recipients one transaction may have (default {@value #DEFAULT_MAX_RECIPIENTS}, as
         * Postfix's {@code smtpd_recipient_limit}; RFC 5321, 4.5.3.1.8, asks for at least 100). A
         * {@code RCPT TO} beyond it gets {@code 452 4.5.3 Error: too many recipients}, and the client
         * sends the rest in another transaction; the recipients taken so far keep their place. A
         * recipient given twice counts once.
         *
         * @throws InvalidSettingException when not between 1 and {@link #MAX_RECIPIENTS_LIMIT}
         */
        public Builder maxRecipients(int max) {
            if (max < 1 || max > MAX_RECIPIENTS_LIMIT) {
                throw new InvalidSettingException("maxRecipients", "be between 1 and " + MAX_RECIPIENTS_LIMIT,
                        String.valueOf(max), false);
            }
            this.maxRecipients = max;
            return this;
        }

        /**
         * The host name given in the greeting ({@code 220 mx.test ESMTP bouncekit}) and in the first
         * line of the EHLO reply; default {@code localhost}. Postfix and other clients refuse to
         * deliver to a server that greets them with their own name (a mail loop), so a receiver
         * behind a relay needs a name of its own.
         *
         * @throws InvalidSettingException when it is not a host name or an address literal
         */
        public Builder hostname(String name) {
            Objects.requireNonNull(name, "name");
            if (!isHostname(name) && !isAddressLiteral(name)) {
                throw new InvalidSettingException("hostname", "be a host name such as mx.example.test or an"
                        + " address literal such as [192.0.2.1]", name, true);
            }
            this.hostname = name;
            return this;
        }

        /** Tells {@code listener} of every stored message and every refusal, as they happen; null for none. */
        public Builder listener(ReceiverListener receiverListener) {
            this.listener = receiverListener;
            return this;
        }

        /** Whether {@link MagicAddresses} answer when no rule does (default on). */
        public Builder magicAddresses(boolean enabled) {
            this.magicAddresses = enabled;
            return this;
        }

        /** Appends a rule. */
        public Builder rule(ReplyRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** Appends rules in order. */
        public Builder rules(List<ReplyRule> more) {
            for (ReplyRule r : more) {
                rule(r);
            }
            return this;
        }

        /**
         * What the receiver keeps, default {@link Retention#UNLIMITED}. With a bound on messages they
         * are kept only in the receiver's own store, not in GreenMail's mailboxes (so not over IMAP
         * or POP3), so that memory stays bounded.
         */
        public Builder retention(Retention kept) {
            this.retention = Objects.requireNonNull(kept, "retention");
            return this;
        }

        /**
         * The clock that stamps connections, exchanges, refusals and messages and by which
         * {@link Retention#maxAge()} ages them out, default the system clock in UTC. A test that
         * checks what ages out moves a clock of its own instead of waiting. The {@code Received:}
         * header's date stays the system's.
         */
        public Builder clock(Clock time) {
            this.clock = Objects.requireNonNull(time, "clock");
            return this;
        }

        /**
         * Whether catalog replies name the session's own addresses: the refused recipient (or the
         * sender at MAIL) in place of the catalog's example mailbox, its domain in place of a reserved
         * example domain, the client's IP in place of an example IP. Off by default (replies go out byte
         * for byte as the catalog has them); {@code bouncekit serve} turns it on.
         */
        public Builder realAddresses(boolean enabled) {
            this.realAddresses = enabled;
            return this;
        }

        /**
         * Whether SMTP AUTH ({@code PLAIN}, {@code LOGIN}) takes any user name and password, as
         * MailHog and smtp4dev do, so that an application configured with a provider's credentials
         * sends to the receiver unchanged (default on; the secrets are masked in the transcript).
         * Off, only GreenMail's users ({@code greenMail().setUser(..)}) log in, and other
         * credentials get {@code 535 5.7.8}. Mail is accepted without AUTH either way.
         */
        public Builder anyCredentials(boolean enabled) {
            this.anyCredentials = enabled;
            return this;
        }

        /** The receiver, not yet started. */
        public FakeReceiver build() {
            return new FakeReceiver(this);
        }

        /**
         * A host name: dot-separated labels of 1 to 63 letters, digits, hyphens and underscores (as
         * container names have them), none starting or ending with a hyphen, 255 characters at most.
         */
        private static boolean isHostname(String name) {
            return name.length() <= 255
                    && name.matches("(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*");
        }

        /** An address literal of RFC 5321: {@code [192.0.2.1]} or {@code [IPv6:2001:db8::1]}. */
        private static boolean isAddressLiteral(String name) {
            String octet = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
            // The length first (the longest literal, [IPv6:ffff:...:ffff:255.255.255.255], is 52):
            // the patterns are then tried on a few dozen characters at most.
            return name.length() <= 52 && (name.matches("\\[" + octet + "(?:\\." + octet + "){3}\\]")
                    || name.matches("\\[IPv6:[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*\\]"));
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new InvalidSettingException("port", "be 0 to 65535", String.valueOf(port), false);
            }
            return port;
        }
    }
}
