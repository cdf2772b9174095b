package org.quorate.certs.pki;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The human-readable text that {@code certutil -L -n "QNet CA"} prints and the C tool puts in front of the
 * PEM block in {@code qnetd-cacert.crt}. Operators read it to compare fingerprints; tools skip it.
 */
public final class CertificateListing {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CertificateListing() {
    }

    public static String of(X509Certificate certificate) {
        StringBuilder out = new StringBuilder();
        out.append("Certificate:\n    Data:\n");
        out.append("        Version: ").append(certificate.getVersion())
                .append(" (0x").append(Integer.toHexString(certificate.getVersion() - 1)).append(")\n");
        BigInteger serial = certificate.getSerialNumber();
        out.append("        Serial Number: ").append(serial).append(" (0x").append(serial.toString(16)).append(")\n");
        out.append("        Signature Algorithm: PKCS #1 SHA-256 With RSA Encryption\n");
        out.append("        Issuer: \"").append(certificate.getIssuerX500Principal().getName()).append("\"\n");
        out.append("        Validity:\n");
        out.append("            Not Before: ").append(DATE.format(certificate.getNotBefore().toInstant())).append('\n');
        out.append("            Not After : ").append(DATE.format(certificate.getNotAfter().toInstant())).append('\n');
        out.append("        Subject: \"").append(certificate.getSubjectX500Principal().getName()).append("\"\n");
        out.append("        Subject Public Key Info:\n");
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa) {
            out.append("            Public Key Algorithm: PKCS #1 RSA Encryption\n");
            out.append("            RSA Public Key:\n                Modulus:\n");
            hexBlock(out, unsigned(rsa.getModulus()), "                    ");
            out.append("                Exponent: ").append(rsa.getPublicExponent())
                    .append(" (0x").append(rsa.getPublicExponent().toString(16)).append(")\n");
        }
        if (certificate.getBasicConstraints() >= 0) {
            out.append("        Signed Extensions:\n");
            out.append("            Name: Certificate Basic Constraints\n");
            out.append("            Critical: True\n");
            out.append("            Data: Is a CA with a maximum path length of ")
                    .append(certificate.getBasicConstraints()).append(".\n\n");
        }
        out.append("    Signature Algorithm: PKCS #1 SHA-256 With RSA Encryption\n    Signature:\n");
        hexBlock(out, certificate.getSignature(), "        ");
        out.append("    Fingerprint (SHA-256):\n        ").append(fingerprint(certificate, "SHA-256")).append('\n');
        out.append("    Fingerprint (SHA1):\n        ").append(fingerprint(certificate, "SHA-1")).append("\n\n");
        out.append("    Certificate Trust Flags:\n");
        out.append("        SSL Flags:\n            Valid CA\n            Trusted CA\n            User\n");
        out.append("            Trusted Client CA\n");
        out.append("        Email Flags:\n            User\n");
        out.append("        Object Signing Flags:\n            User\n\n");
        return out.toString();
    }

    /** Upper-case colon-separated digest, as certutil prints fingerprints. */
    public static String fingerprint(X509Certificate certificate, String algorithm) {
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    private static void hexBlock(StringBuilder out, byte[] bytes, String indent) {
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < bytes.length; i += 16) {
            out.append(indent);
            int end = Math.min(bytes.length, i + 16);
            for (int j = i; j < end; j++) {
                out.append(hex.toHexDigits(bytes[j]));
                if (j < bytes.length - 1) {
                    out.append(':');
                }
            }
            out.append('\n');
        }
    }
}
