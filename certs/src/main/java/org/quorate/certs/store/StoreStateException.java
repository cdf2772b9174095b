package org.quorate.certs.store;

import java.nio.file.Path;

/**
 * The directory is in the wrong state for the operation: a store exists where a new one would be created,
 * or none exists (or only the C tools' NSS database) where one is needed.
 */
public final class StoreStateException extends CertStoreException {
    private static final long serialVersionUID = 1L;

    private final transient Path directory;
    private final StoreState state;

    public StoreStateException(Path directory, StoreState state, String message) {
        super(message);
        this.directory = directory;
        this.state = state;
    }

    public Path directory() {
        return directory;
    }

    public StoreState state() {
        return state;
    }
}
