package org.quorate.votequorum.message;

/** One votequorum message multicast in agreed order (node-and-link spec §2.5). */
public sealed interface VqMessage
        permits NodeInfoMessage, ReconfigureMessage, QdeviceRegMessage, QdeviceReconfigureMessage {
    MessageType type();
}
