package org.quorate.certs.pki;

import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Distinguished names as the NSS tools write them, and the CN look-ups both daemons need. */
public final class Names {
    /** Subject of the qnetd certificate authority. */
    public static final String CA_COMMON_NAME = "QNet CA";
    /** Subject CN of the qnetd server certificate; the C client checks the server name against it. */
    public static final String SERVER_COMMON_NAME = "Qnetd Server";

    private Names() {
    }

    /**
     * {@code CN=<value>}. NSS encodes a CN as PrintableString when the characters allow it and as UTF8String
     * otherwise; we do the same so our names are byte-identical to the C tools' names.
     */
    public static X500Name commonName(String value) {
        ASN1Encodable encoded = DERPrintableString.isPrintableString(value)
                ? new DERPrintableString(value)
                : new DERUTF8String(value);
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, encoded).build();
    }

    /** The (last) CN of a certificate's subject, if it has one. */
    public static Optional<String> commonNameOf(X509Certificate certificate) {
        return commonNameOf(certificate.getSubjectX500Principal());
    }

    /** The (last) CN of a principal, if it has one. */
    public static Optional<String> commonNameOf(X500Principal principal) {
        return commonNameOf(X500Name.getInstance(principal.getEncoded()));
    }

    /** The (last) CN of a name, if it has one. */
    public static Optional<String> commonNameOf(X500Name name) {
        RDN[] rdns = name.getRDNs(BCStyle.CN);
        if (rdns.length == 0) {
            return Optional.empty();
        }
        ASN1Encodable value = rdns[rdns.length - 1].getFirst().getValue();
        return Optional.of(value instanceof ASN1String s ? s.getString() : value.toString());
    }
}
