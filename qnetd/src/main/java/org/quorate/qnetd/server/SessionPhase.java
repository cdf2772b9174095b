package org.quorate.qnetd.server;

import org.quorate.state.TransitionTable;

/**
 * Where one client connection is in spec §4.2–§4.4: each legal combination of "PREINIT received", "TLS
 * started", "certificate verified" and "INIT accepted", and closed. The C server keeps these as separate flags;
 * here a combination such as "verified without TLS" cannot be written down.
 */
public enum SessionPhase {
    /** Connected; nothing but PREINIT (or STARTTLS's PREINIT_REQUIRED) makes progress. */
    CONNECTED(false, false, false, false),
    /** PREINIT answered, plaintext. */
    PREINIT_RECEIVED(true, false, false, false),
    /** STARTTLS accepted: the handshake runs or ran; the certificate is not checked (yet). */
    TLS_STARTED(true, true, false, false),
    /** TLS, and the client certificate matched the cluster name. */
    TLS_VERIFIED(true, true, true, false),
    /** INIT accepted over plaintext. */
    INITIALISED_PLAIN(true, false, false, true),
    /** INIT accepted over TLS whose certificate was not checked (client certificates not required), or STARTTLS after INIT. */
    INITIALISED_TLS(true, true, false, true),
    /** INIT accepted over TLS with a verified certificate. */
    INITIALISED_TLS_VERIFIED(true, true, true, true),
    /** The connection ended; nothing is processed any more. */
    CLOSED(false, false, false, false);

    /**
     * PREINIT leads out of CONNECTED; STARTTLS from any PREINIT'd phase restarts TLS (the certificate is checked
     * again); the certificate check and INIT each add their step; anything may close.
     */
    static final TransitionTable<SessionPhase> TRANSITIONS = TransitionTable.of(SessionPhase.class)
            .allow(CONNECTED).to(PREINIT_RECEIVED)
            .allow(PREINIT_RECEIVED, TLS_STARTED, TLS_VERIFIED).to(TLS_STARTED)
            .allow(INITIALISED_PLAIN, INITIALISED_TLS, INITIALISED_TLS_VERIFIED).to(INITIALISED_TLS)
            .allow(TLS_STARTED).to(TLS_VERIFIED)
            .allow(INITIALISED_TLS).to(INITIALISED_TLS_VERIFIED)
            .allow(PREINIT_RECEIVED).to(INITIALISED_PLAIN)
            .allow(TLS_STARTED).to(INITIALISED_TLS)
            .allow(TLS_VERIFIED).to(INITIALISED_TLS_VERIFIED)
            .allow(CONNECTED, PREINIT_RECEIVED, TLS_STARTED, TLS_VERIFIED, INITIALISED_PLAIN, INITIALISED_TLS,
                    INITIALISED_TLS_VERIFIED).to(CLOSED)
            .build();

    private final boolean preinitReceived;
    private final boolean tlsStarted;
    private final boolean certificateVerified;
    private final boolean initialised;

    SessionPhase(boolean preinitReceived, boolean tlsStarted, boolean certificateVerified, boolean initialised) {
        this.preinitReceived = preinitReceived;
        this.tlsStarted = tlsStarted;
        this.certificateVerified = certificateVerified;
        this.initialised = initialised;
    }

    public boolean preinitReceived() {
        return preinitReceived;
    }

    public boolean tlsStarted() {
        return tlsStarted;
    }

    public boolean certificateVerified() {
        return certificateVerified;
    }

    public boolean initialised() {
        return initialised;
    }

    /** The phase STARTTLS leads to from here. */
    SessionPhase afterStartTls() {
        return initialised ? INITIALISED_TLS : TLS_STARTED;
    }

    /** The phase a verified certificate leads to from here. */
    SessionPhase afterCertificateCheck() {
        return initialised ? INITIALISED_TLS_VERIFIED : TLS_VERIFIED;
    }

    /** The phase an accepted INIT leads to from here. */
    SessionPhase afterInit() {
        return switch (this) {
            case PREINIT_RECEIVED -> INITIALISED_PLAIN;
            case TLS_STARTED -> INITIALISED_TLS;
            case TLS_VERIFIED -> INITIALISED_TLS_VERIFIED;
            default -> this;
        };
    }
}
