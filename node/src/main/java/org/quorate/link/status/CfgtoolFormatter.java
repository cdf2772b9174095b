package org.quorate.link.status;

/** corosync-cfgtool 3.1.7's text for a {@link LinkLayerStatus}, byte for byte in shape. */
public final class CfgtoolFormatter {
    private CfgtoolFormatter() {
    }

    /** {@code corosync-cfgtool -s}. */
    public static String status(LinkLayerStatus s) {
        throw new UnsupportedOperationException("issue #11: cfgtool text not written yet");
    }

    /** {@code corosync-cfgtool -n}. */
    public static String nodes(LinkLayerStatus s) {
        throw new UnsupportedOperationException();
    }
}
