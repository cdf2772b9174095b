package org.quorate.qdevice.backend;

import java.util.concurrent.Executor;
import org.quorate.cluster.RingId;
import org.quorate.cluster.cmap.CmapKeys;

/**
 * What the qdevice daemon needs from the node layer beneath it: the cluster configuration, the
 * membership and quorum notifications, and the quorum-device calls of votequorum
 * (node-and-link spec §2.9, qnet spec §8).
 *
 * <p>Two implementations: {@code org.quorate.qdevice.corosync.CorosyncQuorumBackend} talks to a
 * running corosync 3 through its client libraries; {@link InMemoryQuorumBackend} keeps the same
 * state in memory for tests (and for an in-process node layer later).
 *
 * <p>Requests may be called from any thread. Notifications are delivered on the executor given to
 * {@link #startTracking}. Failures are thrown as {@link QuorumBackendException}; when the node
 * layer goes away for good, {@link QuorumListener#onBackendLost} is delivered once and every later
 * request fails with a connection-lost error.
 */
public interface QuorumBackend extends AutoCloseable {
    /** The device name corosync-qdevice registers by default ({@code votequorum_device_name}). */
    String DEFAULT_DEVICE_NAME = "Qdevice";

    /** The pseudo node id under which votequorum reports the local quorum device. */
    long QDEVICE_NODE_ID = 0;

    /**
     * A copy of the configuration keys under {@link CmapKeys#SNAPSHOT_PREFIXES}, read now. Changes
     * under {@link CmapKeys#TRACKED_PREFIXES} reach {@link QuorumListener#onConfigChanged}.
     */
    ConfigSnapshot configSnapshot();

    /**
     * Reads and validates the configuration the qdevice daemon runs with, against the bounds of its
     * {@code -S} settings ({@link ConfigLimits#from}); adjustments the C daemon warns about go to {@code warnings}.
     */
    default QdeviceConfig readConfig(ConfigLimits limits, java.util.function.Consumer<ConfigNotice> warnings) {
        return QdeviceConfigParser.parse(configSnapshot(), limits, warnings);
    }

    /**
     * Starts the notifications. The current node list, quorum state and expected votes are
     * delivered right away (the expected votes may come before or after the other two), then
     * every change. Allowed once per backend.
     */
    void startTracking(QuorumListener listener, Executor executor);

    /** {@code votequorum_getinfo}; node id {@link #QDEVICE_NODE_ID} means the local node. */
    VotequorumInfo info(long nodeId);

    /** Registers the local quorum device under {@code name}; registering the same name again is fine. */
    void register(String name);

    /** Unregisters the device; it must be registered under {@code name}. */
    void unregister(String name);

    /**
     * Tells votequorum the device is alive and whether it casts its vote. {@code ringId} must be
     * the ring of the latest {@link NodeListNotification}.
     */
    PollResult poll(String name, boolean castVote, RingId ringId);

    /** Sets or clears the device's master-wins flag. */
    void masterWins(String name, boolean allow);

    /** Renames the registered device ({@code votequorum_qdevice_update}). */
    void rename(String oldName, String newName);

    /** Stops the notifications and disconnects; the registration is not undone. Idempotent. */
    @Override
    void close();
}
