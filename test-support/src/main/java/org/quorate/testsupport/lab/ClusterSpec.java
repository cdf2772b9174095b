package org.quorate.testsupport.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that shapes one lab cluster's corosync.conf, validated in one place. Build with
 * {@link #builder(int, int)}; defaults are those of the realstack recipe (ffsplit, tie_breaker lowest, TLS on,
 * one knet link, qdevice votes 1 for ffsplit and the corosync default N-1 otherwise).
 *
 * @param qdeviceVotes null = do not write {@code votes:} (corosync then uses its default, required for lms)
 * @param heuristicsMode null = no heuristics section; otherwise on, sync or off
 * @param heuristicsExec exec_NAME -> command lines of quorum.device.heuristics, in order
 * @param timeoutMs / syncTimeoutMs null = corosync-qdevice defaults (10000 / 30000)
 * @param totemExtra extra "key: value" lines for the totem section (e.g. "token: 5000")
 * @param datacenterIds node -> {@code nodelist.node.datacenterid}; nodes not in it get no such line
 */
public record ClusterSpec(int id, String name, int nodes, int links, QdeviceAlgorithm algorithm, String tieBreaker,
                          TlsMode tls, Integer qdeviceVotes, String heuristicsMode, Map<String, String> heuristicsExec,
                          Integer timeoutMs, Integer syncTimeoutMs, List<String> totemExtra,
                          Map<Integer, Long> datacenterIds) {

    public ClusterSpec {
        if (id < 1 || id > 250) {
            throw new IllegalArgumentException("cluster id must be 1..250, was " + id);
        }
        if (!name.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("cluster name must be 1-32 of [A-Za-z0-9_-]: '" + name + "'");
        }
        if (nodes < 1 || nodes > 16) {
            throw new IllegalArgumentException("nodes must be 1..16, was " + nodes);
        }
        if (links != 1 && links != 2) {
            throw new IllegalArgumentException("links must be 1 or 2, was " + links);
        }
        if (!tieBreaker.matches("lowest|highest|[0-9]+")) {
            throw new IllegalArgumentException("tie_breaker must be lowest, highest or a node id: '" + tieBreaker + "'");
        }
        if (heuristicsMode != null && !heuristicsMode.matches("on|sync|off")) {
            throw new IllegalArgumentException("heuristics mode must be on, sync or off: '" + heuristicsMode + "'");
        }
        for (String key : heuristicsExec.keySet()) {
            if (!key.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("heuristics exec name must be [A-Za-z0-9_]+: '" + key + "'");
            }
        }
        if (!heuristicsExec.isEmpty() && heuristicsMode == null) {
            throw new IllegalArgumentException("heuristics exec lines need a heuristics mode (on, sync or off)");
        }
        if (qdeviceVotes != null && qdeviceVotes < 1) {
            throw new IllegalArgumentException("qdevice votes must be >= 1, was " + qdeviceVotes);
        }
        heuristicsExec = Collections.unmodifiableMap(new LinkedHashMap<>(heuristicsExec)); // keeps order
        totemExtra = List.copyOf(totemExtra);
        for (Map.Entry<Integer, Long> e : datacenterIds.entrySet()) {
            if (e.getKey() < 1 || e.getKey() > nodes) {
                throw new IllegalArgumentException("datacenterid for node " + e.getKey() + ", nodes are 1.." + nodes);
            }
            if (e.getValue() < 0 || e.getValue() > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("datacenterid must be a u32, was " + e.getValue());
            }
        }
        datacenterIds = Map.copyOf(datacenterIds);
    }

    public static Builder builder(int id, int nodes) {
        return new Builder(id, nodes);
    }

    /** Host name of node {@code i} (1-based): c&lt;id&gt;n&lt;i&gt;. */
    public String hostOf(int node) {
        return "c" + id + "n" + node;
    }

    public boolean hasQdevice() {
        return algorithm != QdeviceAlgorithm.NONE;
    }

    /** Certificates are needed when a qdevice talks TLS. */
    public boolean needsCertificates() {
        return hasQdevice() && tls != TlsMode.OFF;
    }

    /** Fluent builder; {@link #build()} validates. */
    public static final class Builder {
        private final int id;
        private final int nodes;
        private String name;
        private int links = 1;
        private QdeviceAlgorithm algorithm = QdeviceAlgorithm.FFSPLIT;
        private String tieBreaker = "lowest";
        private TlsMode tls = TlsMode.ON;
        private Integer votes;
        private boolean votesSet;
        private String heuristicsMode;
        private final Map<String, String> heuristicsExec = new LinkedHashMap<>();
        private Integer timeoutMs;
        private Integer syncTimeoutMs;
        private final List<String> totemExtra = new ArrayList<>();
        private final Map<Integer, Long> datacenterIds = new LinkedHashMap<>();

        private Builder(int id, int nodes) {
            this.id = id;
            this.nodes = nodes;
            this.name = "lab" + id;
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder links(int v) {
            links = v;
            return this;
        }

        public Builder algorithm(QdeviceAlgorithm v) {
            algorithm = v;
            return this;
        }

        public Builder tieBreaker(String v) {
            tieBreaker = v;
            return this;
        }

        public Builder tls(TlsMode v) {
            tls = v;
            return this;
        }

        /** Explicit qdevice votes; {@code null} = corosync's default. */
        public Builder qdeviceVotes(Integer v) {
            votes = v;
            votesSet = true;
            return this;
        }

        /** One {@code exec_NAME: command} line of quorum.device.heuristics. */
        public Builder heuristicsExec(String execName, String command) {
            heuristicsExec.put(execName, command);
            return this;
        }

        public Builder heuristicsMode(String v) {
            heuristicsMode = v;
            return this;
        }

        public Builder timeoutMs(int v) {
            timeoutMs = v;
            return this;
        }

        public Builder syncTimeoutMs(int v) {
            syncTimeoutMs = v;
            return this;
        }

        public Builder totem(String line) {
            totemExtra.add(line);
            return this;
        }

        /** {@code datacenterid: ID} in node {@code node}'s nodelist entry (qdevice reports it to qnetd). */
        public Builder datacenterId(int node, long id) {
            datacenterIds.put(node, id);
            return this;
        }

        public ClusterSpec build() {
            // ffsplit needs exactly one qdevice vote; lms wants corosync's default (N-1)
            Integer v = votesSet ? votes : (algorithm == QdeviceAlgorithm.FFSPLIT ? Integer.valueOf(1) : null);
            return new ClusterSpec(id, name, nodes, links, algorithm, tieBreaker, tls, v, heuristicsMode,
                    heuristicsExec, timeoutMs, syncTimeoutMs, totemExtra, datacenterIds);
        }
    }
}
