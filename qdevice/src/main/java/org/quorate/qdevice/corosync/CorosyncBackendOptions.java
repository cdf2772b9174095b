package org.quorate.qdevice.corosync;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link CorosyncQuorumBackend}, defaults and validation in one place.
 *
 * @param maxTryAgain how often connecting is tried while corosync answers "try again"
 *        (the qdevice advanced setting {@code max_cs_try_again}, default 10)
 * @param tryAgainDelay the pause between those tries (1 s, as the C daemon)
 * @param dispatchPollTimeout how long the dispatch thread waits in poll(2) before it checks
 *        whether it was closed; bounds how long {@link CorosyncQuorumBackend#close()} takes
 */
public record CorosyncBackendOptions(int maxTryAgain, Duration tryAgainDelay, Duration dispatchPollTimeout) {
    public static final CorosyncBackendOptions DEFAULTS =
            new CorosyncBackendOptions(10, Duration.ofSeconds(1), Duration.ofMillis(200));

    public CorosyncBackendOptions {
        Objects.requireNonNull(tryAgainDelay, "tryAgainDelay");
        Objects.requireNonNull(dispatchPollTimeout, "dispatchPollTimeout");
        if (maxTryAgain < 1) {
            throw new IllegalArgumentException("maxTryAgain must be >= 1, got " + maxTryAgain);
        }
        if (tryAgainDelay.isNegative() || dispatchPollTimeout.isNegative() || dispatchPollTimeout.isZero()
                || dispatchPollTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tryAgainDelay must be >= 0 and dispatchPollTimeout in (0, 2^31) ms");
        }
    }

    public CorosyncBackendOptions withMaxTryAgain(int n) {
        return new CorosyncBackendOptions(n, tryAgainDelay, dispatchPollTimeout);
    }

    public CorosyncBackendOptions withTryAgainDelay(Duration d) {
        return new CorosyncBackendOptions(maxTryAgain, d, dispatchPollTimeout);
    }

    public CorosyncBackendOptions withDispatchPollTimeout(Duration d) {
        return new CorosyncBackendOptions(maxTryAgain, tryAgainDelay, d);
    }

    TryAgain tryAgain() {
        return new TryAgain(maxTryAgain, tryAgainDelay);
    }
}
