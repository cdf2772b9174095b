package org.quorate.certs.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * PKCS#12 files with an empty password, the convention of the C tools ({@code pk12util -W ""}). The JDK
 * keystore reads what pk12util writes (PBES2/AES) and writes what pk12util imports.
 */
public final class Pkcs12 {
    /** The empty password of every store the tools create. */
    private static final char[] EMPTY = new char[0];

    private Pkcs12() {
    }

    /**
     * The first private key entry with its chain (leaf first).
     *
     * @throws IllegalArgumentException when the bytes are not a PKCS#12 file with an empty password or
     *                                  contain no private key
     */
    public static KeyMaterial readKey(byte[] encoded) {
        KeyStore store = load(encoded);
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Key key = store.getKey(alias, EMPTY);
                    Certificate[] chain = store.getCertificateChain(alias);
                    if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
                        return new KeyMaterial(privateKey, x509(chain));
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the private key cannot be decrypted with an empty password", e);
        }
        throw new IllegalArgumentException("no private key with a certificate in the PKCS#12 file");
    }

    /**
     * Every certificate in the file: key chains and certificate-only entries. pk12util files carry the CA
     * certificate in the key's chain.
     */
    public static List<X509Certificate> readCertificates(byte[] encoded) {
        KeyStore store = load(encoded);
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                Certificate[] chain = store.isKeyEntry(alias)
                        ? store.getCertificateChain(alias)
                        : new Certificate[] {store.getCertificate(alias)};
                for (X509Certificate certificate : x509(chain == null ? new Certificate[0] : chain)) {
                    if (!certificates.contains(certificate)) {
                        certificates.add(certificate);
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unreadable PKCS#12 entries", e);
        }
        return certificates;
    }

    /**
     * A PKCS#12 file holding {@code material}: the key and first certificate under {@code friendlyName} (the
     * NSS nickname, e.g. "Cluster Cert"), further certificates (the CA) under {@code caFriendlyName}.
     */
    public static byte[] write(KeyMaterial material, String friendlyName, String caFriendlyName) {
        return new Pkcs12Writer(new java.security.SecureRandom()).write(material, friendlyName, caFriendlyName);
    }

    private static KeyStore load(byte[] encoded) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(encoded), EMPTY);
            return store;
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a PKCS#12 file with an empty password ("
                    + rootMessage(e) + ")", e);
        }
    }

    private static List<X509Certificate> x509(Certificate[] chain) {
        List<X509Certificate> result = new ArrayList<>(chain.length);
        for (Certificate certificate : chain) {
            result.add((X509Certificate) certificate);
        }
        return result;
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
