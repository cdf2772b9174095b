package org.quorate.qdevice.backend;

import java.util.List;
import java.util.OptionalLong;

/**
 * The configuration the qdevice daemon runs with, read from the node layer's keys by
 * {@link QdeviceConfigParser}.
 *
 * @param configVersion {@code totem.config_version}, empty when not configured
 * @param nodes the configured node list, duplicates dropped, in {@code nodelist.node.<N>} order
 * @param waitForAll {@code quorum.wait_for_all} (used by the lms algorithm)
 */
public record QdeviceConfig(
        String clusterName,
        long localNodeId,
        OptionalLong configVersion,
        List<ConfiguredNode> nodes,
        DeviceSettings device,
        boolean waitForAll) {

    public QdeviceConfig {
        nodes = List.copyOf(nodes);
    }
}
