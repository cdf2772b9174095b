package org.quorate.qdevice.daemon;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import org.quorate.certs.store.CertStoreException;
import org.quorate.certs.store.NodeCertStore;
import org.quorate.qdevice.config.QdeviceSettings;
import org.quorate.qdevice.net.QnetdServerTrust;

import javax.net.ssl.SSLException;
import java.security.cert.X509Certificate;

/** The client TLS context: the node's cluster certificate, trust in the qnetd CA and its server name. */
final class QdeviceTls {
    private QdeviceTls() {
    }

    static SslContext clientContext(QdeviceSettings settings) throws CertStoreException, SSLException {
        NodeCertStore store = NodeCertStore.load(settings.netNssDbDir());
        return SslContextBuilder.forClient()
                .keyManager(store.clientKey().privateKey(), store.clientKey().chain().toArray(X509Certificate[]::new))
                .trustManager(new QnetdServerTrust(store.caCertificate(), settings.netNssQnetdCn()))
                .protocols("TLSv1.3", "TLSv1.2")
                // qnetd is checked by its certificate name ("Qnetd Server"), not by host name, as in the C client.
                .endpointIdentificationAlgorithm(null)
                .sslProvider(SslProvider.JDK)
                .build();
    }
}
