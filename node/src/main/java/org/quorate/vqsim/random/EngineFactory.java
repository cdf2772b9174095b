package org.quorate.vqsim.random;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.quorate.vqsim.ClusterDriver;

/** Makes the engine under test for one run: the flattened corosync.conf, and how reloads read a file. */
@FunctionalInterface
public interface EngineFactory {
    ClusterDriver create(Map<String, String> cmap, Function<Path, Map<String, String>> loader);
}
