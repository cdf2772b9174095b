package org.quorate.votequorum.message;

/** votequorum's exec message ids ({@code MESSAGE_REQ_EXEC_VOTEQUORUM_*}, node-and-link spec §2.5). */
public enum MessageType {
    NODEINFO(0),
    RECONFIGURE(1),
    QDEVICE_REG(2),
    QDEVICE_RECONFIGURE(3);

    private final int wireId;

    MessageType(int wireId) {
        this.wireId = wireId;
    }

    public int wireId() {
        return wireId;
    }

    /** The type for a wire id, or null when votequorum 3.1 has no such message (4, extra node info, is master only). */
    public static MessageType fromWireId(long id) {
        for (MessageType t : values()) {
            if (t.wireId == id) {
                return t;
            }
        }
        return null;
    }
}
