package org.quorate.certs.store;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.LongSupplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.quorate.certs.pki.KeyMaterial;

/**
 * JSSE contexts for qnetd and qdevice. Each side presents its key and trusts exactly one certificate, the
 * QNet CA, the way the C daemons trust their NSS database's "QNet CA" entry. The C daemons (NSS 3.87)
 * negotiate TLS 1.3 and accept 1.2; so do these.
 *
 * <p>Name checks are the daemons' job, with {@link org.quorate.certs.pki.Names#commonNameOf}: the client
 * expects CN "Qnetd Server", the server expects the client CN to equal the cluster name.
 */
public final class TlsContexts {
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    private static final char[] IN_MEMORY = new char[0];

    private TlsContexts() {
    }

    /** A context that presents {@code identity} and trusts only {@code ca}. */
    public static SSLContext create(KeyMaterial identity, X509Certificate ca) throws CertStoreException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(identity).getKeyManagers(), pkixTrustManagers(ca).getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new CertStoreException("Can't build a TLS context for " + identity.certificate()
                    .getSubjectX500Principal() + ": " + e.getMessage(), e);
        }
    }

    /** Key managers that present {@code identity} (its key and chain, held in memory only). */
    public static KeyManagerFactory keyManagerFactory(KeyMaterial identity) throws CertStoreException {
        try {
            return keyManagers(identity);
        } catch (GeneralSecurityException | IOException e) {
            throw new CertStoreException("Can't use the key of " + identity.certificate().getSubjectX500Principal()
                    + ": " + e.getMessage(), e);
        }
    }

    private static KeyManagerFactory keyManagers(KeyMaterial identity) throws GeneralSecurityException, IOException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("identity", identity.privateKey(), IN_MEMORY, identity.chain().toArray(new Certificate[0]));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, IN_MEMORY);
        return keyManagers;
    }

    /**
     * PKIX with {@code ca} as the only trust anchor, remembering the chains it accepted (see
     * {@link CachingTrustManager}); for servers and clients that see the same certificates again and again.
     */
    public static X509ExtendedTrustManager cachingTrustManager(X509Certificate ca, LongSupplier wallClockMillis)
            throws CertStoreException {
        try {
            for (TrustManager manager : pkixTrustManagers(ca).getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager pkix) {
                    return new CachingTrustManager(pkix, wallClockMillis, CachingTrustManager.DEFAULT_CAPACITY);
                }
            }
            throw new CertStoreException("this JDK's PKIX trust manager is not an X509ExtendedTrustManager");
        } catch (GeneralSecurityException | IOException e) {
            throw new CertStoreException("Can't trust the CA certificate " + ca.getSubjectX500Principal() + ": "
                    + e.getMessage(), e);
        }
    }

    private static TrustManagerFactory pkixTrustManagers(X509Certificate ca)
            throws GeneralSecurityException, IOException {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("qnet-ca", ca);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(anchors);
        return trustManagers;
    }

    /** Server side: TLS 1.3/1.2 and a client certificate is required (qnetd's {@code -c on}). */
    public static SSLParameters serverParameters(SSLContext context) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(PROTOCOLS.toArray(new String[0]));
        parameters.setNeedClientAuth(true);
        return parameters;
    }

    /** Client side: TLS 1.3/1.2. */
    public static SSLParameters clientParameters(SSLContext context) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(PROTOCOLS.toArray(new String[0]));
        return parameters;
    }
}
