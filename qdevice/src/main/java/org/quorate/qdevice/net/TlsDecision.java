package org.quorate.qdevice.net;

import org.quorate.protocol.TlsSupported;

/** The client's TLS decision table (spec §4.3): server mode from PREINIT_REPLY × own mode. */
public enum TlsDecision {
    PLAIN, TLS, INCOMPATIBLE;

    public static TlsDecision decide(TlsSupported server, TlsSupported client) {
        return switch (server) {
            case UNSUPPORTED -> client == TlsSupported.REQUIRED ? INCOMPATIBLE : PLAIN;
            case SUPPORTED -> client == TlsSupported.UNSUPPORTED ? PLAIN : TLS;
            case REQUIRED -> client == TlsSupported.UNSUPPORTED ? INCOMPATIBLE : TLS;
        };
    }
}
