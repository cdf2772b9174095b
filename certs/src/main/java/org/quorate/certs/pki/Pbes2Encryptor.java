package org.quorate.certs.pki;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.OutputEncryptor;

/**
 * PBES2 encryption (PBKDF2-HMAC-SHA256, AES-256-CBC with PKCS#7 padding) for PKCS#12 bags with the empty
 * password, whose PBKDF2 input is the empty byte string (UTF-8 of "", as in NSS, OpenSSL and the JDK).
 *
 * <p>Written against the JDK's cipher and BC's lightweight KDF because BC's JCE builder asks the JDK for
 * the AES-CBC OID, which the JDK maps to NoPadding, and registering BC as a JCE provider would need a
 * signed BC jar on some JDKs.
 */
final class Pbes2Encryptor implements OutputEncryptor {
    private static final int KEY_BYTES = 32;

    private final AlgorithmIdentifier algorithm;
    private final byte[] key;
    private final byte[] iv;

    Pbes2Encryptor(SecureRandom random, int iterations) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        iv = new byte[16];
        random.nextBytes(iv);
        PKCS5S2ParametersGenerator kdf = new PKCS5S2ParametersGenerator(new SHA256Digest());
        kdf.init(new byte[0], salt, iterations);
        key = ((KeyParameter) kdf.generateDerivedParameters(KEY_BYTES * 8)).getKey();
        AlgorithmIdentifier prf = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);
        KeyDerivationFunc derivation = new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2,
                new PBKDF2Params(salt, iterations, KEY_BYTES, prf));
        EncryptionScheme scheme = new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv));
        algorithm = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, new PBES2Parameters(derivation, scheme));
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public OutputStream getOutputStream(OutputStream out) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return new CipherOutputStream(out, cipher);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is not available in this JDK", e);
        }
    }

    @Override
    public GenericKey getKey() {
        return new GenericKey(algorithm, key);
    }
}
