package org.quorate.bench.report;

import java.util.Map;
import org.quorate.bench.server.ServerKind;
import org.quorate.bench.stats.LatencySummary;

/**
 * Everything one run against one server measured. Durations in seconds; NaN where a phase did not
 * complete (the table prints "n/a" and {@link #notes()} says why). The connect-phase CPU times are
 * utime + stime of the server and of the generator from the first connection attempt to the last
 * SET_OPTION_REPLY.
 */
public record ServerResult(
        ServerKind kind,
        int clients,
        boolean tls,
        double connectSeconds,
        long connectAttempts,
        int connected,
        double connectServerCpuSeconds,
        double connectGeneratorCpuSeconds,
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
        RestartResult restart,
        Map<String, Long> errors,
        String loadAverage,
        String notes) {

    public double connectsPerSecond() {
        return connectSeconds > 0 ? connected / connectSeconds : Double.NaN;
    }

    /** CPU milliseconds per connection in the connect phase, of the server or of the generator. */
    public double connectCpuMillisPerConnection(boolean generator) {
        double seconds = generator ? connectGeneratorCpuSeconds : connectServerCpuSeconds;
        return connected > 0 ? seconds * 1000 / connected : Double.NaN;
    }
}
