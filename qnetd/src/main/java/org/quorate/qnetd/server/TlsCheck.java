package org.quorate.qnetd.server;

import org.quorate.protocol.TlsSupported;

/**
 * The check the C server makes before every post-PREINIT request (spec §4.3), as a pure decision.
 */
public final class TlsCheck {
    /** What to do with the request. */
    public enum Verdict {
        /** Process it. */
        PROCEED,
        /** Answer SERVER_ERROR TLS_REQUIRED (3) and skip it; the connection stays. */
        TLS_REQUIRED,
        /** Verify the client certificate now (once per connection), then process it. */
        CHECK_CERTIFICATE
    }

    private TlsCheck() {
    }

    public static Verdict decide(TlsSupported serverMode, boolean clientCertRequired, boolean tlsStarted,
                                 boolean certificateVerified) {
        if (serverMode == TlsSupported.REQUIRED && !tlsStarted) {
            return Verdict.TLS_REQUIRED;
        }
        boolean tlsInUse = serverMode == TlsSupported.REQUIRED || (serverMode == TlsSupported.SUPPORTED && tlsStarted);
        if (clientCertRequired && !certificateVerified && tlsInUse) {
            return Verdict.CHECK_CERTIFICATE;
        }
        return Verdict.PROCEED;
    }
}
