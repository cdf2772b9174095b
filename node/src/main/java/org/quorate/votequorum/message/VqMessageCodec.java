package org.quorate.votequorum.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The byte form of votequorum's messages on Quorate's group layer: a u32 message id, then the fields
 * of corosync's {@code req_exec_quorum_*} structs in order, big-endian, names as fixed 255-byte
 * NUL-padded fields. Not wire-compatible with corosync (its header and byte order differ); only Quorate
 * nodes exchange these. Decoding is bounded: exact lengths, known ids, NUL-terminated names.
 */
public final class VqMessageCodec {
    private static final int HEADER = 4;
    private static final int NODEINFO_BYTES = HEADER + 16;
    private static final int RECONFIGURE_BYTES = HEADER + 12;
    private static final int QDEVICE_REG_BYTES = HEADER + 4 + Wire.NAME_FIELD_BYTES;
    private static final int QDEVICE_RECONFIGURE_BYTES = HEADER + 2 * Wire.NAME_FIELD_BYTES;

    private VqMessageCodec() {
    }

    public static byte[] encode(VqMessage message) {
        ByteBuffer b;
        if (message instanceof NodeInfoMessage m) {
            b = start(NODEINFO_BYTES, m.type());
            b.putInt((int) m.nodeId()).putInt((int) m.votes()).putInt((int) m.expectedVotes()).putInt(m.flags());
        } else if (message instanceof ReconfigureMessage m) {
            b = start(RECONFIGURE_BYTES, m.type());
            b.putInt((int) m.nodeId()).putInt((int) m.value()).putInt(m.param().wireId());
        } else if (message instanceof QdeviceRegMessage m) {
            b = start(QDEVICE_REG_BYTES, m.type());
            b.putInt(m.operation().wireId());
            putName(b, m.name());
        } else {
            QdeviceReconfigureMessage m = (QdeviceReconfigureMessage) message;
            b = start(QDEVICE_RECONFIGURE_BYTES, m.type());
            putName(b, m.oldName());
            putName(b, m.newName());
        }
        return b.array();
    }

    public static VqMessage decode(byte[] payload) {
        if (payload.length < HEADER) {
            throw new VqDecodeException("votequorum message of " + payload.length + " bytes, shorter than its header");
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        long id = Integer.toUnsignedLong(b.getInt());
        MessageType type = MessageType.fromWireId(id);
        if (type == null) {
            throw new VqDecodeException("unknown votequorum message id " + id);
        }
        return switch (type) {
            case NODEINFO -> {
                expectLength(type, payload, NODEINFO_BYTES);
                yield new NodeInfoMessage(u32(b), u32(b), u32(b), b.getInt());
            }
            case RECONFIGURE -> {
                expectLength(type, payload, RECONFIGURE_BYTES);
                long nodeId = u32(b);
                long value = u32(b);
                long paramId = u32(b);
                ReconfigureParam param = ReconfigureParam.fromWireId(paramId);
                if (param == null) {
                    throw new VqDecodeException("RECONFIGURE with unknown param " + paramId);
                }
                yield new ReconfigureMessage(nodeId, value, param);
            }
            case QDEVICE_REG -> {
                expectLength(type, payload, QDEVICE_REG_BYTES);
                long opId = u32(b);
                QdeviceOperation op = QdeviceOperation.fromWireId(opId);
                if (op == null) {
                    throw new VqDecodeException("QDEVICE_REG with unknown operation " + opId);
                }
                yield new QdeviceRegMessage(op, name(b, "qdevice_name"));
            }
            case QDEVICE_RECONFIGURE -> {
                expectLength(type, payload, QDEVICE_RECONFIGURE_BYTES);
                yield new QdeviceReconfigureMessage(name(b, "oldname"), name(b, "newname"));
            }
        };
    }

    private static ByteBuffer start(int size, MessageType type) {
        return ByteBuffer.allocate(size).putInt(type.wireId());
    }

    private static void expectLength(MessageType type, byte[] payload, int expected) {
        if (payload.length != expected) {
            throw new VqDecodeException(type + " of " + payload.length + " bytes, expected " + expected);
        }
    }

    private static long u32(ByteBuffer b) {
        return Integer.toUnsignedLong(b.getInt());
    }

    private static void putName(ByteBuffer b, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        b.put(bytes);
        b.put(new byte[Wire.NAME_FIELD_BYTES - bytes.length]);
    }

    private static String name(ByteBuffer b, String field) {
        byte[] raw = new byte[Wire.NAME_FIELD_BYTES];
        b.get(raw);
        int len = 0;
        while (len < raw.length && raw[len] != 0) {
            len++;
        }
        if (len == raw.length) {
            throw new VqDecodeException(field + " is not NUL-terminated within " + Wire.NAME_FIELD_BYTES + " bytes");
        }
        return new String(raw, 0, len, StandardCharsets.UTF_8);
    }
}
