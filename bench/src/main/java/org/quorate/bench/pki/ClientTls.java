package org.quorate.bench.pki;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslCachingX509KeyManagerFactory;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.SimpleKeyManagerFactory;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import org.quorate.certs.pki.KeyMaterial;
import org.quorate.certs.store.TlsContexts;
import org.quorate.certs.store.CertStoreException;

/**
 * The simulated nodes' TLS: trust only the QNet CA, present the cluster's certificate. One context serves
 * every cluster: {@link ClusterKeyManager} picks the certificate by the engine's peer host.
 *
 * <p>BoringSSL (netty-tcnative) by default: the generator shares the cores with the server it measures, and
 * the JDK's handshakes cost it more CPU than the server spends on the same connections.
 */
public final class ClientTls {
    private ClientTls() {
    }

    /** BoringSSL when its native library loads here, the JDK's TLS otherwise. */
    public static SslProvider bestProvider() {
        return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    /** For the generator's output: which TLS implementation the nodes use. */
    public static String describe(SslProvider provider) {
        return provider == SslProvider.JDK ? "JDK (" + System.getProperty("java.vendor") + " "
                + System.getProperty("java.version") + ")" : "OpenSSL (" + OpenSsl.versionString() + ")";
    }

    /** NSS's default key-exchange groups, in its order (the ffdhe groups, which BoringSSL lacks, left out). */
    static final String[] NSS_GROUPS = {"X25519", "P-256", "P-384", "P-521"};

    /**
     * @param provider JDK or OPENSSL (which must then be available: see {@link #bestProvider()})
     */
    public static SslContext context(X509Certificate ca, Map<String, KeyMaterial> identities, SslProvider provider)
            throws SSLException {
        if (provider == SslProvider.OPENSSL && !OpenSsl.isAvailable()) {
            throw new SSLException("OpenSSL (netty-tcnative) is not available here: "
                    + OpenSsl.unavailabilityCause().getMessage(), OpenSsl.unavailabilityCause());
        }
        KeyManagerFactory clusterKeys = new ClusterKeyManagerFactory(new ClusterKeyManager(identities));
        SslContextBuilder builder = SslContextBuilder.forClient();
        if (provider == SslProvider.OPENSSL) {
            // What NSS 3.87 (Debian bookworm's corosync-qdevice) offers. BoringSSL alone would also offer the
            // post-quantum X25519MLKEM768, which qnetd's BoringSSL then picks: extra work real nodes never cause.
            builder.option(OpenSslContextOption.GROUPS, NSS_GROUPS);
        }
        SslContext context = builder
                .sslProvider(provider)
                // OpenSSL would otherwise convert the chosen key and chain to native form on every handshake
                .keyManager(provider == SslProvider.OPENSSL
                        ? new OpenSslCachingX509KeyManagerFactory(clusterKeys, Math.max(1, identities.size()))
                        : clusterKeys)
                // every node checks the same qnetd certificate: checked once, the generator leaves the CPU to
                // the server it measures (the server's work per handshake does not change)
                .trustManager(serverTrust(ca))
                .protocols(TlsContexts.PROTOCOLS)
                // qnetd's certificate is named "Qnetd Server", not after the host: the node checks that CN itself
                .endpointIdentificationAlgorithm(null)
                .build();
        if (context.sessionContext() instanceof OpenSslSessionContext sessions) {
            // Every node is another machine: the two nodes of a cluster (same "peer host") must not resume
            // each other's sessions, which would make half the handshakes cheaper than in reality.
            sessions.setSessionCacheEnabled(false);
        }
        return context;
    }

    private static TrustManager serverTrust(X509Certificate ca) throws SSLException {
        try {
            return TlsContexts.cachingTrustManager(ca, System::currentTimeMillis);
        } catch (CertStoreException e) {
            throw new SSLException(e.getMessage(), e);
        }
    }

    /** Hands Netty the one {@link ClusterKeyManager} through the KeyManagerFactory its builder takes. */
    private static final class ClusterKeyManagerFactory extends SimpleKeyManagerFactory {
        private final KeyManager[] managers;

        ClusterKeyManagerFactory(ClusterKeyManager manager) {
            this.managers = new KeyManager[] {manager};
        }

        @Override
        protected void engineInit(KeyStore keyStore, char[] password) {
            // the key material is given up front
        }

        @Override
        protected void engineInit(ManagerFactoryParameters parameters) {
            // the key material is given up front
        }

        @Override
        protected KeyManager[] engineGetKeyManagers() {
            return managers.clone();
        }
    }
}
