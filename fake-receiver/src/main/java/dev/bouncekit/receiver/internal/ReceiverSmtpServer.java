package dev.bouncekit.receiver.internal;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.ServerSetup;

import java.net.Socket;
import java.net.SocketException;
import java.util.function.Supplier;

/**
 * GreenMail's SMTP server handing each connection to a {@link ReceiverSmtpHandler}, with
 * {@code TCP_NODELAY} on: GreenMail flushes reply lines one by one, and with Nagle's algorithm and
 * delayed ACKs each new connection would cost about 40 ms.
 */
final class ReceiverSmtpServer extends SmtpServer {

    private final Supplier<ReceiverRuntime> runtime;
    private final ReceiverSmtpManager smtpManager;

    ReceiverSmtpServer(ServerSetup setup, Managers managers, Supplier<ReceiverRuntime> runtime) {
        super(setup, managers);
        this.runtime = runtime;
        this.smtpManager = new ReceiverSmtpManager(managers);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
        try {
            clientSocket.setTcpNoDelay(true);
        } catch (SocketException e) {
            log.debug("Cannot set TCP_NODELAY on {}", clientSocket, e);
        }
        ReceiverRuntime shared = runtime.get();
        ConnectionSession session = shared.recorder().open(clientSocket.getInetAddress().getHostAddress(),
                clientSocket.getPort(), shared);
        return new ReceiverSmtpHandler(new ReceiverCommandRegistry(), smtpManager, clientSocket, session);
    }
}
