package org.quorate.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.quorate.protocol.MessageType;
import org.quorate.protocol.message.QnetMessage;

/**
 * The plain (pipeline-free) QNet codec: a frame is a 6-byte header (u16 type, u32 body length,
 * big-endian) followed by the TLV body (spec §1.2). The Netty handlers
 * {@link QnetFrameDecoder} and {@link QnetMessageEncoder} are built on these methods.
 */
public final class QnetCodec {
    public static final int HEADER_LENGTH = 6;
    /** qnetd's {@code max_client_receive_size} and qdevice's initial receive limit (header + body). */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 32768;

    private QnetCodec() {
    }

    /** Appends the whole frame of {@code message} to {@code out}. */
    public static void encode(QnetMessage message, ByteBuf out) {
        int start = out.writerIndex();
        out.writeShort(message.type().code());
        out.writeInt(0); // patched below: the body length is known only after writing it
        BodyEncoder.write(message, out);
        out.setInt(start + 2, out.writerIndex() - start - HEADER_LENGTH);
    }

    /** The whole frame in a new buffer from {@code alloc}; the caller releases it. */
    public static ByteBuf encode(QnetMessage message, ByteBufAllocator alloc) {
        ByteBuf out = alloc.buffer();
        try {
            encode(message, out);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /** The whole frame as a byte array. */
    public static byte[] encode(QnetMessage message) {
        ByteBuf out = Unpooled.buffer();
        try {
            encode(message, out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    /** The options of a body, whatever the message type; for required-option checks. */
    public static DecodedOptions decodeOptions(ByteBuf body) {
        return OptionsDecoder.decode(body);
    }

    /** Decodes the readable bytes of {@code body} as a message of {@code type}; indexes are not moved. */
    public static QnetMessage decodeBody(MessageType type, ByteBuf body) {
        return MessageAssembler.assemble(type, OptionsDecoder.decode(body), body);
    }

    /** Builds the message of {@code type} from already decoded options and their raw body. */
    public static QnetMessage toMessage(MessageType type, DecodedOptions options, ByteBuf body) {
        return MessageAssembler.assemble(type, options, body);
    }

    /**
     * Decodes exactly one whole frame. An unknown type throws
     * {@link QnetDecodeException.Reason#UNSUPPORTED_MESSAGE_TYPE}; a length field that does not
     * match the array is a caller error (IllegalArgumentException).
     */
    public static QnetMessage decodeFrame(byte[] frame) {
        if (frame.length < HEADER_LENGTH) {
            throw new IllegalArgumentException("a frame has at least " + HEADER_LENGTH + " bytes, got " + frame.length);
        }
        ByteBuf buf = Unpooled.wrappedBuffer(frame);
        int typeCode = buf.getUnsignedShort(0);
        long length = buf.getUnsignedInt(2);
        if (length != frame.length - HEADER_LENGTH) {
            throw new IllegalArgumentException("length field " + length + " but " + (frame.length - HEADER_LENGTH)
                    + " body bytes");
        }
        MessageType type = MessageType.fromCode(typeCode);
        if (type == null) {
            throw new QnetDecodeException(QnetDecodeException.Reason.UNSUPPORTED_MESSAGE_TYPE, null, null,
                    "message type " + typeCode);
        }
        return decodeBody(type, buf.slice(HEADER_LENGTH, frame.length - HEADER_LENGTH));
    }
}
