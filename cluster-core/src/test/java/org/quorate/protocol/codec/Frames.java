package org.quorate.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/** Hand-built frames and TLVs for malformed-input tests. */
final class Frames {
    private Frames() {
    }

    /** A TLV with the given type and value; the length field is the value's length. */
    static byte[] tlv(int type, String valueHex) {
        byte[] value = GoldenVectors.hex(valueHex);
        return tlvWithLength(type, value.length, value);
    }

    /** A TLV whose length field may lie about the value. */
    static byte[] tlvWithLength(int type, int length, byte[] value) {
        ByteBuf b = Unpooled.buffer();
        try {
            b.writeShort(type).writeShort(length).writeBytes(value);
            return ByteBufUtil.getBytes(b);
        } finally {
            b.release();
        }
    }

    static byte[] seq(long seq) {
        return tlv(0, String.format("%08x", seq));
    }

    static byte[] concat(byte[]... parts) {
        ByteBuf b = Unpooled.buffer();
        try {
            for (byte[] p : parts) {
                b.writeBytes(p);
            }
            return ByteBufUtil.getBytes(b);
        } finally {
            b.release();
        }
    }

    /** A whole frame: header with the body's real length, then the body. */
    static byte[] frame(int type, byte[]... bodyParts) {
        byte[] body = concat(bodyParts);
        return concat(header(type, body.length), body);
    }

    static byte[] header(int type, long length) {
        ByteBuf b = Unpooled.buffer();
        try {
            b.writeShort(type).writeInt((int) length);
            return ByteBufUtil.getBytes(b);
        } finally {
            b.release();
        }
    }
}
