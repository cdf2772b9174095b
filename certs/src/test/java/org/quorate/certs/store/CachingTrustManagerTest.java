package org.quorate.certs.store;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.quorate.certs.pki.CertificateCodec;
import org.quorate.certs.pki.CertificateIssuer;
import org.quorate.certs.pki.KeyMaterial;
import org.quorate.certs.pki.KeyPairs;
import org.quorate.certs.pki.Names;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.math.BigInteger;
import java.net.Socket;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingTrustManagerTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair CA_KEYS = KeyPairs.rsa2048(RANDOM);
    private static final KeyPair NODE_KEYS = KeyPairs.rsa2048(RANDOM);

    private final AtomicLong clock = new AtomicLong(1_795_000_000_000L);
    private final CountingPkix pkix = new CountingPkix();
    private final CachingTrustManager trust = new CachingTrustManager(pkix, clock::get, 2);
    private final Instant now = Instant.ofEpochMilli(clock.get());
    private final KeyMaterial ca = new KeyMaterial(CA_KEYS.getPrivate(),
            List.of(CertificateIssuer.selfSignedCa(CA_KEYS, BigInteger.ONE, now.minusSeconds(60))));

    private X509Certificate cluster(String name, long serial, Instant issued) {
        return CertificateIssuer.issue(ca, Names.commonName(name),
                SubjectPublicKeyInfo.getInstance(NODE_KEYS.getPublic().getEncoded()), BigInteger.valueOf(serial), issued);
    }

    @Test
    void aChainAcceptedOnceIsNotValidatedAgain() throws Exception {
        X509Certificate[] chain = {cluster("alpha", 10, now.minusSeconds(60))};
        trust.checkClientTrusted(chain, "RSA", (SSLEngine) null);
        // the second node of the cluster presents the same certificate (a copy, as a new handshake would)
        trust.checkClientTrusted(new X509Certificate[] {CertificateCodec.certificate(chain[0].getEncoded())}, "RSA",
                (SSLEngine) null);
        assertThat(pkix.calls).isEqualTo(1);
        assertThat(trust.size()).isEqualTo(1);
    }

    @Test
    void aRejectedChainIsCheckedEveryTime() {
        X509Certificate[] chain = {cluster("beta", 11, now.minusSeconds(60))};
        pkix.rejected.add(chain[0].getSerialNumber());
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> trust.checkClientTrusted(chain, "RSA", (SSLEngine) null))
                    .isInstanceOf(CertificateException.class).hasMessageContaining("untrusted");
        }
        assertThat(pkix.calls).isEqualTo(2);
        assertThat(trust.size()).isZero();
    }

    @Test
    void aRememberedChainIsValidatedAgainOnceItHasExpired() throws Exception {
        X509Certificate leaf = cluster("gamma", 12, now.minusSeconds(60));
        trust.checkClientTrusted(new X509Certificate[] {leaf}, "RSA", (Socket) null);
        clock.set(leaf.getNotAfter().getTime() + 1000);
        pkix.rejected.add(leaf.getSerialNumber());
        assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[] {leaf}, "RSA"))
                .isInstanceOf(CertificateException.class);
        assertThat(pkix.calls).isEqualTo(2);
    }

    @Test
    void aChainThatIsNotYetValidIsNeverTakenFromTheCache() throws Exception {
        X509Certificate future = cluster("delta", 13, now.plusSeconds(3600));
        // a PKIX that wrongly accepted it once must not make the cache accept it early
        trust.checkClientTrusted(new X509Certificate[] {future}, "RSA", (SSLEngine) null);
        trust.checkClientTrusted(new X509Certificate[] {future}, "RSA", (SSLEngine) null);
        assertThat(pkix.calls).isEqualTo(2);
    }

    @Test
    void theLeastRecentlySeenChainMakesRoomWhenFull() throws Exception {
        X509Certificate a = cluster("a", 20, now.minusSeconds(60));
        X509Certificate b = cluster("b", 21, now.minusSeconds(60));
        X509Certificate c = cluster("c", 22, now.minusSeconds(60));
        check(a);
        check(b);
        check(a); // a is now the most recently seen
        check(c); // capacity 2: b goes
        assertThat(pkix.calls).isEqualTo(3);
        check(a);
        assertThat(pkix.calls).isEqualTo(3);
        check(b);
        assertThat(pkix.calls).isEqualTo(4);
    }

    @Test
    void aChainAcceptedAsAClientIsStillValidatedAsAServer() throws Exception {
        X509Certificate[] chain = {cluster("epsilon", 14, now.minusSeconds(60))};
        trust.checkClientTrusted(chain, "RSA", (SSLEngine) null);
        trust.checkServerTrusted(chain, "RSA", (SSLEngine) null);
        trust.checkServerTrusted(chain, "RSA", (SSLEngine) null);
        assertThat(pkix.calls).isEqualTo(2);
    }

    @Test
    void noCertificateAtAllIsRefusedWithoutAskingPkix() {
        assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[0], "RSA", (SSLEngine) null))
                .isInstanceOf(CertificateException.class).hasMessageContaining("no certificate");
        assertThat(pkix.calls).isZero();
    }

    private void check(X509Certificate leaf) throws CertificateException {
        trust.checkClientTrusted(new X509Certificate[] {leaf}, "RSA", (SSLEngine) null);
    }

    /** Stands in for the JDK's PKIX: counts validations, rejects the serial numbers it is told to. */
    private static final class CountingPkix extends X509ExtendedTrustManager {
        int calls;
        final Set<BigInteger> rejected = new HashSet<>();

        private void validate(X509Certificate[] chain) throws CertificateException {
            calls++;
            if (rejected.contains(chain[0].getSerialNumber())) {
                throw new CertificateException("untrusted " + chain[0].getSubjectX500Principal());
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            validate(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            validate(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            validate(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            validate(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            validate(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            validate(chain);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
