package org.quorate.qnetd.config;

import org.quorate.config.Setting;
import org.quorate.config.Settings;
import org.quorate.protocol.TlsSupported;

/**
 * What the qnetd daemon runs with: its command-line flags, and the {@code -S} settings read by name
 * ({@link QnetdSettingKeys}). Values are validated when parsed ({@link QnetdCommandLine}); an instance is
 * always valid.
 *
 * @param listenAddress      {@code -l}; null listens on the wildcard address
 * @param port               {@code -p}
 * @param ipVersion          {@code -4}/{@code -6}; 0 lets the OS decide (dual stack)
 * @param debug              number of {@code -d} flags
 * @param foreground         {@code -f}
 * @param tls                {@code -s}
 * @param clientCertRequired {@code -c}
 * @param maxClients         {@code -m}; 0 = unlimited
 * @param advanced           the {@code -S} settings
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
        Settings advanced) {

    public static final int DEFAULT_PORT = 5403;

    /**
     * The longest heartbeat a client may ask for at compile time in the C daemon. Before INIT the
     * dead-peer timer uses it instead of {@code heartbeat_interval_max} (spec quirk Q7).
     */
    public static final long PRE_INIT_HEARTBEAT_MS = 120_000;

    public QnetdSettings {
        if (advanced.schema() != QnetdSettingKeys.SCHEMA) {
            throw new IllegalArgumentException("not corosync-qnetd settings: " + advanced.schema().title());
        }
    }

    public static QnetdSettings defaults() {
        return new QnetdSettings(null, DEFAULT_PORT, 0, 0, false, TlsSupported.SUPPORTED, true, 0,
                QnetdSettingKeys.SCHEMA.defaults());
    }

    /** The value of one {@code -S} setting. */
    public <T> T get(Setting<T> setting) {
        return advanced.get(setting);
    }

    /** The address the status output shows: the {@code -l} value or {@code *}. */
    public String displayListenAddress() {
        return listenAddress == null ? "*" : listenAddress;
    }

    /** Dead-peer timeout for a client with heartbeat {@code heartbeatMs}. */
    public long deadPeerTimeoutMs(long heartbeatMs) {
        return (long) (get(QnetdSettingKeys.DPD_INTERVAL_COEFFICIENT) * heartbeatMs);
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
        Settings.Builder advanced;

        Builder(QnetdSettings s) {
            listenAddress = s.listenAddress;
            port = s.port;
            ipVersion = s.ipVersion;
            debug = s.debug;
            foreground = s.foreground;
            tls = s.tls;
            clientCertRequired = s.clientCertRequired;
            maxClients = s.maxClients;
            advanced = s.advanced.toBuilder();
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

        public Builder maxClients(long max) {
            this.maxClients = max;
            return this;
        }

        /** Sets one {@code -S} setting from code; out of range throws {@link IllegalArgumentException} naming it. */
        public <T> Builder set(Setting<T> setting, T value) {
            advanced.set(setting, value);
            return this;
        }

        /** For code that knows its values fit; the command line uses {@link #buildChecked()}. */
        public QnetdSettings build() {
            return new QnetdSettings(listenAddress, port, ipVersion, debug, foreground, tls, clientCertRequired,
                    maxClients, advanced.buildOrThrow());
        }

        QnetdSettings buildChecked() throws org.quorate.config.SettingsException {
            return new QnetdSettings(listenAddress, port, ipVersion, debug, foreground, tls, clientCertRequired,
                    maxClients, advanced.build());
        }
    }
}
