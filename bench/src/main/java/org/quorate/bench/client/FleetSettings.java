package org.quorate.bench.client;

/**
 * How the simulated nodes behave. Defaults follow the real corosync-qdevice: 8 s heartbeat, 8 s connect
 * timeout, a reconnect about every second.
 *
 * @param tls                 STARTTLS with a client certificate after PREINIT
 * @param heartbeatMillis     ECHO_REQUEST interval, also sent in INIT (qnetd accepts 1000..120000)
 * @param reconnectMillis     mean pause before a new connection attempt; each pause is drawn from
 *                            ±25 % around it so that thousands of nodes do not retry in lock-step
 * @param connectTimeoutMillis TCP connect timeout
 * @param startupTimeoutMillis a connection that has not finished PREINIT..SET_OPTION by then is dropped
 *                            and retried
 * @param sourceAddresses     how many loopback source addresses (127.0.0.2, 127.0.0.3, ...) to spread the
 *                            connections over, against ephemeral-port exhaustion
 * @param inflight            at most this many connections in start-up during the initial ramp
 * @param ioThreads           event loop threads of the generator
 */
public record FleetSettings(boolean tls, long heartbeatMillis, long reconnectMillis, int connectTimeoutMillis,
        long startupTimeoutMillis, int sourceAddresses, int inflight, int ioThreads) {

    public static FleetSettings defaults() {
        return new FleetSettings(true, 8000, 1000, 8000, 30_000, 4, 64, 2);
    }

    public FleetSettings {
        if (heartbeatMillis < 1000 || heartbeatMillis > 120_000) {
            throw new IllegalArgumentException("heartbeat must be 1000..120000 ms (qnetd's limits), got " + heartbeatMillis);
        }
        if (reconnectMillis < 10) {
            throw new IllegalArgumentException("reconnect interval must be at least 10 ms, got " + reconnectMillis);
        }
        if (connectTimeoutMillis < 100 || startupTimeoutMillis < connectTimeoutMillis) {
            throw new IllegalArgumentException("connect timeout must be >= 100 ms and the start-up timeout at least as long");
        }
        if (sourceAddresses < 1 || sourceAddresses > 250) {
            throw new IllegalArgumentException("source addresses must be 1..250, got " + sourceAddresses);
        }
        if (inflight < 1) {
            throw new IllegalArgumentException("in-flight connections must be at least 1, got " + inflight);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("I/O threads must be at least 1, got " + ioThreads);
        }
    }

    public FleetSettings withTls(boolean on) {
        return new FleetSettings(on, heartbeatMillis, reconnectMillis, connectTimeoutMillis, startupTimeoutMillis,
                sourceAddresses, inflight, ioThreads);
    }
}
