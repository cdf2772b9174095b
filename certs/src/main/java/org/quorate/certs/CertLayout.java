package org.quorate.certs;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the certificate files live. Everything hangs off one configuration directory, {@code /etc/corosync}
 * by default, which the environment variable {@value #CONF_DIR_VARIABLE} moves (tests, non-root use). The
 * directory names below it are the C tools' ones, so existing NSS databases are found in place.
 *
 * <p>qnetd side, {@code <conf>/qnetd/nssdb/}:
 * <ul>
 *   <li>{@value #QNETD_CA_P12}: CA private key and certificate ({@code CN=QNet CA}), PKCS#12, empty password,
 *       friendlyName "QNet CA" - needed only to sign cluster certificates;</li>
 *   <li>{@value #QNETD_SERVER_P12}: server key with chain (server {@code CN=Qnetd Server}, CA), PKCS#12,
 *       empty password, friendlyName "QNetd Cert" - the qnetd TLS identity;</li>
 *   <li>{@value #CA_EXPORT}: the CA certificate to copy to the nodes (listing + PEM, as certutil writes);</li>
 *   <li>{@code cluster-<name>.crt}: signed cluster certificates (DER);</li>
 *   <li>{@value #SERIAL}, {@value #NOISE}, {@value #PASSWORD}: kept with the C tools' meaning.</li>
 * </ul>
 * node side, {@code <conf>/qdevice/net/nssdb/}:
 * <ul>
 *   <li>{@value #NODE_CA}: the trusted QNet CA certificate (PEM);</li>
 *   <li>{@value #NODE_KEY}: the key of a pending request (unencrypted PKCS#8 PEM, 0600);</li>
 *   <li>{@value #NODE_REQUEST}: the request (DER PKCS#10);</li>
 *   <li>{@value #NODE_P12}: cluster key with chain (cluster certificate, CA), PKCS#12, empty password,
 *       friendlyName "Cluster Cert" - the qdevice TLS identity, same file and format as the C tool's.</li>
 * </ul>
 */
public record CertLayout(Path confDir) {
    /** Moves the configuration directory; the default is {@value #DEFAULT_CONF_DIR}. */
    public static final String CONF_DIR_VARIABLE = "QUORATE_COROSYNC_CONF_DIR";
    public static final String DEFAULT_CONF_DIR = "/etc/corosync";

    public static final String QNETD_CA_P12 = "qnetd-ca.p12";
    public static final String QNETD_SERVER_P12 = "qnetd-server.p12";
    public static final String CA_EXPORT = "qnetd-cacert.crt";
    public static final String SERIAL = "serial.txt";
    public static final String NOISE = "noise.txt";
    public static final String PASSWORD = "pwdfile.txt";
    public static final String NODE_CA = "qnet-ca.pem";
    public static final String NODE_KEY = "qdevice-net-node.key";
    public static final String NODE_REQUEST = "qdevice-net-node.crq";
    public static final String NODE_P12 = "qdevice-net-node.p12";

    /** NSS nicknames, used as PKCS#12 friendlyNames so pk12util imports give the same nicknames. */
    public static final String CA_NICKNAME = "QNet CA";
    public static final String SERVER_NICKNAME = "QNetd Cert";
    public static final String CLUSTER_NICKNAME = "Cluster Cert";

    public CertLayout {
        if (confDir == null || confDir.toString().isEmpty()) {
            throw new IllegalArgumentException(CONF_DIR_VARIABLE + " must name a directory");
        }
    }

    /** The layout selected by the process environment. */
    public static CertLayout fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static CertLayout fromEnvironment(Map<String, String> environment) {
        String dir = environment.get(CONF_DIR_VARIABLE);
        return new CertLayout(Path.of(dir == null || dir.isEmpty() ? DEFAULT_CONF_DIR : dir));
    }

    /** {@code <conf>/qnetd}: the C tool gives new files this directory's owner and group. */
    public Path qnetdConfigDir() {
        return confDir.resolve("qnetd");
    }

    /** {@code <conf>/qnetd/nssdb}. */
    public Path qnetdDir() {
        return qnetdConfigDir().resolve("nssdb");
    }

    /** {@code <conf>/qdevice/net/nssdb}. */
    public Path nodeDir() {
        return confDir.resolve("qdevice").resolve("net").resolve("nssdb");
    }

    /** {@code cluster-<name>.crt} in the qnetd directory. */
    public Path clusterCertificate(String clusterName) {
        return qnetdDir().resolve("cluster-" + clusterName + ".crt");
    }
}
