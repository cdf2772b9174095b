package org.quorate.qnetd.daemon;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import org.quorate.certs.pki.KeyMaterial;
import org.quorate.certs.store.CertStoreException;
import org.quorate.certs.store.QnetdCertStore;
import org.quorate.qnetd.config.QnetdSettings;

import javax.net.ssl.SSLException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.function.Consumer;

/** Builds the server's TLS context from the qnetd certificate store. */
public final class QnetdTls {
    private QnetdTls() {
    }

    /**
     * Loads the store in {@code settings.nssDbDir()}, creating CA and server certificate on first start
     * when the directory is empty (reported once through {@code progress}).
     */
    public static QnetdCertStore loadStore(QnetdSettings settings, Consumer<String> progress) throws CertStoreException {
        return QnetdCertStore.ensureInitialized(settings.nssDbDir(), Instant.now(), progress);
    }

    public static SslContext serverContext(KeyMaterial key, X509Certificate ca, boolean clientCertRequired)
            throws SSLException {
        return SslContextBuilder.forServer(key.privateKey(), key.chain().toArray(X509Certificate[]::new))
                .trustManager(ca)
                .clientAuth(clientCertRequired ? ClientAuth.REQUIRE : ClientAuth.NONE)
                .protocols("TLSv1.3", "TLSv1.2")
                .sslProvider(SslProvider.JDK)
                .build();
    }
}
