package org.quorate.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quorate.bench.server.ServerKind;
import org.quorate.bench.stats.LatencySummary;

class ResultTableTest {

    private static ServerResult result(RestartResult restart) {
        LatencySummary votes = new LatencySummary(4000, 200_000, 3_000_000, 20_000_000);
        return new ServerResult(ServerKind.QUORATE, 4000, true, 10.0, 4100, 4000, 12.0, 8.0, 3.4, 5.0,
                300 * 1024, 310 * 1024, 19, votes, 0, 0, votes, votes, votes, 0, restart,
                Map.of("connect-refused", 3000L), "1.00 2.00 3.00 1/200 4242", "");
    }

    @Test
    void restartRowsShowBothStartingPointsAndHowAttemptsEnded() {
        String table = ResultTable.markdown(List.of(result(new RestartResult(0.9, 8.25, 7.5, 4000, 9000, 3000, 12))));

        assertThat(table)
                .contains("| restart: process start to listening | 0.90 s |")
                .contains("| restart: kill to all re-INITed | 8.25 s (4000 nodes) |")
                .contains("| restart: process start to all re-INITed | 7.50 s |")
                .contains("| restart: connect attempts / refused / connect timeouts | 9000 / 3000 / 12 |")
                .contains("errors/events: {connect-refused=3000}");
    }

    @Test
    void connectPhaseCpuIsPerConnectionForBothSides() {
        String table = ResultTable.markdown(List.of(result(RestartResult.SKIPPED)));

        // 12 s of server CPU and 8 s of generator CPU over 4000 connections
        assertThat(table).contains("| connect phase CPU per connection: server / generator | 3.00 ms / 2.00 ms |");
        assertThat(table).contains("| restart: kill to all re-INITed | n/a (0 nodes) |");
    }
}
