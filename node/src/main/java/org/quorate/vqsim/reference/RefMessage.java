package org.quorate.vqsim.reference;

/** The votequorum messages the reference model exchanges inside a partition, in agreed order. */
sealed interface RefMessage {
    long sender();

    /** NODEINFO; {@code nodeId == 0} is the quorum-device pseudo node. */
    record NodeInfo(long sender, long nodeId, long votes, long expected, int flags) implements RefMessage {}

    /** QDEVICE_REG(register): registration completes when the sender delivers its own message. */
    record QdeviceRegister(long sender) implements RefMessage {}

    /** RECONFIGURE with param 1 expected votes, 2 node votes. */
    record Reconfigure(long sender, long nodeId, long value, int param) implements RefMessage {
        static final int EXPECTED = 1;
        static final int NODE_VOTES = 2;
    }
}
