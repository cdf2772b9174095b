package org.quorate.certs.pki;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM blocks. Reading is lenient in the ways the NSS tools need: text before the block (certutil's
 * human-readable listing in {@code qnetd-cacert.crt}), CRLF line ends, and DER input passed through as is.
 */
public final class PemText {
    /** certutil -a writes CRLF line ends inside the PEM block. */
    public static final String CRLF = "\r\n";
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*(.*?)-----END \\1-----", Pattern.DOTALL);

    private PemText() {
    }

    /**
     * The DER bytes of the first PEM block whose label ends with {@code labelSuffix} (e.g. "CERTIFICATE",
     * which also matches "X509 CERTIFICATE"), or {@code encoded} itself when it holds no PEM block at all.
     */
    public static byte[] derOf(byte[] encoded, String labelSuffix) {
        return block(encoded, labelSuffix).orElse(encoded);
    }

    /** The first block with that label suffix, if the bytes are PEM text. */
    public static Optional<byte[]> block(byte[] encoded, String labelSuffix) {
        // ISO-8859-1 maps every byte to one char, so binary DER never fails to decode here.
        Matcher matcher = BLOCK.matcher(new String(encoded, StandardCharsets.ISO_8859_1));
        while (matcher.find()) {
            if (matcher.group(1).endsWith(labelSuffix)) {
                try {
                    return Optional.of(Base64.getMimeDecoder().decode(matcher.group(2).trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("broken base64 in the PEM block " + matcher.group(1), e);
                }
            }
        }
        return Optional.empty();
    }

    /** A PEM block with 64-column lines and the given line end. */
    public static String encode(String label, byte[] der, String lineEnd) {
        String body = Base64.getMimeEncoder(64, lineEnd.getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----" + lineEnd + body + lineEnd + "-----END " + label + "-----" + lineEnd;
    }
}
