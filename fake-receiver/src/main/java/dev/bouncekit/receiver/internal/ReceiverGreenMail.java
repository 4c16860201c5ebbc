package dev.bouncekit.receiver.internal;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GreenMail with the receiver's SMTP server in place of the stock one; IMAP and POP3 are stock.
 *
 * <p>GreenMail's constructor calls {@link #createServices} before this class's fields are set,
 * and {@code start()} calls it again; the servers therefore reach the runtime through this
 * object lazily, at connection time.
 */
public final class ReceiverGreenMail extends GreenMail {

    private final ReceiverRuntime runtime;

    /** GreenMail with these services, answering SMTP by the runtime's rules. */
    public ReceiverGreenMail(ServerSetup[] setups, ReceiverRuntime runtime) {
        super(setups);
        this.runtime = runtime;
    }

    private ReceiverRuntime runtime() {
        return runtime;
    }

    /**
     * Starts the servers.
     *
     * @throws IllegalStateException naming the address and port, and why, when the SMTP port
     *                               cannot be bound (in use, not an address of this host, ...)
     */
    @Override
    public synchronized void start() {
        try {
            super.start();
        } catch (IllegalStateException e) {
            IllegalStateException reported = e;
            for (AbstractServer service : services.values()) {
                if (service instanceof ReceiverSmtpServer smtp && smtp.bindFailure() != null) {
                    ServerSetup setup = smtp.getServerSetup();
                    reported = new IllegalStateException("cannot listen for SMTP on " + setup.getBindAddress() + ":"
                            + setup.getPort() + ": " + smtp.bindFailure().getMessage(), smtp.bindFailure());
                }
            }
            stop();
            throw reported;
        }
    }

    /**
     * Closes the SMTP connections open now and waits up to {@code waitMillis} for their threads;
     * the servers go on listening.
     *
     * @return how many connections were closed
     */
    public int closeConnections(long waitMillis) {
        int closed = 0;
        for (AbstractServer service : services.values()) {
            if (service instanceof ReceiverSmtpServer smtp) {
                closed += smtp.closeConnections(waitMillis);
            }
        }
        return closed;
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
        List<ServerSetup> others = new ArrayList<>();
        List<ServerSetup> smtp = new ArrayList<>();
        for (ServerSetup setup : setups) {
            (setup.getProtocol().startsWith(ServerSetup.PROTOCOL_SMTP) ? smtp : others).add(setup);
        }
        Map<String, AbstractServer> services = super.createServices(others.toArray(new ServerSetup[0]), managers);
        for (ServerSetup setup : smtp) {
            if (services.containsKey(setup.getProtocol())) {
                throw new IllegalArgumentException("Server '" + setup.getProtocol() + "' configured twice");
            }
            services.put(setup.getProtocol(), new ReceiverSmtpServer(setup, managers, this::runtime));
        }
        return services;
    }
}
