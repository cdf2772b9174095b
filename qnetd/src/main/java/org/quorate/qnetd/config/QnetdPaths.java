package org.quorate.qnetd.config;

import java.nio.file.Path;

/**
 * The C daemon's default file locations. {@code QUORATE_COROSYNC_CONF_DIR} moves the configuration
 * root ({@code /etc/corosync}) and {@code QUORATE_RUN_DIR} the runtime directory
 * ({@code /var/run/corosync-qnetd}), so tests and a non-root demo never touch system paths.
 */
public final class QnetdPaths {
    public static final String CONF_DIR_ENV = "QUORATE_COROSYNC_CONF_DIR";
    public static final String RUN_DIR_ENV = "QUORATE_RUN_DIR";

    private QnetdPaths() {
    }

    public static Path confDir() {
        String env = System.getenv(CONF_DIR_ENV);
        return Path.of(env == null || env.isEmpty() ? "/etc/corosync" : env);
    }

    public static Path runDir() {
        String env = System.getenv(RUN_DIR_ENV);
        return Path.of(env == null || env.isEmpty() ? "/var/run/corosync-qnetd" : env);
    }

    public static Path defaultNssDbDir() {
        return confDir().resolve("qnetd").resolve("nssdb");
    }

    public static Path defaultLockFile() {
        return runDir().resolve("corosync-qnetd.pid");
    }

    public static Path defaultLocalSocketFile() {
        return runDir().resolve("corosync-qnetd.sock");
    }
}
