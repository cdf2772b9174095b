package org.quorate.protocol.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.quorate.protocol.MessageType;
import org.quorate.protocol.OptionType;

/**
 * Hand-built QNet wire bytes, for what the codec refuses to encode: lengths that lie, trailing
 * bytes, bad enum values. Used by the codec's malformed-input tests here and, through this
 * module's test jar, by qnetd's bad-input tests against a running server.
 */
public final class Frames {
    public static final int PREINIT = MessageType.PREINIT.code();
    public static final int NODE_LIST = MessageType.NODE_LIST.code();
    public static final int OPT_SEQ = OptionType.MSG_SEQ_NUMBER.code();
    public static final int OPT_CLUSTER_NAME = OptionType.CLUSTER_NAME.code();
    public static final int OPT_NODE_LIST_TYPE = OptionType.NODE_LIST_TYPE.code();

    private Frames() {
    }

    /** A frame header: message type (u16) and the length the body claims (u32). */
    public static byte[] header(int type, long length) {
        return ByteBuffer.allocate(6).putShort((short) type).putInt((int) length).array();
    }

    /** A whole frame: header with the body's real length, then the body. */
    public static byte[] frame(int type, byte[]... bodyParts) {
        byte[] body = concat(bodyParts);
        return concat(header(type, body.length), body);
    }

    /** A TLV whose length field says {@code declaredLength} whatever the value's real size. */
    public static byte[] tlv(int type, int declaredLength, byte[] value) {
        return ByteBuffer.allocate(4 + value.length).putShort((short) type).putShort((short) declaredLength)
                .put(value).array();
    }

    /** A TLV with the given type and value; the length field is the value's length. */
    public static byte[] tlv(int type, byte[] value) {
        return tlv(type, value.length, value);
    }

    /** {@link #tlv(int, byte[])} with the value in hex. */
    public static byte[] tlv(int type, String valueHex) {
        return tlv(type, HexFormat.of().parseHex(valueHex));
    }

    /** The sequence-number TLV (u32). */
    public static byte[] seq(long seq) {
        return tlv(OPT_SEQ, ByteBuffer.allocate(4).putInt((int) seq).array());
    }

    public static byte[] clusterName(String name) {
        return tlv(OPT_CLUSTER_NAME, name.getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] u8(int type, int value) {
        return tlv(type, new byte[]{(byte) value});
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
