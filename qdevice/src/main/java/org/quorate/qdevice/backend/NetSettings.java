package org.quorate.qdevice.backend;

import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TlsSupported;

/**
 * {@code quorum.device.net.*}, parsed, with the values derived from the device timeout.
 *
 * @param heartbeatIntervalMs derived: 0.8 × device timeout, clamped to the heartbeat limits
 * @param forceIpVersion 0 (any), 4 or 6
 */
public record NetSettings(
        String host,
        int port,
        TlsSupported tls,
        DecisionAlgorithm algorithm,
        TieBreaker tieBreaker,
        long heartbeatIntervalMs,
        long connectTimeoutMs,
        int forceIpVersion,
        boolean keepActivePartitionTieBreaker) {

    public static final int DEFAULT_PORT = 5403;
}
