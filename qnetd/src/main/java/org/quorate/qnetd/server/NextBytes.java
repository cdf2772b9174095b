package org.quorate.qnetd.server;

/**
 * How the bytes after a message are to be read, as the session decides it: the stream pauses after a STARTTLS
 * frame until the connection is told one or the other.
 */
public enum NextBytes {
    /** Go on reading QNet frames in plaintext (also: STARTTLS was refused with an error). */
    PLAINTEXT,
    /** STARTTLS was accepted: the next bytes are the client's TLS handshake. */
    TLS_HANDSHAKE
}
