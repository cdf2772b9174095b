package org.quorate.qdevice.corosync;

import java.time.Duration;
import java.util.function.IntSupplier;
import org.quorate.qdevice.backend.CsError;
import org.quorate.qdevice.backend.QuorumBackendException;

/**
 * Repeats a corosync call while it answers CS_ERR_TRY_AGAIN, like the C daemon's
 * {@code max_cs_try_again} loop (10 tries, 1 s apart, qnet spec §8.1). Used only at connect
 * time, where blocking the caller is what the daemon wants.
 */
record TryAgain(int maxTries, Duration delay) {
    static final TryAgain DEFAULT = new TryAgain(10, Duration.ofSeconds(1));

    TryAgain {
        if (maxTries < 1) {
            throw new IllegalArgumentException("maxTries must be >= 1: " + maxTries);
        }
    }

    void run(String operation, IntSupplier call) {
        CsError rc = CsError.TRY_AGAIN;
        for (int i = 0; i < maxTries; i++) {
            rc = CsError.fromCode(call.getAsInt());
            if (rc != CsError.TRY_AGAIN || i == maxTries - 1) {
                break;
            }
            sleep(operation);
        }
        if (rc != CsError.OK) {
            throw new QuorumBackendException(operation, rc);
        }
    }

    private void sleep(String operation) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuorumBackendException(operation, CsError.INTERRUPT, e);
        }
    }
}
