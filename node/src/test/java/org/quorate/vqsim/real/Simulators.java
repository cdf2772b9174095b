package org.quorate.vqsim.real;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.quorate.conf.ConfParser;
import org.quorate.vqsim.ClusterDriver;
import org.quorate.vqsim.engine.SimCluster;
import org.quorate.vqsim.reference.ReferenceCluster;

/**
 * The simulators a scenario can be compared against, by name: {@code sim} is Quorate's votequorum in
 * the simulator ({@link SimCluster}), {@code reference} is quorate-vqsim's independent reference model. Each reads the scenario's corosync.conf (and reloaded files) through
 * Quorate's own parser, {@link ConfParser}, into the cmap key map.
 */
final class Simulators {
    static final Map<String, Function<Scenario, ClusterDriver>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("sim", s -> new SimCluster(cmap(s.dir().resolve("corosync.conf")), Simulators::cmap));
        ALL.put("reference", s -> new ReferenceCluster(cmap(s.dir().resolve("corosync.conf")), Simulators::cmap));
    }

    private Simulators() {
    }

    static Map<String, String> cmap(Path file) {
        return ConfParser.parse(file).cmap();
    }

    /** The simulators named in {@code property} (comma list), default {@code defaults}. */
    static List<String> select(String property, List<String> defaults) {
        List<String> names = property == null || property.isBlank() ? defaults
                : List.of(property.strip().split("\\s*,\\s*"));
        for (String n : names) {
            if (!ALL.containsKey(n)) {
                throw new IllegalArgumentException("no simulator '" + n + "' (have " + ALL.keySet() + ")");
            }
        }
        return names;
    }
}
