package org.quorate.certs.store;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Remembers the certificate chains a PKIX trust manager accepted, until the first certificate of the
 * chain expires, so a chain seen before is not validated again.
 *
 * <p>Why: every node of a cluster presents the same cluster certificate, and after a qnetd restart all
 * of them present it within seconds. The JDK's PKIX validation (path building, policy and constraint
 * checks, an RSA verification in Java) was a tenth of qnetd's CPU during such a storm, most of it repeated
 * work. Rejections are never remembered: a bad certificate is checked, and logged, each time. A remembered
 * chain stays bound to the trust anchors of the PKIX manager it wraps: the cache lives and dies with it.
 * Client and server chains are remembered apart.
 */
public final class CachingTrustManager extends X509ExtendedTrustManager {
    /** Far more distinct cluster certificates than one qnetd serves; bounds memory at a few MiB. */
    public static final int DEFAULT_CAPACITY = 4096;

    private enum Direction { CLIENT, SERVER }

    private final X509ExtendedTrustManager pkix;
    private final LongSupplier wallClockMillis;
    private final Map<ChainKey, Validity> accepted;

    /**
     * @param pkix            the validation to remember the outcome of
     * @param wallClockMillis the current time, for the certificates' validity
     * @param capacity        chains remembered at most; the least recently seen one goes first
     */
    public CachingTrustManager(X509ExtendedTrustManager pkix, LongSupplier wallClockMillis, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.pkix = pkix;
        this.wallClockMillis = wallClockMillis;
        this.accepted = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ChainKey, Validity> eldest) {
                return size() > capacity;
            }
        };
    }

    /** What a check does when the chain is not remembered. */
    @FunctionalInterface
    private interface Validation {
        void run() throws CertificateException;
    }

    private void check(Direction direction, X509Certificate[] chain, Validation validation)
            throws CertificateException {
        ChainKey key = ChainKey.of(direction, chain);
        if (rememberedValid(key)) {
            return;
        }
        validation.run();
        remember(key, Validity.of(chain));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(Direction.CLIENT, chain, () -> pkix.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(Direction.CLIENT, chain, () -> pkix.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(Direction.CLIENT, chain, () -> pkix.checkClientTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(Direction.SERVER, chain, () -> pkix.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(Direction.SERVER, chain, () -> pkix.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(Direction.SERVER, chain, () -> pkix.checkServerTrusted(chain, authType));
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }

    private synchronized boolean rememberedValid(ChainKey key) {
        Validity validity = accepted.get(key);
        return validity != null && validity.covers(wallClockMillis.getAsLong());
    }

    private synchronized void remember(ChainKey key, Validity validity) {
        accepted.put(key, validity);
    }

    /** Chains remembered now. */
    public synchronized int size() {
        return accepted.size();
    }

    /** The chain's DER bytes: equal keys mean byte-identical certificates in the same order. */
    private record ChainKey(Direction direction, byte[][] der, int hash) {
        static ChainKey of(Direction direction, X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the peer sent no certificate");
            }
            byte[][] der = new byte[chain.length][];
            try {
                for (int i = 0; i < chain.length; i++) {
                    der[i] = chain[i].getEncoded();
                }
            } catch (CertificateEncodingException e) {
                throw new CertificateException("can't read the peer's certificate: " + e.getMessage(), e);
            }
            return new ChainKey(direction, der, 31 * direction.hashCode() + Arrays.deepHashCode(der));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ChainKey other && hash == other.hash && direction == other.direction
                    && Arrays.deepEquals(der, other.der);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** When every certificate of the chain is valid: the latest notBefore to the earliest notAfter. */
    private record Validity(long fromMillis, long untilMillis) {
        static Validity of(X509Certificate[] chain) {
            long from = Long.MIN_VALUE;
            long until = Long.MAX_VALUE;
            for (X509Certificate c : chain) {
                from = Math.max(from, c.getNotBefore().getTime());
                until = Math.min(until, c.getNotAfter().getTime());
            }
            return new Validity(from, until);
        }

        boolean covers(long nowMillis) {
            return nowMillis >= fromMillis && nowMillis <= untilMillis;
        }
    }
}
