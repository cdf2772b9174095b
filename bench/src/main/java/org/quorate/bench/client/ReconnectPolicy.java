package org.quorate.bench.client;

import java.util.random.RandomGenerator;

/**
 * When a simulated node tries again after a connection attempt ended, decided the way corosync-qdevice
 * 3.0.3 decides it (spec §4.1 and §4.7, qdevice-model-net.c):
 * <ul>
 *   <li>every attempt starts a connect timer of {@code connect_timeout} (the heartbeat by default) that only
 *       INIT_REPLY cancels, so it covers TCP connect, PREINIT, STARTTLS, the TLS handshake and INIT;</li>
 *   <li>a failed TCP connect ("Can't connect to qnetd host") is not retried by itself: the client idles
 *       until that timer fires, then tries again at once;</li>
 *   <li>a connect timer that fires while TCP is still connecting also leads to an immediate new attempt,
 *       because the client is still in WAITING_CONNECT;</li>
 *   <li>once TCP had connected, any end (server closed, error, missed echo reply, or the connect timer
 *       during PREINIT..INIT) is followed by a sleep of {@code random() % (int) (0.9 × cast_vote_interval)}
 *       ms, where the cast-vote interval is half of {@code quorum.device.timeout} and the heartbeat the
 *       client sends is 0.8 of that timeout: 0..4499 ms at the default 8 s heartbeat.</li>
 * </ul>
 * Pure: the caller passes the elapsed time; the random source is injected so tests are deterministic.
 */
public final class ReconnectPolicy {
    /** How a connection attempt ended, as far as the pause before the next one is concerned. */
    public enum AttemptEnd {
        /** TCP connect failed (refused, unreachable): wait for the connect timer, no back-off. */
        TCP_CONNECT_FAILED,
        /** The connect timer fired before TCP had connected: new attempt at once. */
        TIMED_OUT_CONNECTING,
        /** The connection had got past TCP connect and is gone now, for whatever reason: random back-off. */
        ENDED_AFTER_CONNECT
    }

    private final long connectTimeoutMillis;
    private final long backoffBoundMillis;
    private final RandomGenerator random;

    /**
     * @param connectTimeoutMillis the connect timer ({@code quorum.device.net.connect_timeout})
     * @param heartbeatMillis      the heartbeat the node sends in INIT, 0.8 × {@code quorum.device.timeout}
     * @param random               source of the back-off; used from several event loops, so it must be
     *                             thread-safe
     */
    public ReconnectPolicy(long connectTimeoutMillis, long heartbeatMillis, RandomGenerator random) {
        if (connectTimeoutMillis < 1) {
            throw new IllegalArgumentException("connect timeout must be positive, got " + connectTimeoutMillis);
        }
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.backoffBoundMillis = backoffBoundFor(heartbeatMillis);
        this.random = random;
    }

    public static ReconnectPolicy of(FleetSettings settings, RandomGenerator random) {
        return new ReconnectPolicy(settings.connectTimeoutMillis(), settings.heartbeatMillis(), random);
    }

    /**
     * The exclusive upper bound of the back-off: (int) (0.9 × cast-vote interval), the cast-vote interval
     * being 0.5 × device timeout and the device timeout heartbeat / 0.8. Integer steps instead of the C
     * client's doubles give the same value for every heartbeat divisible by 8 (8000 ms: 10000, 5000, 4500).
     */
    public static long backoffBoundFor(long heartbeatMillis) {
        long deviceTimeout = heartbeatMillis * 5 / 4;
        long castVoteInterval = deviceTimeout / 2;
        return Math.max(1, castVoteInterval * 9 / 10);
    }

    public long connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    /** Back-offs are drawn from [0, this). */
    public long backoffBoundMillis() {
        return backoffBoundMillis;
    }

    /**
     * The pause before the next attempt.
     *
     * @param end                   how the attempt ended
     * @param millisSinceAttemptStart how long ago the attempt (and its connect timer) started
     */
    public long pauseMillis(AttemptEnd end, long millisSinceAttemptStart) {
        return switch (end) {
            case TCP_CONNECT_FAILED -> Math.max(0, connectTimeoutMillis - millisSinceAttemptStart);
            case TIMED_OUT_CONNECTING -> 0;
            case ENDED_AFTER_CONNECT -> random.nextLong(backoffBoundMillis);
        };
    }
}
