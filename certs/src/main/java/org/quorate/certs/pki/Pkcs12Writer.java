package org.quorate.certs.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.io.MacOutputStream;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.MacCalculator;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;

/**
 * Writes PKCS#12 the way pk12util does, so the C tools and the JDK read it alike: every certificate bag
 * carries its NSS nickname as friendlyName, exactly cased ("Cluster Cert", "QNet CA" - the JDK keystore
 * would lowercase the first and name the CA by its DN), key and certificates are encrypted with PBES2
 * (PBKDF2-HMAC-SHA256, AES-256-CBC), and the MAC is HMAC-SHA256.
 *
 * <p>The MAC key is derived from the empty password encoded as a BMPString with its terminator (two zero
 * bytes), as NSS, OpenSSL and the JDK do; Bouncy Castle's own builder would use zero bytes and produce a
 * MAC that nobody else accepts.
 */
final class Pkcs12Writer {
    private static final int ITERATIONS = 10_000;
    private static final int SALT_BYTES = 16;
    /** BMPString encoding of "" with its terminator. */
    private static final byte[] EMPTY_PASSWORD_BMP = new byte[2];

    private final SecureRandom random;

    Pkcs12Writer(SecureRandom random) {
        this.random = random;
    }

    byte[] write(KeyMaterial material, String friendlyName, String caFriendlyName) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            var keyId = extensions.createSubjectKeyIdentifier(material.certificate().getPublicKey());

            PKCS12SafeBagBuilder[] certificateBags = new PKCS12SafeBagBuilder[material.chain().size()];
            for (int i = 0; i < certificateBags.length; i++) {
                X509Certificate certificate = material.chain().get(i);
                certificateBags[i] = new JcaPKCS12SafeBagBuilder(certificate);
                certificateBags[i].addBagAttribute(PKCS12SafeBag.friendlyNameAttribute,
                        new DERBMPString(i == 0 ? friendlyName : caFriendlyName));
            }
            certificateBags[0].addBagAttribute(PKCS12SafeBag.localKeyIdAttribute, keyId);

            PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(material.privateKey(), encryptor());
            keyBag.addBagAttribute(PKCS12SafeBag.friendlyNameAttribute, new DERBMPString(friendlyName));
            keyBag.addBagAttribute(PKCS12SafeBag.localKeyIdAttribute, keyId);

            PKCS12SafeBag[] certificates = new PKCS12SafeBag[certificateBags.length];
            for (int i = 0; i < certificates.length; i++) {
                certificates[i] = certificateBags[i].build();
            }
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addEncryptedData(encryptor(), certificates);
            pfx.addData(keyBag.build());
            return pfx.build(new EmptyPasswordMac(), new char[0]).getEncoded();
        } catch (PKCSException | IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot write PKCS#12", e);
        }
    }

    private OutputEncryptor encryptor() {
        return new Pbes2Encryptor(random, ITERATIONS);
    }

    /** PKCS#12 integrity MAC (RFC 7292 appendix B key derivation) with SHA-256 over the empty password. */
    private final class EmptyPasswordMac implements PKCS12MacCalculatorBuilder {
        @Override
        public AlgorithmIdentifier getDigestAlgorithmIdentifier() {
            return new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);
        }

        @Override
        public MacCalculator build(char[] password) {
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(new SHA256Digest());
            generator.init(EMPTY_PASSWORD_BMP, salt, ITERATIONS);
            KeyParameter key = (KeyParameter) generator.generateDerivedMacParameters(256);
            HMac mac = new HMac(new SHA256Digest());
            mac.init(key);
            AlgorithmIdentifier algorithm = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256,
                    new PKCS12PBEParams(salt, ITERATIONS));
            OutputStream stream = new MacOutputStream(mac);
            return new MacCalculator() {
                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return algorithm;
                }

                @Override
                public OutputStream getOutputStream() {
                    return stream;
                }

                @Override
                public byte[] getMac() {
                    byte[] result = new byte[mac.getMacSize()];
                    mac.doFinal(result, 0);
                    return result;
                }

                @Override
                public GenericKey getKey() {
                    return new GenericKey(algorithm, key.getKey());
                }
            };
        }
    }
}
