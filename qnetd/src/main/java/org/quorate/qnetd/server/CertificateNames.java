package org.quorate.qnetd.server;

import org.quorate.certs.pki.Names;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Host-name style matching of a client certificate against a cluster name, as NSS's
 * {@code CERT_VerifyCertName} does for the C server: DNS subject alternative names when present,
 * otherwise the subject CN, compared case-insensitively.
 */
public final class CertificateNames {
    private static final int DNS_NAME = 2;

    private CertificateNames() {
    }

    public static boolean matches(X509Certificate certificate, String clusterName) {
        String wanted = clusterName.toLowerCase(Locale.ROOT);
        List<String> dnsNames = dnsNames(certificate);
        if (!dnsNames.isEmpty()) {
            return dnsNames.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(wanted));
        }
        String cn = commonName(certificate);
        return cn != null && cn.toLowerCase(Locale.ROOT).equals(wanted);
    }

    /** The subject CN, or null. */
    public static String commonName(X509Certificate certificate) {
        return Names.commonNameOf(certificate).orElse(null);
    }

    private static List<String> dnsNames(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            return names.stream().filter(n -> ((Integer) n.get(0)) == DNS_NAME).map(n -> (String) n.get(1)).toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }
}
