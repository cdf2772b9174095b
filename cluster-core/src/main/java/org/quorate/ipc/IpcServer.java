package org.quorate.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local administration socket of a daemon (spec §12.1).
 *
 * <p>A single IPC thread multiplexes all connections with a selector, so a slow or hostile local
 * client never blocks the daemon. Each request is split into words on that thread and handed to
 * the {@link IpcCommandHandler}, whose future is typically completed by the daemon's event loop
 * with an immutable snapshot; the reply is then written back on the IPC thread.
 *
 * <pre>{@code
 * IpcServer ipc = IpcServer.start("qnetd", settings, IpcLexer.Mode.QUOTING, handler);
 * ...
 * ipc.close();   // also fine from inside a reply's afterSent action
 * }</pre>
 */
public final class IpcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IpcServer.class);
    private static final int READ_CHUNK = 4096;

    private final IpcServerSettings settings;
    private final IpcLexer.Mode lexerMode;
    private final IpcCommandHandler handler;
    private final ServerSocketChannel listener;
    private final Selector selector;
    private final Queue<Runnable> fromOtherThreads = new ConcurrentLinkedQueue<>();
    private final List<IpcConnection> connections = new ArrayList<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean closing;

    private IpcServer(String name, IpcServerSettings settings, IpcLexer.Mode lexerMode,
                      IpcCommandHandler handler, ServerSocketChannel listener, Selector selector) {
        this.settings = settings;
        this.lexerMode = lexerMode;
        this.handler = handler;
        this.listener = listener;
        this.selector = selector;
        this.thread = new Thread(this::run, name + "-ipc");
        this.thread.setDaemon(true);
    }

    /**
     * Creates the socket file (removing a stale one) and starts the IPC thread.
     *
     * @throws IpcServerException naming the socket path when it cannot be created
     */
    public static IpcServer start(String name, IpcServerSettings settings, IpcLexer.Mode lexerMode,
                                  IpcCommandHandler handler) throws IpcServerException {
        Objects.requireNonNull(handler, "handler");
        ServerSocketChannel listener = IpcSocketFile.bind(settings);
        Selector selector;
        try {
            selector = Selector.open();
            listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            try {
                listener.close();
            } catch (IOException ignored) {
                // Reporting the first failure.
            }
            IpcSocketFile.delete(settings.socketFile());
            throw new IpcServerException("Can't create IPC socket " + settings.socketFile() + ": " + e.getMessage(), e);
        }
        IpcServer server = new IpcServer(name, settings, lexerMode, handler, listener, selector);
        server.thread.start();
        LOG.debug("IPC socket {} listening", settings.socketFile());
        return server;
    }

    public Path socketFile() {
        return settings.socketFile();
    }

    /** Completes once the IPC thread has stopped and the socket file is gone. */
    public CompletableFuture<Void> terminated() {
        return terminated;
    }

    /** Stops accepting, drops open connections and removes the socket file. Idempotent, any thread. */
    @Override
    public void close() {
        closing = true;
        selector.wakeup();
    }

    private void run() {
        ByteBuffer scratch = ByteBuffer.allocate(READ_CHUNK);
        try {
            while (!closing) {
                selector.select();
                for (Runnable task; (task = fromOtherThreads.poll()) != null; ) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    dispatch(key, scratch);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            LOG.error("IPC socket {} failed: {}", settings.socketFile(), e.toString());
        } finally {
            shutDown();
        }
    }

    private void dispatch(SelectionKey key, ByteBuffer scratch) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept();
            return;
        }
        IpcConnection conn = (IpcConnection) key.attachment();
        try {
            if (key.isReadable()) {
                onReadable(key, conn, scratch);
            } else if (key.isWritable()) {
                onWritable(key, conn);
            }
        } catch (IOException e) {
            LOG.debug("IPC client failed: {}", e.toString());
            disconnect(conn);
        }
    }

    private void accept() {
        SocketChannel channel;
        try {
            channel = listener.accept();
            if (channel == null) {
                return;
            }
            if (settings.maxClients() != 0 && connections.size() >= settings.maxClients()) {
                LOG.error("Maximum IPC clients reached. Not accepting connection");
                channel.close();
                return;
            }
            channel.configureBlocking(false);
            IpcConnection conn = new IpcConnection(channel, settings.maxReceiveSize());
            channel.register(selector, SelectionKey.OP_READ, conn);
            connections.add(conn);
        } catch (IOException e) {
            LOG.error("Can't accept local IPC connection: {}", e.toString());
        }
    }

    private void onReadable(SelectionKey key, IpcConnection conn, ByteBuffer scratch) throws IOException {
        switch (conn.read(scratch)) {
            case MORE -> { }
            case DROP -> {
                LOG.debug("IPC client closed the connection or sent more than {} bytes", settings.maxReceiveSize());
                disconnect(conn);
            }
            case LINE -> {
                key.interestOps(0);
                answer(key, conn);
            }
        }
    }

    private void answer(SelectionKey key, IpcConnection conn) {
        List<String> words = IpcLexer.split(conn.request(), lexerMode);
        CompletableFuture<IpcReply> future;
        try {
            future = handler.handle(words);
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        future.whenComplete((reply, failure) -> {
            IpcReply answer = reply;
            if (failure != null || reply == null) {
                LOG.error("IPC command {} failed", words, failure);
                answer = IpcReply.error("Internal error");
            }
            IpcReply finalAnswer = answer;
            fromOtherThreads.add(() -> startReply(key, conn, finalAnswer));
            selector.wakeup();
        });
    }

    private void startReply(SelectionKey key, IpcConnection conn, IpcReply reply) {
        if (conn.state() == IpcConnection.State.CLOSED || !key.isValid()) {
            return;
        }
        byte[] bytes = reply.encode(settings.maxSendSize());
        if (bytes == null) {
            LOG.error("Can't send ipc error to client (buffer too small)");
            disconnect(conn);
            return;
        }
        conn.startReply(bytes, reply.afterSent());
        key.interestOps(SelectionKey.OP_WRITE);
    }

    private void onWritable(SelectionKey key, IpcConnection conn) throws IOException {
        if (conn.write()) {
            disconnect(conn);
            try {
                conn.afterSent().run();
            } catch (RuntimeException e) {
                LOG.error("IPC post-reply action failed", e);
            }
        }
    }

    private void disconnect(IpcConnection conn) {
        connections.remove(conn);
        conn.close();
    }

    private void shutDown() {
        for (IpcConnection conn : List.copyOf(connections)) {
            disconnect(conn);
        }
        try {
            listener.close();
            selector.close();
        } catch (IOException e) {
            LOG.debug("Closing IPC socket: {}", e.toString());
        }
        IpcSocketFile.delete(settings.socketFile());
        terminated.complete(null);
    }
}
