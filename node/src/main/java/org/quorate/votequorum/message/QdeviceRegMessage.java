package org.quorate.votequorum.message;

import java.util.Objects;

/** QDEVICE_REG: a node registers or unregisters its quorum device under a name. */
public record QdeviceRegMessage(QdeviceOperation operation, String name) implements VqMessage {
    public QdeviceRegMessage {
        Objects.requireNonNull(operation, "operation");
        Wire.checkName("qdevice_name", name);
    }

    @Override
    public MessageType type() {
        return MessageType.QDEVICE_REG;
    }
}
