package org.quorate.qdevice.config;

import org.quorate.certs.CertLayout;

import java.nio.file.Path;

/**
 * The C daemon's default file locations, movable with {@code QUORATE_COROSYNC_CONF_DIR} (for
 * {@code /etc/corosync}) and {@code QUORATE_QDEVICE_RUN_DIR} (for {@code /var/run/corosync-qdevice}).
 */
public final class QdevicePaths {
    public static final String CONF_DIR_ENV = CertLayout.CONF_DIR_VARIABLE;
    public static final String RUN_DIR_ENV = "QUORATE_QDEVICE_RUN_DIR";

    private QdevicePaths() {
    }

    public static Path runDir() {
        String env = System.getenv(RUN_DIR_ENV);
        return Path.of(env == null || env.isEmpty() ? "/var/run/corosync-qdevice" : env);
    }
}
