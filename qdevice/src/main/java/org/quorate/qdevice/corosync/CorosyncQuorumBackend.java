package org.quorate.qdevice.corosync;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.quorate.cluster.RingId;
import org.quorate.cluster.cmap.CmapKeys;
import org.quorate.qdevice.backend.ConfigChangeBatcher;
import org.quorate.qdevice.backend.ConfigSnapshot;
import org.quorate.qdevice.backend.CsError;
import org.quorate.qdevice.backend.NodeListNotification;
import org.quorate.qdevice.backend.PollResult;
import org.quorate.qdevice.backend.QuorumBackend;
import org.quorate.qdevice.backend.QuorumBackendException;
import org.quorate.qdevice.backend.QuorumListener;
import org.quorate.qdevice.backend.QuorumNotification;
import org.quorate.qdevice.backend.VotequorumInfo;

/**
 * {@link QuorumBackend} on a running corosync 3, through its client libraries
 * {@code libvotequorum.so.8} and {@code libcmap.so.4} (JNA).
 *
 * <pre>{@code
 * try (CorosyncQuorumBackend backend = CorosyncQuorumBackend.connect(CorosyncBackendOptions.DEFAULTS)) {
 *     QdeviceConfig config = backend.readConfig();
 *     backend.register(QuorumBackend.DEFAULT_DEVICE_NAME);
 *     backend.startTracking(listener, eventLoop);   // a serial executor
 *     ...
 * }
 * }</pre>
 *
 * <p>Threading: requests run on the caller's thread, serialised per library connection. One
 * daemon thread ("corosync-dispatch") waits on both connections' fds and decodes the callbacks;
 * the decoded notifications are handed to the listener's executor, which should be serial to keep
 * their order. When corosync exits the IPC connections break: the listener gets
 * {@link QuorumListener#onBackendLost} once and later requests fail with CS_ERR_LIBRARY. There is no
 * reconnect, as in corosync-qdevice, which exits and is restarted by its service manager.
 */
public final class CorosyncQuorumBackend implements QuorumBackend {
    private final CorosyncBackendOptions options;
    private final CmapConnection cmap;
    private final VotequorumConnection votequorum;
    private final AtomicBoolean lostReported = new AtomicBoolean();
    private final ConfigChangeBatcher batcher = new ConfigChangeBatcher();
    private volatile QuorumListener listener;
    private volatile Executor executor;
    private FdDispatcher dispatcher;
    private boolean closed;

    private CorosyncQuorumBackend(CorosyncBackendOptions options, CmapConnection cmap,
            java.util.function.Function<VotequorumConnection.Events, VotequorumConnection> votequorum) {
        this.options = options;
        this.cmap = cmap;
        this.votequorum = votequorum.apply(new Forwarder());
    }

    /**
     * Connects to the local corosync (cmap, then votequorum), retrying while it answers
     * "try again". Throws {@link QuorumBackendException} naming the call that failed, e.g.
     * {@code votequorum_initialize failed: CS_ERR_LIBRARY} when corosync is not running.
     */
    public static CorosyncQuorumBackend connect(CorosyncBackendOptions options) {
        Objects.requireNonNull(options, "options");
        VotequorumLibrary vqLib = CorosyncLibraries.votequorum();
        CmapConnection cmap = CmapConnection.open(CorosyncLibraries.cmap(), options.tryAgain());
        try {
            return new CorosyncQuorumBackend(options, cmap,
                    events -> VotequorumConnection.open(vqLib, options.tryAgain(), events));
        } catch (RuntimeException e) {
            cmap.close();
            throw e;
        }
    }

    @Override
    public ConfigSnapshot configSnapshot() {
        return ConfigSnapshot.of(cmap.readPrefixes(CmapKeys.SNAPSHOT_PREFIXES));
    }

    @Override
    public synchronized void startTracking(QuorumListener listener, Executor executor) {
        if (closed) {
            throw new QuorumBackendException("startTracking", CsError.BAD_HANDLE);
        }
        if (this.listener != null) {
            throw new QuorumBackendException("startTracking", CsError.EXIST);
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.listener = Objects.requireNonNull(listener, "listener");
        List<String> cmapTracked = new ArrayList<>(CmapKeys.TRACKED_PREFIXES);
        cmapTracked.add(CmapKeys.CONFIG_RELOAD_IN_PROGRESS);
        cmap.track(cmapTracked, (key, value) ->
                batcher.onChange(key, value).ifPresent(keys -> deliver(l -> l.onConfigChanged(keys))));
        votequorum.trackStart();
        // votequorum's trackstart sends the node list and quorum state but no expected-votes
        // notification (measured on 3.1.7); the seam promises all three, so read it here.
        int expected = votequorum.info(QDEVICE_NODE_ID).expectedVotes();
        deliver(l -> l.onExpectedVotes(expected));
        dispatcher = new FdDispatcher(List.of(
                new FdDispatcher.Source("votequorum", votequorum.fd(),
                        () -> votequorum.dispatch(FdDispatcher.CS_DISPATCH_ALL).code()),
                new FdDispatcher.Source("cmap", cmap.fd(), () -> cmap.dispatch(FdDispatcher.CS_DISPATCH_ALL).code())),
                (int) options.dispatchPollTimeout().toMillis(), this::lost, "corosync-dispatch");
        dispatcher.start();
    }

    @Override
    public VotequorumInfo info(long nodeId) {
        return votequorum.info(nodeId);
    }

    @Override
    public void register(String name) {
        votequorum.register(name);
    }

    @Override
    public void unregister(String name) {
        votequorum.unregister(name);
    }

    @Override
    public PollResult poll(String name, boolean castVote, RingId ringId) {
        return votequorum.poll(name, castVote, ringId);
    }

    @Override
    public void masterWins(String name, boolean allow) {
        votequorum.masterWins(name, allow);
    }

    @Override
    public void rename(String oldName, String newName) {
        votequorum.rename(oldName, newName);
    }

    @Override
    public void close() {
        FdDispatcher d;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            d = dispatcher;
        }
        if (d != null) {
            d.stop();
        }
        listener = null;
        votequorum.close();
        cmap.close();
    }

    private void lost(QuorumBackendException cause) {
        if (lostReported.compareAndSet(false, true)) {
            deliver(l -> l.onBackendLost(cause));
        }
    }

    private void deliver(Consumer<QuorumListener> call) {
        QuorumListener l = listener;
        if (l != null) {
            executor.execute(() -> call.accept(l));
        }
    }

    /** Runs on the dispatch thread; turns decoded callbacks into listener calls. */
    private final class Forwarder implements VotequorumConnection.Events {
        @Override
        public void nodeList(NodeListNotification n) {
            deliver(l -> l.onNodeList(n));
        }

        @Override
        public void quorum(QuorumNotification n) {
            deliver(l -> l.onQuorum(n));
        }

        @Override
        public void expectedVotes(int expectedVotes) {
            deliver(l -> l.onExpectedVotes(expectedVotes));
        }
    }
}
