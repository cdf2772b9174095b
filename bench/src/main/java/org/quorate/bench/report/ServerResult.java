package org.quorate.bench.report;

import java.util.Map;
import org.quorate.bench.server.ServerKind;
import org.quorate.bench.stats.LatencySummary;

/**
 * Everything one run against one server measured. Durations in seconds; NaN where a phase did not
 * complete (the table prints "n/a" and {@link #notes()} says why).
 */
public record ServerResult(
        ServerKind kind,
        int clients,
        boolean tls,
        double connectSeconds,
        long connectAttempts,
        int connected,
        double steadyCpuPercent,
        double steadySeconds,
        long steadyRssKib,
        long peakRssKib,
        int serverThreads,
        LatencySummary echoRtt,
        long missedEchoReplies,
        long steadyDisconnects,
        LatencySummary voteLatency,
        LatencySummary ackLatency,
        LatencySummary nackLatency,
        int unexpectedVotes,
        double restartListenSeconds,
        double restartAllSeconds,
        int reinitialized,
        Map<String, Long> errors,
        String loadAverage,
        String notes) {

    public double connectsPerSecond() {
        return connectSeconds > 0 ? connected / connectSeconds : Double.NaN;
    }
}
