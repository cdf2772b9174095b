package org.quorate.qdevice.net;

import org.quorate.certs.pki.Names;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;
import java.util.Locale;
import java.util.Set;

/**
 * How the C client trusts qnetd (spec §4.3): the chain must lead to the qnetd CA from the node
 * database and the server certificate must be named {@code net_nss_qnetd_cn} ("Qnetd Server").
 * A failure caused only by expiry is tolerated with a warning, as NSS's callback in the C client does,
 * so an old qnetd certificate does not take every cluster's vote away at once.
 */
public final class QnetdServerTrust implements X509TrustManager {
    private static final Logger LOG = LoggerFactory.getLogger(QnetdServerTrust.class);

    private final X509Certificate ca;
    private final String expectedName;

    public QnetdServerTrust(X509Certificate ca, String expectedName) {
        this.ca = ca;
        this.expectedName = expectedName;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("qnetd sent no certificate");
        }
        try {
            validate(chain, null);
        } catch (CertPathValidatorException e) {
            if (e.getReason() != CertPathValidatorException.BasicReason.EXPIRED
                    && e.getReason() != CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                throw new CertificateException("qnetd certificate " + chain[0].getSubjectX500Principal()
                        + " does not chain to the qnetd CA " + ca.getSubjectX500Principal() + ": " + e.getMessage(), e);
            }
            LOG.warn("qnetd certificate {} has expired or is not yet valid; accepting it as the C client does",
                    chain[0].getSubjectX500Principal());
            validateIgnoringTime(chain);
        } catch (GeneralSecurityException e) {
            throw new CertificateException("Can't verify the qnetd certificate: " + e.getMessage(), e);
        }
        String cn = Names.commonNameOf(chain[0]).orElse(null);
        if (cn == null || !cn.toLowerCase(Locale.ROOT).equals(expectedName.toLowerCase(Locale.ROOT))) {
            throw new CertificateException("qnetd certificate is for \"" + cn + "\", expected \"" + expectedName
                    + "\" (net_nss_qnetd_cn)");
        }
    }

    private void validate(X509Certificate[] chain, Date at) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        // The anchor itself must not be part of the path.
        X509Certificate[] path = Arrays.stream(chain).filter(c -> !c.equals(ca)).toArray(X509Certificate[]::new);
        CertPath certPath = factory.generateCertPath(Arrays.asList(path));
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        params.setRevocationEnabled(false);
        if (at != null) {
            params.setDate(at);
        }
        CertPathValidator.getInstance("PKIX").validate(certPath, params);
    }

    private void validateIgnoringTime(X509Certificate[] chain) throws CertificateException {
        try {
            // Validate as of a moment inside the leaf's validity: everything but the dates must hold.
            validate(chain, new Date(chain[0].getNotBefore().getTime() + 1000));
        } catch (GeneralSecurityException e) {
            throw new CertificateException("qnetd certificate does not chain to the qnetd CA: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the qdevice client does not accept client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[] {ca};
    }
}
