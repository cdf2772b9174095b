package org.quorate.votequorum.message;

/** QDEVICE_RECONFIGURE: the registered device is renamed. */
public record QdeviceReconfigureMessage(String oldName, String newName) implements VqMessage {
    public QdeviceReconfigureMessage {
        Wire.checkName("oldname", oldName);
        Wire.checkName("newname", newName);
    }

    @Override
    public MessageType type() {
        return MessageType.QDEVICE_RECONFIGURE;
    }
}
