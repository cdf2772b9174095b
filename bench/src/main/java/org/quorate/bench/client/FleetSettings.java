package org.quorate.bench.client;

/**
 * How the simulated nodes behave. Defaults follow the real corosync-qdevice 3.0.3: 8 s heartbeat (0.8 × the
 * default 10 s {@code quorum.device.timeout}) and a connect timeout equal to the heartbeat; when they retry is
 * {@link ReconnectPolicy}'s business.
 *
 * @param tls                  STARTTLS with a client certificate after PREINIT
 * @param heartbeatMillis      ECHO_REQUEST interval, also sent in INIT (qnetd accepts 1000..120000)
 * @param connectTimeoutMillis the connect timer started with every attempt and cancelled by INIT_REPLY
 *                             ({@code quorum.device.net.connect_timeout}, 1000..120000 as in qdevice)
 * @param sourceAddresses      how many loopback source addresses (127.0.0.2, 127.0.0.3, ...) to spread the
 *                             connections over, against ephemeral-port exhaustion
 * @param inflight             at most this many connections in start-up during the initial ramp
 * @param ioThreads            event loop threads of the generator
 */
public record FleetSettings(boolean tls, long heartbeatMillis, long connectTimeoutMillis, int sourceAddresses,
        int inflight, int ioThreads) {

    public static final long DEFAULT_HEARTBEAT_MILLIS = 8000;

    public static FleetSettings defaults() {
        return new FleetSettings(true, DEFAULT_HEARTBEAT_MILLIS, DEFAULT_HEARTBEAT_MILLIS, 4, 64, 2);
    }

    public FleetSettings {
        if (heartbeatMillis < 1000 || heartbeatMillis > 120_000) {
            throw new IllegalArgumentException("heartbeat must be 1000..120000 ms (qnetd's limits), got " + heartbeatMillis);
        }
        if (connectTimeoutMillis < 1000 || connectTimeoutMillis > 120_000) {
            throw new IllegalArgumentException("connect timeout must be 1000..120000 ms (qdevice's limits), got "
                    + connectTimeoutMillis);
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
        return new FleetSettings(on, heartbeatMillis, connectTimeoutMillis, sourceAddresses, inflight, ioThreads);
    }
}
