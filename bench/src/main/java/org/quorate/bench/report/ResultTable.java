package org.quorate.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Prints the results side by side as a Markdown table: metric | server 1 | server 2 ... */
public final class ResultTable {
    private ResultTable() {
    }

    public static String markdown(List<ServerResult> results) {
        List<Row> rows = rows();
        StringBuilder out = new StringBuilder();
        out.append("| metric |");
        results.forEach(r -> out.append(' ').append(r.kind().displayName()).append(" (").append(r.clients())
                .append(" clients, TLS ").append(r.tls() ? "on" : "off").append(") |"));
        out.append('\n').append("|---|");
        results.forEach(r -> out.append("---|"));
        out.append('\n');
        for (Row row : rows) {
            out.append("| ").append(row.name()).append(" |");
            results.forEach(r -> out.append(' ').append(row.value().apply(r)).append(" |"));
            out.append('\n');
        }
        for (ServerResult r : results) {
            if (!r.errors().isEmpty()) {
                out.append("\n").append(r.kind().displayName()).append(" errors/events: ").append(r.errors());
            }
            if (!r.notes().isEmpty()) {
                out.append("\n").append(r.kind().displayName()).append(" notes: ").append(r.notes());
            }
        }
        return out.append('\n').toString();
    }

    private record Row(String name, Function<ServerResult, String> value) {
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("clients connected (INIT done)", r -> r.connected() + " / " + r.clients()));
        rows.add(new Row("time to connect all", r -> seconds(r.connectSeconds())));
        rows.add(new Row("connections/s", r -> number(r.connectsPerSecond(), "%.0f")));
        rows.add(new Row("connect attempts (incl. retries)", r -> Long.toString(r.connectAttempts())));
        rows.add(new Row("connect phase CPU per connection: server / generator",
                r -> number(r.connectCpuMillisPerConnection(false), "%.2f ms") + " / "
                        + number(r.connectCpuMillisPerConnection(true), "%.2f ms")));
        rows.add(new Row("vote latency after split p50 / p99 / max", r -> r.voteLatency().millisText()));
        rows.add(new Row("  winner ACK p50 / p99 / max", r -> r.ackLatency().millisText()));
        rows.add(new Row("  loser NACK p50 / p99 / max", r -> r.nackLatency().millisText()));
        rows.add(new Row("votes measured / unexpected", r -> r.voteLatency().count() + " / " + r.unexpectedVotes()));
        rows.add(new Row("echo RTT at steady state p50 / p99 / max", r -> r.echoRtt().millisText()));
        rows.add(new Row("server CPU at steady state (% of one core)",
                r -> number(r.steadyCpuPercent(), "%.1f %%") + " over " + number(r.steadySeconds(), "%.0f s")));
        rows.add(new Row("server RSS at steady state", r -> mib(r.steadyRssKib())));
        rows.add(new Row("server RSS peak (whole run)", r -> mib(r.peakRssKib())));
        rows.add(new Row("server threads", r -> Integer.toString(r.serverThreads())));
        rows.add(new Row("machine load average at steady state (/proc/loadavg)",
                r -> r.loadAverage().split(" ")[0] + " " + r.loadAverage().split(" ")[1]));
        rows.add(new Row("disconnects / missed echo replies at steady state",
                r -> r.steadyDisconnects() + " / " + r.missedEchoReplies()));
        rows.add(new Row("restart: process start to listening", r -> seconds(r.restart().listenSeconds())));
        rows.add(new Row("restart: kill to all re-INITed",
                r -> seconds(r.restart().killToAllSeconds()) + " (" + r.restart().reinitialized() + " nodes)"));
        rows.add(new Row("restart: process start to all re-INITed", r -> seconds(r.restart().startToAllSeconds())));
        rows.add(new Row("restart: connect attempts / refused / connect timeouts",
                r -> r.restart().connectAttempts() + " / " + r.restart().refused() + " / "
                        + r.restart().connectTimeouts()));
        return rows;
    }

    static String seconds(double s) {
        return Double.isNaN(s) ? "n/a" : String.format(Locale.ROOT, "%.2f s", s);
    }

    static String mib(long kib) {
        return kib <= 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", kib / 1024.0);
    }

    static String number(double value, String format) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, format, value);
    }
}
