package org.quorate.bench.report;

/**
 * The kill-and-restart phase: durations in seconds, NaN where the phase did not complete or was skipped.
 *
 * @param listenSeconds       from the new process's start until it listens
 * @param killToAllSeconds    from the SIGKILL until the last node's SET_OPTION_REPLY: what an operator sees
 * @param startToAllSeconds   from the new process's start until the last node's SET_OPTION_REPLY
 * @param reinitialized       nodes that completed their start-up again
 * @param connectAttempts     connection attempts in the phase
 * @param refused             attempts whose TCP connect was refused (server not listening yet)
 * @param connectTimeouts     attempts ended by the connect timer (no INIT_REPLY within the connect timeout)
 */
public record RestartResult(double listenSeconds, double killToAllSeconds, double startToAllSeconds,
        int reinitialized, long connectAttempts, long refused, long connectTimeouts) {

    public static final RestartResult SKIPPED = new RestartResult(Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 0);
}
