package org.quorate.bench.pki;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.quorate.certs.pki.KeyMaterial;
import org.quorate.certs.store.TlsContexts;

/** The simulated nodes' TLS: trust only the QNet CA, present the cluster's certificate. */
public final class ClientTls {
    private ClientTls() {
    }

    public static SslContext context(X509Certificate ca, Map<String, KeyMaterial> identities)
            throws GeneralSecurityException, java.io.IOException {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("qnet-ca", ca);
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(anchors);
        SSLContext jdk = SSLContext.getInstance("TLS");
        jdk.init(new KeyManager[] {new ClusterKeyManager(identities)}, trust.getTrustManagers(), null);
        return new JdkSslContext(jdk, true, null, IdentityCipherSuiteFilter.INSTANCE,
                ApplicationProtocolConfig.DISABLED, ClientAuth.NONE,
                TlsContexts.PROTOCOLS.toArray(new String[0]), false);
    }
}
