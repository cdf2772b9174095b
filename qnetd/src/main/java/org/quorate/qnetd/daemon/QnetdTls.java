package org.quorate.qnetd.daemon;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslCachingX509KeyManagerFactory;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import org.quorate.certs.pki.KeyMaterial;
import org.quorate.certs.store.CertStoreException;
import org.quorate.certs.store.DirectoryAccessException;
import org.quorate.certs.store.FileAccess;
import org.quorate.certs.store.NssMirror;
import org.quorate.certs.store.CachingTrustManager;
import org.quorate.certs.store.QnetdCertStore;
import org.quorate.certs.store.TlsContexts;
import org.quorate.qnetd.config.QnetdSettings;
import org.quorate.qnetd.server.ClientCertificateTrust;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.SSLException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static org.quorate.qnetd.config.QnetdSettingKeys.NSS_DB_DIR;

/** Builds the server's TLS context from the qnetd certificate store. */
public final class QnetdTls {
    private static final Logger LOG = LoggerFactory.getLogger(QnetdTls.class);

    /**
     * The C corosync-qdevice (NSS) sends SNI "Qnetd Server", the CN it expects; JSSE refuses a host_name with a
     * space and fails every handshake ("Contains non-LDH ASCII characters"). qnetd has a single certificate, so
     * the server ignores SNI. JSSE reads this property once, before its first server-side handshake.
     */
    static final String DISABLE_SERVER_EXTENSIONS = "jdk.tls.server.disableExtensions";

    static {
        ignoreServerNameIndication();
    }

    private QnetdTls() {
    }

    /** Adds {@code server_name} to the server extensions JSSE ignores, keeping any the operator listed. */
    public static void ignoreServerNameIndication() {
        String current = System.getProperty(DISABLE_SERVER_EXTENSIONS, "").strip();
        if (!(',' + current.replace(" ", "") + ',').contains(",server_name,")) {
            System.setProperty(DISABLE_SERVER_EXTENSIONS, current.isEmpty() ? "server_name" : current + ",server_name");
        }
    }

    /**
     * Loads the store in {@code settings.get(NSS_DB_DIR)}, creating CA and server certificate on first start
     * when the directory exists and is empty (reported once through {@code progress}). A missing
     * directory is refused, as the C daemon does.
     */
    public static QnetdCertStore loadStore(QnetdSettings settings, Consumer<String> progress) throws CertStoreException {
        return QnetdCertStore.ensureInitialized(settings.get(NSS_DB_DIR), Instant.now(), progress,
                NssMirror.onSystemPath(notice -> LOG.warn("{}", notice)));
    }

    /**
     * The start-up error lines for a store that can't be loaded. A missing directory gives the C daemon's
     * line first (same text, same exit status), then ours with the path; the others name the path, its
     * owner and mode and our user where access is the problem.
     */
    public static List<String> loadFailure(QnetdSettings settings, CertStoreException e) {
        if (e instanceof DirectoryAccessException access
                && access.problem().kind() == FileAccess.DirectoryProblem.Kind.MISSING) {
            return List.of(access.cDaemonLine(), "NSS DB directory " + settings.get(NSS_DB_DIR) + " (nss_db_dir) does"
                    + " not exist; qnetd creates its CA only in an existing, empty directory");
        }
        if (e instanceof DirectoryAccessException) {
            return List.of(e.getMessage());
        }
        return List.of("Can't load the certificates from " + settings.get(NSS_DB_DIR) + ": " + e.getMessage());
    }

    /**
     * Compares the NSS database beside the bundles with them, on a background thread (each certutil run
     * costs about 30 ms, and the daemon serves meanwhile), and logs each difference once. The daemon serves
     * with the bundles whatever the NSS database holds.
     */
    public static void warnIfNssDatabaseDiffers(QnetdCertStore store, Consumer<String> warn) {
        Thread check = new Thread(() -> {
            try {
                for (String difference : store.nssDifferences(NssMirror.onSystemPath(line -> { }))) {
                    warn.accept(difference + "; qnetd serves with the PKCS#12 files, the C tools and pcs use"
                            + " the NSS database");
                }
            } catch (CertStoreException | RuntimeException e) {
                warn.accept("Can't compare the NSS database in " + store.directory() + " with the PKCS#12 files: "
                        + e.getMessage());
            }
        }, "qnetd-nss-check");
        check.setDaemon(true);
        check.start();
    }

    /** {@code -Dquorate.tls.provider=jdk} forces the JDK's TLS even where BoringSSL loads. */
    static final String PROVIDER_PROPERTY = "quorate.tls.provider";

    public static SslContext serverContext(KeyMaterial key, X509Certificate ca, boolean clientCertRequired)
            throws SSLException {
        SslProvider provider = provider();
        return SslContextBuilder.forServer(keyManagers(key, provider))
                .trustManager(clientTrust(ca, provider))
                .clientAuth(clientCertRequired ? ClientAuth.REQUIRE : ClientAuth.NONE)
                .protocols("TLSv1.3", "TLSv1.2")
                .sslProvider(provider)
                .build();
    }

    /**
     * PKIX against the qnetd CA alone, remembering the chains it accepted (see {@link CachingTrustManager}), and
     * saying why it refused one (see {@link ClientCertificateTrust}).
     */
    private static TrustManager clientTrust(X509Certificate ca, SslProvider provider) throws SSLException {
        try {
            return new ClientCertificateTrust(TlsContexts.cachingTrustManager(ca, System::currentTimeMillis), ca,
                    System::currentTimeMillis, provider != SslProvider.JDK);
        } catch (CertStoreException e) {
            throw new SSLException(e.getMessage(), e);
        }
    }

    /*
     * Without the caching factory Netty converts the key and chain for BoringSSL again on every handshake;
     * with it, once. (Connect-phase CPU per connection went from 3.4 to 3.0 ms in the load generator.)
     */
    private static KeyManagerFactory keyManagers(KeyMaterial key, SslProvider provider) throws SSLException {
        try {
            KeyManagerFactory factory = TlsContexts.keyManagerFactory(key);
            return provider == SslProvider.JDK ? factory : new OpenSslCachingX509KeyManagerFactory(factory);
        } catch (CertStoreException e) {
            throw new SSLException(e.getMessage(), e);
        }
    }

    /**
     * BoringSSL (netty-tcnative) when its native library loads: its handshakes cost a fraction of the JDK's,
     * which is what bounds how fast thousands of nodes get back after a qnetd restart. The JDK otherwise.
     */
    public static SslProvider provider() {
        if ("jdk".equalsIgnoreCase(System.getProperty(PROVIDER_PROPERTY, ""))) {
            return SslProvider.JDK;
        }
        return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    }
}
