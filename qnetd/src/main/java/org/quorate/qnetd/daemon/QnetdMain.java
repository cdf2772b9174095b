package org.quorate.qnetd.daemon;

import io.netty.handler.ssl.SslContext;
import org.quorate.certs.store.CertStoreException;
import org.quorate.certs.store.QnetdCertStore;
import org.quorate.daemon.Logging;
import org.quorate.daemon.PidLockFile;
import org.quorate.daemon.SdNotify;
import org.quorate.daemon.StopRequest;
import org.quorate.daemon.SystemdListenFds;
import org.quorate.ipc.IpcServer;
import org.quorate.ipc.IpcServerSettings;
import org.quorate.protocol.TlsSupported;
import org.quorate.qnetd.admin.QnetdAdminCommands;
import org.quorate.qnetd.admin.QnetdAdminIpc;
import org.quorate.qnetd.admin.QnetdStatusSnapshot;
import org.quorate.qnetd.config.QnetdCommandLine;
import org.quorate.qnetd.config.QnetdSettings;
import org.quorate.qnetd.metrics.QnetdMetrics;
import org.quorate.qnetd.server.ListenSocket;
import org.quorate.qnetd.server.QnetdEvents;
import org.quorate.qnetd.server.QnetdServer;
import org.quorate.qnetd.server.StatusSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.quorate.qnetd.config.QnetdSettingKeys.IPC_MAX_CLIENTS;
import static org.quorate.qnetd.config.QnetdSettingKeys.IPC_MAX_RECEIVE_SIZE;
import static org.quorate.qnetd.config.QnetdSettingKeys.IPC_MAX_SEND_SIZE;
import static org.quorate.qnetd.config.QnetdSettingKeys.LOCAL_SOCKET_BACKLOG;
import static org.quorate.qnetd.config.QnetdSettingKeys.LOCAL_SOCKET_FILE;
import static org.quorate.qnetd.config.QnetdSettingKeys.LOCAL_SOCKET_GID;
import static org.quorate.qnetd.config.QnetdSettingKeys.LOCAL_SOCKET_UMASK;
import static org.quorate.qnetd.config.QnetdSettingKeys.LOCK_FILE;
import static org.quorate.qnetd.config.QnetdSettingKeys.METRICS_ADDRESS;
import static org.quorate.qnetd.config.QnetdSettingKeys.NSS_DB_DIR;

/**
 * corosync-qnetd: start-up (options, logging, lock file, TCP socket, certificates, IPC socket, serving
 * the TCP socket, READY=1), then serve until SIGTERM/SIGINT or the IPC {@code shutdown} command.
 * Exit status 0 after a clean stop (SIGTERM and SIGINT included, as in C), 1 when start-up fails (the log
 * line names what failed).
 */
public final class QnetdMain implements QnetdAdminCommands {
    private static final Logger LOG = LoggerFactory.getLogger(QnetdMain.class);

    private final QnetdSettings settings;
    private final StopRequest stopRequest;
    private boolean stopped;
    private QnetdServer server;
    private ListenSocket listen;
    private IpcServer ipc;
    private PidLockFile lock;
    private QnetdMetrics metrics;
    private int boundPort;

    QnetdMain(QnetdSettings settings, StopRequest stopRequest) {
        this.settings = settings;
        this.stopRequest = stopRequest;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        QnetdCommandLine.Outcome outcome = QnetdCommandLine.parse(args, QnetdSettings.defaults());
        if (outcome instanceof QnetdCommandLine.Exit exit) {
            System.out.print(exit.stdout());
            System.err.print(exit.stderr());
            return exit.status();
        }
        QnetdCommandLine.Run run = (QnetdCommandLine.Run) outcome;
        Logging.configure(run.settings().debug());
        run.warnings().forEach(LOG::warn);
        // Before start-up, so a SIGTERM during start-up is a clean stop right after it, not the JVM's 143.
        StopRequest stopRequest = StopRequest.withSignalHandlers();
        QnetdMain daemon = new QnetdMain(run.settings(), stopRequest);
        // Only for what the handlers do not cover (SIGHUP, -Xrs): the JVM then exits 128+signal after it.
        Runtime.getRuntime().addShutdownHook(new Thread(daemon::stop, "qnetd-shutdown"));
        try {
            daemon.start();
        } catch (StartupException e) {
            e.getMessage().lines().forEach(LOG::error);
            daemon.stop();
            return 1;
        }
        int status = stopRequest.await();
        daemon.stop();
        return status;
    }

    void start() throws StartupException {
        try {
            lock = PidLockFile.acquire(settings.get(LOCK_FILE));
        } catch (IOException e) {
            throw new StartupException(e.getMessage());
        }
        // Listen before the slow steps (certificates, TLS library): nodes reconnecting to a restarting
        // qnetd then queue or retry their SYN instead of being refused and waiting a whole connect timeout.
        Optional<SystemdListenFds.Passed> passed = SystemdListenFds.take();
        try {
            listen = ListenSocket.open(settings, passed);
        } catch (ListenSocket.SystemdSocketException e) {
            throw new StartupException("Can't serve the socket from systemd: " + e.getMessage());
        } catch (Exception e) {
            throw cantListen(e);
        }
        SslContext ssl = null;
        QnetdCertStore store = null;
        if (settings.tls() != TlsSupported.UNSUPPORTED) {
            try {
                store = QnetdTls.loadStore(settings, message -> LOG.info("{}", message));
                ssl = QnetdTls.serverContext(store.serverKey(), store.caCertificate(), settings.clientCertRequired());
                LOG.info("TLS by {}", QnetdTls.provider() == io.netty.handler.ssl.SslProvider.OPENSSL
                        ? "BoringSSL (" + io.netty.handler.ssl.OpenSsl.versionString() + ")" : "the JDK");
            } catch (CertStoreException e) {
                throw new StartupException(String.join("\n", QnetdTls.loadFailure(settings, e)));
            } catch (IOException e) {
                throw new StartupException("Can't load the certificates from " + settings.get(NSS_DB_DIR) + ": "
                        + e.getMessage());
            }
        }
        QnetdEvents events = QnetdEvents.NONE;
        if (settings.get(METRICS_ADDRESS) != null) {
            metrics = new QnetdMetrics(store == null ? null : store.serverKey().certificate(),
                    store == null ? null : store.caCertificate());
            events = metrics;
        }
        server = new QnetdServer(settings, ssl, events);
        try {
            ipc = QnetdAdminIpc.start(ipcSettings(), this);
        } catch (Exception e) {
            throw new StartupException("Can't open the local socket " + settings.get(LOCAL_SOCKET_FILE) + ": "
                    + e.getMessage());
        }
        try {
            InetSocketAddress bound = server.start(listen);
            boundPort = bound.getPort();
        } catch (Exception e) {
            throw cantListen(e);
        }
        if (metrics != null) {
            try {
                metrics.start(settings.get(METRICS_ADDRESS), server);
            } catch (IOException e) {
                throw new StartupException("Can't start the metrics endpoint on " + settings.get(METRICS_ADDRESS) + ": "
                        + e.getMessage());
            }
        }
        SdNotify.ready();
        LOG.info("QNetd ready");
        // after serving: its JNA start-up is no reason to keep a restart's nodes waiting
        SystemdListenFds.forgetForChildren(passed);
        if (store != null) {
            QnetdTls.warnIfNssDatabaseDiffers(store, message -> LOG.warn("{}", message));
        }
    }

    private StartupException cantListen(Exception e) {
        return new StartupException("Can't listen on " + settings.displayListenAddress() + " port " + settings.port()
                + ": " + e.getMessage());
    }

    private IpcServerSettings ipcSettings() {
        return new IpcServerSettings(settings.get(LOCAL_SOCKET_FILE), settings.get(LOCAL_SOCKET_BACKLOG),
                settings.get(IPC_MAX_CLIENTS), settings.get(IPC_MAX_RECEIVE_SIZE), settings.get(IPC_MAX_SEND_SIZE),
                settings.get(LOCAL_SOCKET_UMASK), settings.get(LOCAL_SOCKET_GID).orElse(null));
    }

    /** Stops and cleans up (clients told "server going down", sockets and lock file removed); idempotent. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        SdNotify.stopping();
        closeQuietly(ipc);
        closeQuietly(server);
        closeQuietly(listen);
        closeQuietly(metrics);
        closeQuietly(lock);
        LOG.info("QNetd stopped");
    }

    @Override
    public CompletableFuture<QnetdStatusSnapshot> snapshot() {
        return server.onLoop(context -> StatusSnapshots.take(context, boundPort));
    }

    @Override
    public void shutdown() {
        stopRequest.request(0, "shutdown command on the local socket");
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("Error while stopping: {}", e.toString());
        }
    }

    /** A start-up step failed; the message names the file, address or setting. */
    static final class StartupException extends Exception {
        StartupException(String message) {
            super(message);
        }
    }
}
