package org.quorate.qnetd.algorithm;

import java.util.Objects;

/**
 * A request to the caller about a client's algorithm timer (spec §7.1). The caller owns the real
 * timer: SCHEDULE replaces any pending one and fires after the client heartbeat / 4; when it fires
 * the caller calls {@link ClusterArbiter#algorithmTimerFired}. CANCEL aborts a pending one.
 */
public record TimerCommand(ClientState client, Action action) {
    /** What to do with the timer. */
    public enum Action { SCHEDULE, CANCEL }

    public TimerCommand {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(action, "action");
    }

    static TimerCommand schedule(ClientState client) {
        return new TimerCommand(client, Action.SCHEDULE);
    }

    static TimerCommand cancel(ClientState client) {
        return new TimerCommand(client, Action.CANCEL);
    }

    @Override
    public String toString() {
        return "TimerCommand[node " + client.nodeId() + ", " + action + "]";
    }
}
