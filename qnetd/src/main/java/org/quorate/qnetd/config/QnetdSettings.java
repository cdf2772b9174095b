package org.quorate.qnetd.config;

import org.quorate.protocol.TlsSupported;

import java.nio.file.Path;

/**
 * Every setting of the qnetd daemon, typed, with the C daemon's defaults. Values are validated when
 * they are parsed ({@link QnetdCommandLine}, {@link AdvancedSetting}); an instance is always valid.
 *
 * @param listenAddress        {@code -l}; null listens on the wildcard address
 * @param port                 {@code -p}
 * @param ipVersion            {@code -4}/{@code -6}; 0 lets the OS decide (dual stack)
 * @param debug                number of {@code -d} flags
 * @param foreground           {@code -f}
 * @param tls                  {@code -s}
 * @param clientCertRequired   {@code -c}
 * @param maxClients           {@code -m}; 0 = unlimited
 * @param metricsAddress       Quorate's Prometheus endpoint, {@code host:port}; null = off
 */
public record QnetdSettings(
        String listenAddress,
        int port,
        int ipVersion,
        int debug,
        boolean foreground,
        TlsSupported tls,
        boolean clientCertRequired,
        long maxClients,
        int listenBacklog,
        int maxClientSendBuffers,
        int maxClientSendSize,
        int maxClientReceiveSize,
        Path nssDbDir,
        String certNickname,
        long heartbeatIntervalMin,
        long heartbeatIntervalMax,
        boolean dpdEnabled,
        double dpdIntervalCoefficient,
        Path lockFile,
        Path localSocketFile,
        Integer localSocketUmask,
        String localSocketGid,
        int localSocketBacklog,
        int ipcMaxClients,
        int ipcMaxReceiveSize,
        int ipcMaxSendSize,
        boolean keepActivePartitionTieBreaker,
        String metricsAddress) {

    public static final int DEFAULT_PORT = 5403;

    /**
     * The longest heartbeat a client may ask for at compile time in the C daemon. Before INIT the
     * dead-peer timer uses it instead of {@code heartbeat_interval_max} (spec quirk Q7).
     */
    public static final long PRE_INIT_HEARTBEAT_MS = 120_000;

    public static QnetdSettings defaults() {
        return new QnetdSettings(null, DEFAULT_PORT, 0, 0, false, TlsSupported.SUPPORTED, true, 0,
                10, 32, 32768, 32768, QnetdPaths.defaultNssDbDir(), "QNetd Cert", 1000, 120000, true, 1.5,
                QnetdPaths.defaultLockFile(), QnetdPaths.defaultLocalSocketFile(), null, null, 10, 10, 4096,
                10485760, false, null);
    }

    /** The address the status output shows: the {@code -l} value or {@code *}. */
    public String displayListenAddress() {
        return listenAddress == null ? "*" : listenAddress;
    }

    /** Dead-peer timeout for a client with heartbeat {@code heartbeatMs}. */
    public long deadPeerTimeoutMs(long heartbeatMs) {
        return (long) (dpdIntervalCoefficient * heartbeatMs);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable companion used while parsing; {@link #build()} gives the immutable settings. */
    public static final class Builder {
        String listenAddress;
        int port;
        int ipVersion;
        int debug;
        boolean foreground;
        TlsSupported tls;
        boolean clientCertRequired;
        long maxClients;
        int listenBacklog;
        int maxClientSendBuffers;
        int maxClientSendSize;
        int maxClientReceiveSize;
        Path nssDbDir;
        String certNickname;
        long heartbeatIntervalMin;
        long heartbeatIntervalMax;
        boolean dpdEnabled;
        double dpdIntervalCoefficient;
        Path lockFile;
        Path localSocketFile;
        Integer localSocketUmask;
        String localSocketGid;
        int localSocketBacklog;
        int ipcMaxClients;
        int ipcMaxReceiveSize;
        int ipcMaxSendSize;
        boolean keepActivePartitionTieBreaker;
        String metricsAddress;

        Builder(QnetdSettings s) {
            listenAddress = s.listenAddress;
            port = s.port;
            ipVersion = s.ipVersion;
            debug = s.debug;
            foreground = s.foreground;
            tls = s.tls;
            clientCertRequired = s.clientCertRequired;
            maxClients = s.maxClients;
            listenBacklog = s.listenBacklog;
            maxClientSendBuffers = s.maxClientSendBuffers;
            maxClientSendSize = s.maxClientSendSize;
            maxClientReceiveSize = s.maxClientReceiveSize;
            nssDbDir = s.nssDbDir;
            certNickname = s.certNickname;
            heartbeatIntervalMin = s.heartbeatIntervalMin;
            heartbeatIntervalMax = s.heartbeatIntervalMax;
            dpdEnabled = s.dpdEnabled;
            dpdIntervalCoefficient = s.dpdIntervalCoefficient;
            lockFile = s.lockFile;
            localSocketFile = s.localSocketFile;
            localSocketUmask = s.localSocketUmask;
            localSocketGid = s.localSocketGid;
            localSocketBacklog = s.localSocketBacklog;
            ipcMaxClients = s.ipcMaxClients;
            ipcMaxReceiveSize = s.ipcMaxReceiveSize;
            ipcMaxSendSize = s.ipcMaxSendSize;
            keepActivePartitionTieBreaker = s.keepActivePartitionTieBreaker;
            metricsAddress = s.metricsAddress;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder listenAddress(String address) {
            this.listenAddress = address;
            return this;
        }

        public Builder tls(TlsSupported tls) {
            this.tls = tls;
            return this;
        }

        public Builder clientCertRequired(boolean required) {
            this.clientCertRequired = required;
            return this;
        }

        public Builder nssDbDir(Path dir) {
            this.nssDbDir = dir;
            return this;
        }

        public Builder lockFile(Path file) {
            this.lockFile = file;
            return this;
        }

        public Builder localSocketFile(Path file) {
            this.localSocketFile = file;
            return this;
        }

        public Builder heartbeatRange(long min, long max) {
            this.heartbeatIntervalMin = min;
            this.heartbeatIntervalMax = max;
            return this;
        }

        public Builder maxClientReceiveSize(int size) {
            this.maxClientReceiveSize = size;
            return this;
        }

        public Builder maxClients(long max) {
            this.maxClients = max;
            return this;
        }

        public Builder dpdEnabled(boolean enabled) {
            this.dpdEnabled = enabled;
            return this;
        }

        public Builder keepActivePartitionTieBreaker(boolean enabled) {
            this.keepActivePartitionTieBreaker = enabled;
            return this;
        }

        public Builder metricsAddress(String hostPort) {
            this.metricsAddress = hostPort;
            return this;
        }

        public QnetdSettings build() {
            return new QnetdSettings(listenAddress, port, ipVersion, debug, foreground, tls, clientCertRequired,
                    maxClients, listenBacklog, maxClientSendBuffers, maxClientSendSize, maxClientReceiveSize, nssDbDir,
                    certNickname, heartbeatIntervalMin, heartbeatIntervalMax, dpdEnabled, dpdIntervalCoefficient,
                    lockFile, localSocketFile, localSocketUmask, localSocketGid, localSocketBacklog, ipcMaxClients,
                    ipcMaxReceiveSize, ipcMaxSendSize, keepActivePartitionTieBreaker, metricsAddress);
        }
    }
}
