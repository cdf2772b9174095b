package org.quorate.certs.store;

/**
 * A certificate store cannot be used or changed. The message is for the operator: it names the file or
 * directory and, where there is one, the command that fixes it.
 */
public class CertStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public CertStoreException(String message) {
        super(message);
    }

    public CertStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
