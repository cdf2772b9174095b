package org.quorate.qdevice.daemon;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import org.quorate.certs.CertLayout;
import org.quorate.certs.store.CertStoreException;
import org.quorate.certs.store.NssMirror;
import org.quorate.certs.store.NodeCertStore;
import org.quorate.qdevice.config.QdeviceSettingKeys;
import org.quorate.qdevice.config.QdeviceSettings;
import org.quorate.qdevice.net.QnetdServerTrust;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.security.cert.X509Certificate;

/** The client TLS context: the node's cluster certificate, trust in the qnetd CA and its server name. */
final class QdeviceTls {
    private static final Logger LOG = LoggerFactory.getLogger(QdeviceTls.class);

    private QdeviceTls() {
    }

    /**
     * Compares the NSS database beside the node's files with them on a background thread (certutil costs
     * about 30 ms a run) and logs each difference once. qdevice uses the PEM/PKCS#12 files regardless.
     */
    static void warnIfNssDatabaseDiffers(NodeCertStore store) {
        Thread check = new Thread(() -> {
            try {
                for (String difference : store.nssDifferences(NssMirror.onSystemPath(line -> { }))) {
                    LOG.warn("{}; qdevice uses {}, the C tools and pcs use the NSS database", difference,
                            CertLayout.NODE_P12);
                }
            } catch (CertStoreException | RuntimeException e) {
                LOG.warn("Can't compare the NSS database in {} with the node's files: {}", store.directory(),
                        e.getMessage());
            }
        }, "qdevice-nss-check");
        check.setDaemon(true);
        check.start();
    }

    static SslContext clientContext(QdeviceSettings settings) throws CertStoreException, SSLException {
        NodeCertStore store = NodeCertStore.load(settings.get(QdeviceSettingKeys.NET_NSS_DB_DIR));
        warnIfNssDatabaseDiffers(store);
        return SslContextBuilder.forClient()
                .keyManager(store.clientKey().privateKey(), store.clientKey().chain().toArray(X509Certificate[]::new))
                .trustManager(new QnetdServerTrust(store.caCertificate(), settings.get(QdeviceSettingKeys.NET_NSS_QNETD_CN)))
                .protocols("TLSv1.3", "TLSv1.2")
                // qnetd is checked by its certificate name ("Qnetd Server"), not by host name, as in the C client.
                .endpointIdentificationAlgorithm(null)
                .sslProvider(SslProvider.JDK)
                .build();
    }
}
