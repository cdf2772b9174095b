package org.quorate.link.tool;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Map;

/** The closing counts of a quorate-linkbench run, as text lines or one JSON object. */
final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchReport() {
    }

    static String text(int localHost, double seconds, Map<Integer, PeerCounters> peers, boolean pingPong) {
        StringBuilder sb = new StringBuilder();
        long sent = 0;
        long received = 0;
        long lost = 0;
        long dups = 0;
        for (PeerCounters c : peers.values()) {
            sb.append(String.format(Locale.ROOT, "host %d: sent %d received %d lost %d duplicates %d refused %d"
                            + " link-down %d failover %d unreachable %d", c.hostId, c.sent, c.received, c.lost(),
                    c.duplicates, c.refused, c.downEvents, c.failovers, c.unreachableEvents));
            if (pingPong) {
                sb.append(String.format(Locale.ROOT, " rtt p50 %s p99 %s max %s (%d samples)",
                        ms(c.rtt.percentileNanos(50)), ms(c.rtt.percentileNanos(99)), ms(c.rtt.maxNanos()),
                        c.rtt.count()));
            }
            sb.append('\n');
            sent += c.sent;
            received += c.received;
            lost += c.lost();
            dups += c.duplicates;
        }
        sb.append(String.format(Locale.ROOT, "node %d total: sent %d received %d lost %d duplicates %d in %.1f s"
                        + " (%.0f sent/s, %.0f received/s)%n", localHost, sent, received, lost, dups, seconds,
                sent / seconds, received / seconds));
        return sb.toString();
    }

    static String json(int localHost, double seconds, Map<Integer, PeerCounters> peers, boolean pingPong) {
        ObjectNode root = JSON.createObjectNode();
        root.put("node", localHost);
        root.put("seconds", seconds);
        ArrayNode hosts = root.putArray("hosts");
        for (PeerCounters c : peers.values()) {
            ObjectNode h = hosts.addObject();
            h.put("host", c.hostId);
            h.put("sent", c.sent);
            h.put("received", c.received);
            h.put("receivedBytes", c.receivedBytes);
            h.put("lost", c.lost());
            h.put("duplicates", c.duplicates);
            h.put("refused", c.refused);
            h.put("linkUp", c.upEvents);
            h.put("linkDown", c.downEvents);
            h.put("failovers", c.failovers);
            h.put("reachable", c.reachableEvents);
            h.put("unreachable", c.unreachableEvents);
            if (pingPong) {
                ObjectNode rtt = h.putObject("rttMicros");
                rtt.put("samples", c.rtt.count());
                rtt.put("p50", micros(c.rtt.percentileNanos(50)));
                rtt.put("p99", micros(c.rtt.percentileNanos(99)));
                rtt.put("max", micros(c.rtt.maxNanos()));
            }
        }
        return root.toString() + "\n";
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    private static double micros(long nanos) {
        return nanos < 0 ? -1 : Math.round(nanos / 100.0) / 10.0;
    }
}
