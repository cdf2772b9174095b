package org.quorate.qdevice.corosync;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.quorate.qdevice.backend.CsError;
import org.quorate.qdevice.backend.QuorumBackendException;

/**
 * The one thread that waits on the corosync libraries' IPC fds with poll(2) and calls each
 * library's dispatch when its fd is readable. The poll timeout lets {@link #stop()} return
 * promptly. A hang-up, an error on an fd or a dispatch that reports a dead connection ends the
 * thread and reports the loss once: corosync is gone and the libraries cannot reconnect.
 *
 * <p>The thread gets a large stack on purpose: corosync's {@code *_dispatch} functions keep a
 * 1 MiB receive buffer ({@code IPC_DISPATCH_SIZE}) on the stack, which overflows a JVM thread's
 * default 1 MiB stack and crashes the process.
 */
final class FdDispatcher {
    static final int CS_DISPATCH_ALL = 2;
    /** Room for corosync's 1 MiB on-stack dispatch buffer, JNA's frames and the callbacks. */
    static final long STACK_SIZE = 16L << 20;

    /** One library's fd and its dispatch call (returns a cs_error_t code). */
    record Source(String name, int fd, IntSupplier dispatchAll) {
    }

    private final List<Source> sources;
    private final int pollTimeoutMs;
    private final Consumer<QuorumBackendException> onLost;
    private final Thread thread;
    private volatile boolean running = true;

    FdDispatcher(List<Source> sources, int pollTimeoutMs, Consumer<QuorumBackendException> onLost, String threadName) {
        this.sources = List.copyOf(sources);
        this.pollTimeoutMs = pollTimeoutMs;
        this.onLost = onLost;
        this.thread = new Thread(null, this::loop, threadName, STACK_SIZE);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Ends the loop and waits for it, unless called from the dispatch thread itself. */
    void stop() {
        running = false;
        if (Thread.currentThread() != thread && thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean isDispatchThread() {
        return Thread.currentThread() == thread;
    }

    private void loop() {
        LibC.PollFd[] fds = (LibC.PollFd[]) new LibC.PollFd().toArray(sources.size());
        while (running) {
            for (int i = 0; i < fds.length; i++) {
                fds[i].fd = sources.get(i).fd();
                fds[i].events = LibC.POLLIN;
                fds[i].revents = 0;
                fds[i].write();
            }
            int n = LibC.INSTANCE.poll(fds, fds.length, pollTimeoutMs);
            if (n < 0) {
                continue; // EINTR (a signal); invalid fds come back as POLLNVAL, not as an error
            }
            for (int i = 0; i < fds.length && running; i++) {
                fds[i].read();
                QuorumBackendException lost = serve(sources.get(i), fds[i].revents);
                if (lost != null) {
                    running = false;
                    onLost.accept(lost);
                    return;
                }
            }
        }
    }

    private static QuorumBackendException serve(Source source, short revents) {
        if (revents == 0) {
            return null;
        }
        // Readable data is dispatched first even on hang-up, so the last notifications are not lost.
        if ((revents & LibC.POLLIN) != 0) {
            CsError rc = CsError.fromCode(source.dispatchAll().getAsInt());
            if (rc != CsError.OK && rc != CsError.TRY_AGAIN) {
                return new QuorumBackendException(source.name() + "_dispatch", rc);
            }
        }
        if ((revents & (LibC.POLLHUP | LibC.POLLERR | LibC.POLLNVAL)) != 0) {
            return new QuorumBackendException(source.name() + " IPC connection closed by corosync", CsError.LIBRARY);
        }
        return null;
    }
}
