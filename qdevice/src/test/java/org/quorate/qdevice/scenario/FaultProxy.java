package org.quorate.qdevice.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A TCP relay on 127.0.0.1 between one node and qnetd that applies the node's {@link NodeFaults} to the
 * bytes: a cut direction swallows them (the connection stays up, as behind a DROP rule), a delay holds each
 * chunk back, in order. The end of a stream is passed on, so a close still reaches the other side.
 */
final class FaultProxy implements AutoCloseable {
    private final NodeFaults faults;
    private final IntSupplier qnetdPort;
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService delayed = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "delay"));

    FaultProxy(NodeFaults faults, IntSupplier qnetdPort) throws IOException {
        this.faults = faults;
        this.qnetdPort = qnetdPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::acceptLoop, "accept").start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Resets every relayed connection: both ends see it go. */
    void dropConnections() {
        for (Socket s : sockets) {
            try {
                s.setSoLinger(true, 0);
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        sockets.clear();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket node = listener.accept();
                Socket qnetd = new Socket();
                try {
                    qnetd.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), qnetdPort.getAsInt()), 2000);
                } catch (IOException refused) {   // qnetd is down: the node sees its connection closed
                    node.close();
                    continue;
                }
                sockets.add(node);
                sockets.add(qnetd);
                daemon(() -> pump(node, qnetd, true), "to-qnetd").start();
                daemon(() -> pump(qnetd, node, false), "from-qnetd").start();
            } catch (IOException e) {
                return;   // listener closed
            }
        }
    }

    private void pump(Socket from, Socket to, boolean towardsQnetd) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (!faults.passes(towardsQnetd)) {
                    continue;
                }
                byte[] chunk = Arrays.copyOf(buffer, n);
                long delayNanos = faults.delay().toNanos();
                if (delayNanos == 0) {
                    out.write(chunk);
                } else {
                    delayed.schedule(() -> write(out, chunk, to), delayNanos, TimeUnit.NANOSECONDS);
                }
            }
        } catch (IOException ended) {
            // reset or closed by the other pump
        }
        delayed.schedule(() -> closeQuietly(to), faults.delay().toNanos(), TimeUnit.NANOSECONDS);
    }

    private static void write(OutputStream out, byte[] chunk, Socket to) {
        try {
            out.write(chunk);
        } catch (IOException e) {
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static Thread daemon(Runnable r, String what) {
        Thread t = new Thread(r, "fault-proxy-" + what);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        dropConnections();
        delayed.shutdownNow();
    }
}
