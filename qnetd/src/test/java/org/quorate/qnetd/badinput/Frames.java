package org.quorate.qnetd.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Hand-built wire bytes, for what the codec refuses to encode: bad lengths, trailing bytes, bad enums. */
final class Frames {
    static final int PREINIT = 0;
    static final int NODE_LIST = 10;
    static final int OPT_SEQ = 0;
    static final int OPT_CLUSTER_NAME = 1;
    static final int OPT_NODE_LIST_TYPE = 18;

    private Frames() {
    }

    static byte[] header(int type, long length) {
        return ByteBuffer.allocate(6).putShort((short) type).putInt((int) length).array();
    }

    static byte[] frame(int type, byte[]... tlvs) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] t : tlvs) {
            body.writeBytes(t);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(type, body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** A TLV whose length field says {@code declaredLength} whatever the value's real size. */
    static byte[] tlv(int type, int declaredLength, byte[] value) {
        return ByteBuffer.allocate(4 + value.length).putShort((short) type).putShort((short) declaredLength)
                .put(value).array();
    }

    static byte[] tlv(int type, byte[] value) {
        return tlv(type, value.length, value);
    }

    static byte[] seq(long seq) {
        return tlv(OPT_SEQ, ByteBuffer.allocate(4).putInt((int) seq).array());
    }

    static byte[] clusterName(String name) {
        return tlv(OPT_CLUSTER_NAME, name.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] u8(int type, int value) {
        return tlv(type, new byte[]{(byte) value});
    }
}
