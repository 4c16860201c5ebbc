package dev.bouncekit.receiver.internal;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.ServerSetup;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * GreenMail's SMTP server handing each connection to a {@link ReceiverSmtpHandler}, within the
 * receiver's limits: beyond the connection limit a client gets {@code 421 4.7.0} and is closed at
 * once, without a thread of its own; every accepted socket reads with the idle timeout.
 * The accept thread sends the greeting when no rule answers the connection, then hands the
 * connection over: the client reads the greeting while the connection's thread is woken.
 * Connections run on pooled threads (GreenMail starts a thread for each): a thread that served one
 * serves the next, and ends after {@value #IDLE_THREAD_SECONDS} s without work or when the server
 * stops. While it serves a connection a thread has GreenMail's name for it,
 * {@code smtp:<host>:<port><-<client>}.
 * {@code TCP_NODELAY} is on: with Nagle's algorithm and delayed ACKs each new connection would
 * cost about 40 ms. The listening socket has a backlog of {@value #BACKLOG}: with GreenMail's
 * default of 50, a burst of 200 connections has SYNs dropped and waits a second or more for
 * retransmissions instead of being answered (or refused) at once. A port that cannot be bound is
 * kept as {@link #bindFailure()} for the receiver to report, not logged with stack traces by
 * GreenMail's server thread.
 */
final class ReceiverSmtpServer extends SmtpServer {

    static final int BACKLOG = 1024;
    private static final String IDLE_THREAD = "bouncekit-smtp-idle";
    private static final long IDLE_THREAD_SECONDS = 30;

    private final CountDownLatch bound = new CountDownLatch(1);
    private volatile IOException bindFailure;

    private final Supplier<ReceiverRuntime> runtime;
    private final ReceiverSmtpManager smtpManager;
    private final Set<ProtocolHandler> handlers = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor connectionThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE,
            IDLE_THREAD_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(), ConnectionThread::new);
    /** The slot of the connection being accepted; accept thread only. */
    private ConnectionGate.Slot accepting;

    ReceiverSmtpServer(ServerSetup setup, Managers managers, Supplier<ReceiverRuntime> runtime) {
        super(setup, managers);
        this.runtime = runtime;
        this.smtpManager = new ReceiverSmtpManager(managers);
    }

    @Override
    protected ServerSocket openServerSocket() throws IOException {
        if (setup.isSecure()) {
            return super.openServerSocket();
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
            socket.bind(new InetSocketAddress(bindTo, setup.getPort()), BACKLOG);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        // as GreenMail does: the setup and the thread name carry the port actually bound
        setup = setup.port(socket.getLocalPort());
        setName(setup.getProtocol() + ':' + setup.getBindAddress() + ':' + setup.getPort());
        return socket;
    }

    /** Opens the listening socket; a failure ends the server thread quietly and is kept for the receiver. */
    @Override
    protected synchronized void initServerSocket() {
        try {
            serverSocket = openServerSocket();
            setRunning(true);
        } catch (IOException e) {
            bindFailure = e;
            throw new NotBound();
        } finally {
            bound.countDown();
        }
    }

    @Override
    public void run() {
        try {
            super.run();
        } catch (NotBound e) {
            // kept in bindFailure; GreenMail's start() sees the server not running
        }
    }

    @Override
    public boolean waitTillRunning(long timeoutInMs) throws InterruptedException {
        bound.await(timeoutInMs, TimeUnit.MILLISECONDS);
        return isRunning();
    }

    /** Why the listening socket could not be opened, or null. */
    IOException bindFailure() {
        return bindFailure;
    }

    /**
     * Closes every connection open now, as stopping the server would, and waits up to {@code waitMillis}
     * until their threads are done with them, so that none of them records or stores anything after.
     *
     * @return how many connections were closed
     */
    int closeConnections(long waitMillis) {
        List<ProtocolHandler> open = new ArrayList<>(handlers);
        for (ProtocolHandler handler : open) {
            handler.close();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        synchronized (handlers) {
            // woken by finished(handler), which removes and notifies under this lock
            while (open.stream().anyMatch(handlers::contains)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(handlers, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return open.size();
    }

    /** Forgets a connection that is done, and wakes {@link #closeConnections(long)} waiting for it. */
    private void finished(ProtocolHandler handler) {
        synchronized (handlers) {
            handlers.remove(handler);
            handlers.notifyAll();
        }
    }

    @Override
    protected void handleClientSocket(Socket clientSocket) throws SocketException {
        ReceiverRuntime shared = runtime.get();
        ConnectionGate.Slot slot = shared.gate().tryAcquire();
        if (slot == null) {
            refuse(clientSocket, shared);
            return;
        }
        accepting = slot;
        ReceiverSmtpHandler handler = null;
        try {
            clientSocket.setSoTimeout(shared.limits().idleTimeoutMillis());
            handler = createProtocolHandler(clientSocket);
            handlers.add(handler);
            handler.greet();
            ReceiverSmtpHandler greeted = handler;
            String name = getName() + "<-" + clientSocket.getInetAddress() + ":" + clientSocket.getPort();
            connectionThreads.execute(() -> serve(greeted, name));
        } catch (SocketException | RuntimeException e) {
            // GreenMail would leave the socket open; the client may already be gone
            if (handler != null) {
                finished(handler);
            }
            slot.release();
            closeQuietly(clientSocket);
            throw e;
        } finally {
            accepting = null;
        }
    }

    /** Runs one connection on a pooled thread, named after the connection while it serves it. */
    private void serve(ReceiverSmtpHandler handler, String name) {
        Thread thread = Thread.currentThread();
        thread.setName(name);
        try {
            if (thread instanceof ConnectionThread pooled) {
                handler.run(pooled.io());
            } else {
                handler.run();
            }
        } finally {
            finished(handler);
            thread.setName(IDLE_THREAD);
        }
    }

    /** Stops accepting, closes every connection, and lets the pooled threads end. */
    @Override
    protected synchronized void quit() {
        super.quit();
        for (ProtocolHandler handler : handlers) {
            handler.close();
        }
        connectionThreads.shutdown();
    }

    @Override
    protected ReceiverSmtpHandler createProtocolHandler(Socket clientSocket) {
        try {
            clientSocket.setTcpNoDelay(true);
        } catch (SocketException e) {
            log.debug("Cannot set TCP_NODELAY on {}", clientSocket, e);
        }
        ReceiverRuntime shared = runtime.get();
        ConnectionSession session = shared.recorder().open(clientSocket.getInetAddress().getHostAddress(),
                clientSocket.getPort(), shared, accepting);
        return new ReceiverSmtpHandler(new ReceiverCommandRegistry(), smtpManager, clientSocket, session);
    }

    private void refuse(Socket clientSocket, ReceiverRuntime shared) {
        shared.recorder().refused(clientSocket.getInetAddress().getHostAddress(), clientSocket.getPort(), shared,
                ProtocolReplies.TOO_MANY_CONNECTIONS, ProtocolReplies.connectionLimit(shared.limits().maxConnections()));
        try (clientSocket) {
            OutputStream out = clientSocket.getOutputStream();
            out.write((ProtocolReplies.TOO_MANY_CONNECTIONS + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            clientSocket.shutdownOutput();
        } catch (IOException e) {
            log.debug("Client {} went away before its 421", clientSocket.getRemoteSocketAddress(), e);
        }
    }

    /** A pooled connection thread, with the connection I/O and buffers it reuses from one connection to the next. */
    private static final class ConnectionThread extends Thread {
        private RecordingSmtpConnection io;

        ConnectionThread(Runnable task) {
            super(task, IDLE_THREAD);
            setDaemon(true);
        }

        RecordingSmtpConnection io() {
            if (io == null) {
                io = RecordingSmtpConnection.create();
            }
            return io;
        }
    }

    /** Ends the server thread of a server whose socket could not be opened. */
    private static final class NotBound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotBound() {
            super(null, null, false, false);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
