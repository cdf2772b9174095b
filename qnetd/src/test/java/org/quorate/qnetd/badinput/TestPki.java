package org.quorate.qnetd.badinput;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.quorate.certs.CertLayout;
import org.quorate.certs.pki.CertificateIssuer;
import org.quorate.certs.pki.KeyMaterial;
import org.quorate.certs.pki.KeyPairs;
import org.quorate.certs.pki.Names;
import org.quorate.certs.pki.Pkcs12;
import org.quorate.certs.store.QnetdCertStore;
import org.quorate.certs.store.TlsContexts;

import javax.net.ssl.SSLContext;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The qnetd certificate store a daemon would create on first start (in a temp directory), plus client
 * identities for the bad-input cases: valid cluster certificates, one from a CA qnetd does not trust, and an
 * expired one.
 */
final class TestPki {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SERIAL = new AtomicLong(5000);

    private final QnetdCertStore store;
    private final KeyMaterial ca;

    private TestPki(QnetdCertStore store, KeyMaterial ca) {
        this.store = store;
        this.ca = ca;
    }

    private static TestPki shared;

    /**
     * One store per test JVM: creating a CA and server key takes seconds on a small CI box. The directory is
     * removed when the JVM exits.
     */
    static synchronized TestPki shared() throws Exception {
        if (shared == null) {
            Path dir = Files.createTempDirectory("quorate-badinput-pki");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            shared = create(dir.resolve("qnetd-nssdb"));
        }
        return shared;
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // best effort at JVM exit
        }
    }

    static TestPki create(Path dir) throws Exception {
        QnetdCertStore store = QnetdCertStore.ensureInitialized(Files.createDirectories(dir), Instant.now(),
                message -> { });
        KeyMaterial ca = Pkcs12.readKey(Files.readAllBytes(dir.resolve(CertLayout.QNETD_CA_P12)));
        return new TestPki(store, ca);
    }

    QnetdCertStore store() {
        return store;
    }

    /** A client context with a cluster certificate for {@code cn} from qnetd's CA. */
    SSLContext client(String cn) throws Exception {
        return clientSignedBy(ca, cn, Instant.now());
    }

    /** The certificate's validity ended a century ago (issued 200 years back, valid 100 years). */
    SSLContext expiredClient(String cn) throws Exception {
        return clientSignedBy(ca, cn, Instant.now().minus(200 * 366, ChronoUnit.DAYS));
    }

    /** Valid from next week on (NSS lets certificates valid from within a day pass, for clock skew). */
    SSLContext notYetValidClient(String cn) throws Exception {
        return clientSignedBy(ca, cn, Instant.now().plus(7, ChronoUnit.DAYS));
    }

    /** A client that trusts qnetd but has no certificate of its own to present. */
    SSLContext clientWithoutCertificate() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, clientWithoutCertificateTrust(), null);
        return context;
    }

    /** A well-formed cluster certificate from another "QNet CA" that qnetd does not trust. */
    SSLContext untrustedClient(String cn) throws Exception {
        KeyPair otherCaKeys = KeyPairs.rsa2048(RANDOM);
        X509Certificate otherCa = CertificateIssuer.selfSignedCa(otherCaKeys, serial(), Instant.now());
        KeyMaterial other = new KeyMaterial(otherCaKeys.getPrivate(), List.of(otherCa));
        return clientSignedBy(other, cn, Instant.now());
    }

    /** A cluster certificate whose issuer is named "CN=Other CA": not a name this qnetd's database knows. */
    SSLContext otherNamedCaClient(String cn) throws Exception {
        KeyPair otherCaKeys = KeyPairs.rsa2048(RANDOM);
        X509Certificate qnetNamed = CertificateIssuer.selfSignedCa(otherCaKeys, serial(), Instant.now());
        X509Certificate otherNamed = CertificateIssuer.issue(new KeyMaterial(otherCaKeys.getPrivate(), List.of(qnetNamed)),
                Names.commonName("Other CA"), SubjectPublicKeyInfo.getInstance(otherCaKeys.getPublic().getEncoded()),
                serial(), Instant.now());
        // Only the leaf goes out: its CA certificate here is itself issued under "CN=QNet CA" (a shortcut).
        KeyMaterial other = new KeyMaterial(otherCaKeys.getPrivate(), List.of(otherNamed));
        KeyPair keys = KeyPairs.rsa2048(RANDOM);
        X509Certificate cert = CertificateIssuer.issue(other, Names.commonName(cn),
                SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()), serial(), Instant.now());
        return alwaysPresenting(keys.getPrivate(), cert);
    }

    /**
     * A client that presents {@code cert} whatever CAs the server asks for, as the C qdevice (NSS, by nickname)
     * does; the JDK's own key manager would send no certificate to a server that did not name its issuer.
     */
    private SSLContext alwaysPresenting(java.security.PrivateKey key, X509Certificate cert) throws Exception {
        javax.net.ssl.X509ExtendedKeyManager manager = new javax.net.ssl.X509ExtendedKeyManager() {
            @Override
            public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
                return new String[] {"client"};
            }

            @Override
            public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, java.net.Socket s) {
                return "client";
            }

            @Override
            public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers,
                                                  javax.net.ssl.SSLEngine engine) {
                return "client";
            }

            @Override
            public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseServerAlias(String keyType, java.security.Principal[] issuers, java.net.Socket s) {
                return null;
            }

            @Override
            public X509Certificate[] getCertificateChain(String alias) {
                return new X509Certificate[] {cert};
            }

            @Override
            public java.security.PrivateKey getPrivateKey(String alias) {
                return key;
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new javax.net.ssl.KeyManager[] {manager},
                clientWithoutCertificateTrust(), null);
        return context;
    }

    private javax.net.ssl.TrustManager[] clientWithoutCertificateTrust() throws Exception {
        java.security.KeyStore anchors = java.security.KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("qnet-ca", store.caCertificate());
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        trust.init(anchors);
        return trust.getTrustManagers();
    }

    private SSLContext clientSignedBy(KeyMaterial issuer, String cn, Instant notBefore) throws Exception {
        KeyPair keys = KeyPairs.rsa2048(RANDOM);
        X509Certificate cert = CertificateIssuer.issue(issuer, Names.commonName(cn),
                SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()), serial(), notBefore);
        // The client trusts qnetd's real CA in every case: only its own certificate is bad.
        return TlsContexts.create(new KeyMaterial(keys.getPrivate(), List.of(cert, issuer.certificate())),
                store.caCertificate());
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }
}
