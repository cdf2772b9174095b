package org.quorate.qdevice.corosync;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.quorate.qdevice.backend.CsError;

/**
 * The calls on one libqb IPC connection (cmap or votequorum), one at a time: a connection is not
 * meant to carry two requests at once, so every call, dispatch and the finalize take one lock. The
 * finalize runs once, because a second one would free the handle again.
 */
final class SerialCalls {
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    /** Runs {@code body} under the lock. */
    <T> T locked(Supplier<T> body) {
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs a library call under the lock and returns its result code. */
    CsError code(IntSupplier call) {
        return locked(() -> CsError.fromCode(call.getAsInt()));
    }

    /** Runs a library call under the lock; throws unless it returned CS_OK. */
    void check(IntSupplier call, String operation) {
        lock.lock();
        try {
            CorosyncLibraries.check(call.getAsInt(), operation);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code finalizer} under the lock, the first time only. */
    void closeOnce(Runnable finalizer) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            finalizer.run();
        } finally {
            lock.unlock();
        }
    }
}
