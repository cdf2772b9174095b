package org.quorate.bench.pki;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslCachingX509KeyManagerFactory;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.SslContext;
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
import org.quorate.certs.pki.KeyMaterial;
import org.quorate.certs.store.TlsContexts;

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
        SslContext context = SslContextBuilder.forClient()
                .sslProvider(provider)
                // OpenSSL would otherwise convert the chosen key and chain to native form on every handshake
                .keyManager(provider == SslProvider.OPENSSL
                        ? new OpenSslCachingX509KeyManagerFactory(clusterKeys, Math.max(1, identities.size()))
                        : clusterKeys)
                .trustManager(ca)
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
