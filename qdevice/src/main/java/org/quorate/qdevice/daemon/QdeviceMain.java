package org.quorate.qdevice.daemon;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.quorate.daemon.Logging;
import org.quorate.daemon.PidLockFile;
import org.quorate.daemon.SdNotify;
import org.quorate.daemon.StopRequest;
import org.quorate.ipc.IpcServer;
import org.quorate.ipc.IpcServerSettings;
import org.quorate.protocol.TlsSupported;
import org.quorate.qdevice.admin.QdeviceAdminCommands;
import org.quorate.qdevice.admin.QdeviceAdminIpc;
import org.quorate.qdevice.admin.QdeviceStatusSnapshot;
import org.quorate.qdevice.backend.ConfigException;
import org.quorate.qdevice.backend.ConfigLimits;
import org.quorate.qdevice.backend.ConfigNotice;
import org.quorate.qdevice.backend.DeviceSettings;
import org.quorate.qdevice.backend.NodeListNotification;
import org.quorate.qdevice.backend.QdeviceConfig;
import org.quorate.qdevice.backend.QuorumBackend;
import org.quorate.qdevice.backend.QuorumBackendException;
import org.quorate.qdevice.backend.QuorumListener;
import org.quorate.qdevice.backend.QuorumNotification;
import org.quorate.qdevice.config.QdeviceCommandLine;
import org.quorate.qdevice.config.QdeviceSettingKeys;
import org.quorate.qdevice.config.QdeviceSettings;
import org.quorate.qdevice.corosync.CorosyncBackendOptions;
import org.quorate.qdevice.corosync.CorosyncQuorumBackend;
import org.quorate.qdevice.net.CastVoteTimer;
import org.quorate.qdevice.net.DisconnectReason;
import org.quorate.qdevice.heuristics.ExecutorHeuristics;
import org.quorate.qdevice.heuristics.HeuristicsLimits;
import org.quorate.qdevice.net.NettyNetTransport;
import org.quorate.qdevice.net.NetClient;
import org.quorate.qdevice.net.NetTransport;
import org.quorate.qdevice.net.NodeView;
import org.quorate.time.EventLoopScheduler;
import org.quorate.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * corosync-qdevice with the net model: reads quorum.device.* from corosync, registers the device with
 * votequorum, connects to qnetd and casts the vote it is given. Start-up follows the C daemon (settings,
 * corosync connection, lock file, votequorum registration, IPC socket, first ring id, READY=1, connection
 * loop). Exit status 0 after SIGTERM, SIGINT or the IPC shutdown command (as in C), 1 on a fatal error (the
 * log names it).
 */
public final class QdeviceMain implements QdeviceAdminCommands, NetClient.Listener, QuorumListener {
    private static final Logger LOG = LoggerFactory.getLogger(QdeviceMain.class);

    private final QdeviceSettings settings;
    private final ConfigLimits limits;
    private final Function<QdeviceSettings, QuorumBackend> backends;
    private final StopRequest stopRequest;
    private boolean stopped;
    private final CompletableFuture<NodeListNotification> firstRing = new CompletableFuture<>();
    private MultiThreadIoEventLoopGroup group;
    private EventLoop loop;
    private QuorumBackend backend;
    private PidLockFile lock;
    private IpcServer ipc;
    private NetClient client;
    private NodeView node;
    private QdeviceConfig config;
    private boolean registered;
    private ExecutorHeuristics heuristics;
    private QuorumNotification pendingQuorum;
    private int pendingExpectedVotes;

    QdeviceMain(QdeviceSettings settings, Function<QdeviceSettings, QuorumBackend> backends,
                StopRequest stopRequest) {
        this.settings = settings;
        this.limits = ConfigLimits.from(settings.values());
        this.backends = backends;
        this.stopRequest = stopRequest;
    }

    public static void main(String[] args) {
        System.exit(run(args, s -> CorosyncQuorumBackend.connect(
                new CorosyncBackendOptions(s.get(QdeviceSettingKeys.MAX_CS_TRY_AGAIN), Duration.ofSeconds(1), Duration.ofMillis(200)))));
    }

    /** The whole daemon with a given corosync connection (tests run it as a child process with a stand-in). */
    static int run(String[] args, Function<QdeviceSettings, QuorumBackend> backends) {
        QdeviceCommandLine.Outcome outcome = QdeviceCommandLine.parse(args, QdeviceSettings.defaults());
        if (outcome instanceof QdeviceCommandLine.Exit exit) {
            System.out.print(exit.stdout());
            System.err.print(exit.stderr());
            return exit.status();
        }
        QdeviceSettings settings = ((QdeviceCommandLine.Run) outcome).settings();
        Logging.configure(settings.debug());
        // Before start-up, so a SIGTERM during start-up is a clean stop right after it, not the JVM's 143.
        StopRequest stopRequest = StopRequest.withSignalHandlers();
        QdeviceMain daemon = new QdeviceMain(settings, backends, stopRequest);
        // Only for what the handlers do not cover (SIGHUP, -Xrs): the JVM then exits 128+signal after it.
        Runtime.getRuntime().addShutdownHook(new Thread(daemon::stop, "qdevice-shutdown"));
        try {
            daemon.start();
        } catch (RuntimeException | StartupException e) {
            LOG.error("{}", e.getMessage());
            daemon.stop();
            return 1;
        }
        int status = stopRequest.await();
        daemon.stop();
        return status;
    }

    void start() throws StartupException {
        try {
            backend = backends.apply(settings);
        } catch (QuorumBackendException e) {
            throw new StartupException("Can't connect to corosync: " + e.getMessage());
        }
        try {
            config = backend.readConfig(limits, QdeviceMain::log);
        } catch (ConfigException e) {
            // The C daemon's own words where it has them, so logs and scripts read the same.
            throw new StartupException(e.isCText() ? e.getMessage() : "Invalid configuration: " + e.getMessage());
        }
        DeviceSettings device = config.device();
        if (!DeviceSettings.MODEL_NET.equals(device.model()) || device.net().isEmpty()) {
            throw new StartupException("quorum.device.model is '" + device.model() + "'; only 'net' is supported");
        }
        try {
            lock = PidLockFile.acquire(settings.get(QdeviceSettingKeys.LOCK_FILE));
        } catch (java.io.IOException e) {
            throw new StartupException(e.getMessage());
        }
        SslContext ssl = null;
        if (device.net().get().tls() != TlsSupported.UNSUPPORTED) {
            try {
                ssl = QdeviceTls.clientContext(settings);
            } catch (Exception e) {
                throw new StartupException("Can't load the node certificate from " + settings.get(QdeviceSettingKeys.NET_NSS_DB_DIR) + ": "
                        + e.getMessage());
            }
        }
        backend.register(settings.get(QdeviceSettingKeys.VOTEQUORUM_DEVICE_NAME));
        registered = true;
        backend.masterWins(settings.get(QdeviceSettingKeys.VOTEQUORUM_DEVICE_NAME), settings.get(QdeviceSettingKeys.MASTER_WINS).allowed());
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("qdevice-loop"), NioIoHandler.newFactory());
        loop = group.next();
        try {
            ipc = QdeviceAdminIpc.start(ipcSettings(), this);
        } catch (Exception e) {
            throw new StartupException("Can't open the local socket " + settings.get(QdeviceSettingKeys.LOCAL_SOCKET_FILE) + ": " + e.getMessage());
        }
        backend.startTracking(this, loop);
        try {
            firstRing.get(Math.max(1, settings.get(QdeviceSettingKeys.MAX_CS_TRY_AGAIN)), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new StartupException("No ring id from votequorum within " + settings.get(QdeviceSettingKeys.MAX_CS_TRY_AGAIN) + "s");
        }
        Scheduler scheduler = new EventLoopScheduler(loop);
        NetTransport.Factory transports = NettyNetTransport.factory(loop, ssl, settings.get(QdeviceSettingKeys.NET_INITIAL_MSG_RECEIVE_SIZE));
        CompletableFuture<Void> started = new CompletableFuture<>();
        SslContext tls = ssl;
        loop.execute(() -> {
            CastVoteTimer castVote = new CastVoteTimer(scheduler, device.castVoteIntervalMs(),
                    (cast, ringId) -> backend.poll(settings.get(QdeviceSettingKeys.VOTEQUORUM_DEVICE_NAME), cast, ringId), node::ringId,
                    e -> {
                        LOG.error("Can't poll votequorum: {}", e.getMessage());
                        gaveUp(DisconnectReason.CANT_SCHEDULE_VOTING_TIMER);
                    });
            heuristics = new ExecutorHeuristics(scheduler, HeuristicsLimits.from(settings), device.heuristics(),
                    node::syncInProgress);
            client = new NetClient(scheduler, transports, settings, config, castVote, heuristics, node, this,
                    new SecureRandom());
            client.start();
            client.initialMembershipHeuristics();
            started.complete(null);
            LOG.debug("TLS context {}", tls == null ? "off" : "loaded");
        });
        started.join();
        SdNotify.ready();
        LOG.info("QDevice started: cluster \"{}\", node {}, qnetd {}:{}", config.clusterName(), config.localNodeId(),
                device.net().get().host(), device.net().get().port());
    }

    /** An adjustment the configuration check made, at the C daemon's level. */
    private static void log(ConfigNotice notice) {
        if (notice.level() == ConfigNotice.Level.ERROR) {
            LOG.error("{}", notice.message());
        } else {
            LOG.warn("{}", notice.message());
        }
    }

    private IpcServerSettings ipcSettings() {
        return new IpcServerSettings(settings.get(QdeviceSettingKeys.LOCAL_SOCKET_FILE), settings.get(QdeviceSettingKeys.LOCAL_SOCKET_BACKLOG), settings.get(QdeviceSettingKeys.IPC_MAX_CLIENTS),
                settings.get(QdeviceSettingKeys.IPC_MAX_RECEIVE_SIZE), settings.get(QdeviceSettingKeys.IPC_MAX_SEND_SIZE), settings.get(QdeviceSettingKeys.LOCAL_SOCKET_UMASK),
                settings.get(QdeviceSettingKeys.LOCAL_SOCKET_GID).orElse(null));
    }

    // ---- votequorum / cmap notifications, on the loop ----

    @Override
    public void onNodeList(NodeListNotification notification) {
        if (!firstRing.isDone()) {
            node = new NodeView(notification);
            if (pendingQuorum != null) {
                node.quorum(pendingQuorum);
            }
            node.expectedVotes(pendingExpectedVotes);
            firstRing.complete(notification);
            return;
        }
        if (client != null) {
            client.nodeListChanged(notification);
        }
    }

    @Override
    public void onQuorum(QuorumNotification notification) {
        if (client != null) {
            client.quorumChanged(notification);
        } else if (node != null) {
            node.quorum(notification);
        } else {
            pendingQuorum = notification;
        }
    }

    @Override
    public void onExpectedVotes(int expectedVotes) {
        if (node != null) {
            node.expectedVotes(expectedVotes);
        } else {
            pendingExpectedVotes = expectedVotes;
        }
    }

    @Override
    public void onConfigChanged(Set<String> changedKeys) {
        if (client == null) {
            return;
        }
        try {
            QdeviceConfig fresh = backend.readConfig(limits, QdeviceMain::log);
            config = fresh;
            heuristics.reconfigure(fresh.device().heuristics());
            client.configChanged(fresh);
        } catch (ConfigException e) {
            LOG.error("Configuration change ignored, {}", e.getMessage());
        }
    }

    @Override
    public void onBackendLost(QuorumBackendException cause) {
        LOG.error("Connection to corosync lost: {}", cause.getMessage());
        gaveUp(DisconnectReason.COROSYNC_CONNECTION_CLOSED);
    }

    // ---- shutdown ----

    @Override
    public void gaveUp(DisconnectReason reason) {
        LOG.error("Giving up: {}", reason);
        stopRequest.request(reason == DisconnectReason.LOCAL_SOCKET_CLOSED ? 0 : 1, "gave up: " + reason);
    }

    @Override
    public CompletableFuture<QdeviceStatusSnapshot> snapshot() {
        CompletableFuture<QdeviceStatusSnapshot> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                result.complete(QdeviceStatus.take(client));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Override
    public void shutdown() {
        stopRequest.request(0, "shutdown command on the local socket");
    }

    /** Stops and cleans up (qnetd disconnected, device unregistered, socket and lock file removed); idempotent. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        SdNotify.stopping();
        if (ipc != null) {
            ipc.close();
        }
        if (client != null) {
            loop.submit(client::stop).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (heuristics != null) {
            loop.submit(heuristics::close).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (backend != null) {
            try {
                if (registered) {
                    backend.unregister(settings.get(QdeviceSettingKeys.VOTEQUORUM_DEVICE_NAME));
                }
            } catch (RuntimeException e) {
                LOG.debug("Can't unregister the device: {}", e.getMessage());
            }
            backend.close();
        }
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        }
        if (lock != null) {
            try {
                lock.close();
            } catch (java.io.IOException e) {
                LOG.debug("Can't remove the lock file: {}", e.getMessage());
            }
        }
        LOG.info("QDevice stopped");
    }

    /** A start-up step failed; the message names the file, key or peer. */
    static final class StartupException extends Exception {
        StartupException(String message) {
            super(message);
        }
    }
}
