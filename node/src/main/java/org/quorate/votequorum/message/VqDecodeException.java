package org.quorate.votequorum.message;

/** A payload that is not a votequorum message; the text says which field and why. */
public final class VqDecodeException extends RuntimeException {
    public VqDecodeException(String message) {
        super(message);
    }
}
