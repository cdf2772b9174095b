package org.quorate.qdevice.backend;

import java.util.Objects;

/** A node-layer call failed; carries the corosync result code and the operation that failed. */
public class QuorumBackendException extends RuntimeException {
    private final CsError error;
    private final String operation;

    public QuorumBackendException(String operation, CsError error) {
        this(operation, error, null);
    }

    public QuorumBackendException(String operation, CsError error, Throwable cause) {
        super(operation + " failed: " + error.cName(), cause);
        this.operation = Objects.requireNonNull(operation, "operation");
        this.error = Objects.requireNonNull(error, "error");
    }

    public CsError error() {
        return error;
    }

    /** The call that failed, e.g. {@code votequorum_qdevice_register(Qdevice)}. */
    public String operation() {
        return operation;
    }

    /** See {@link CsError#isConnectionLost()}. */
    public boolean isConnectionLost() {
        return error.isConnectionLost();
    }
}
