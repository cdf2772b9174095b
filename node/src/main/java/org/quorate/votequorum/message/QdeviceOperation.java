package org.quorate.votequorum.message;

/** The {@code operation} of a QDEVICE_REG message ({@code VOTEQUORUM_QDEVICE_OPERATION_*}). */
public enum QdeviceOperation {
    UNREGISTER(0),
    REGISTER(1);

    private final int wireId;

    QdeviceOperation(int wireId) {
        this.wireId = wireId;
    }

    public int wireId() {
        return wireId;
    }

    public static QdeviceOperation fromWireId(long id) {
        for (QdeviceOperation o : values()) {
            if (o.wireId == id) {
                return o;
            }
        }
        return null;
    }
}
