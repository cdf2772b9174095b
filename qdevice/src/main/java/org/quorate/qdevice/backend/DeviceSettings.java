package org.quorate.qdevice.backend;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code quorum.device.*}. {@code votes} is empty when corosync.conf leaves it to votequorum's
 * default; {@code net} is present exactly when the model is {@code net}, the only model there is.
 */
public record DeviceSettings(
        String model,
        OptionalLong votes,
        long timeoutMs,
        long syncTimeoutMs,
        Optional<NetSettings> net,
        HeuristicsSettings heuristics) {

    public static final long DEFAULT_TIMEOUT_MS = 10_000;
    public static final long DEFAULT_SYNC_TIMEOUT_MS = 30_000;
    public static final String MODEL_NET = "net";

    /** How often the device polls votequorum: half the device timeout (qnet spec §6.1). */
    public long castVoteIntervalMs() {
        return timeoutMs / 2;
    }
}
