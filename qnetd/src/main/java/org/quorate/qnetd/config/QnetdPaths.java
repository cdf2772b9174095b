package org.quorate.qnetd.config;

import org.quorate.certs.CertLayout;

import java.nio.file.Path;

/**
 * The C daemon's default file locations. {@code QUORATE_COROSYNC_CONF_DIR} moves the configuration
 * root ({@code /etc/corosync}) and {@code QUORATE_RUN_DIR} the runtime directory
 * ({@code /var/run/corosync-qnetd}), so tests and a non-root demo never touch system paths.
 */
public final class QnetdPaths {
    public static final String CONF_DIR_ENV = CertLayout.CONF_DIR_VARIABLE;
    public static final String RUN_DIR_ENV = "QUORATE_RUN_DIR";

    private QnetdPaths() {
    }

    public static Path runDir() {
        String env = System.getenv(RUN_DIR_ENV);
        return Path.of(env == null || env.isEmpty() ? "/var/run/corosync-qnetd" : env);
    }

    public static Path defaultNssDbDir() {
        return CertLayout.fromEnvironment().qnetdDir();
    }

    public static Path defaultLockFile() {
        return runDir().resolve("corosync-qnetd.pid");
    }

    public static Path defaultLocalSocketFile() {
        return runDir().resolve("corosync-qnetd.sock");
    }
}
