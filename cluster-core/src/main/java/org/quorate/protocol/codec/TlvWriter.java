package org.quorate.protocol.codec;

import io.netty.buffer.ByteBuf;
import java.util.List;
import org.quorate.cluster.NodeState;
import org.quorate.cluster.RingId;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.OptionType;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TieBreakerMode;
import org.quorate.protocol.WireCode;

/** Appends TLVs (big-endian, spec §1.3–1.4) to a buffer. Null values are skipped: absent option. */
final class TlvWriter {
    private static final int MAX_VALUE_LENGTH = 0xFFFF;

    private final ByteBuf out;

    TlvWriter(ByteBuf out) {
        this.out = out;
    }

    private void header(OptionType option, int length) {
        if (length > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(option + " value of " + length + " bytes exceeds 65535");
        }
        out.writeShort(option.code()).writeShort(length);
    }

    TlvWriter u8(OptionType option, Integer value) {
        if (value != null) {
            header(option, 1);
            out.writeByte(value);
        }
        return this;
    }

    TlvWriter code8(OptionType option, WireCode value) {
        return value == null ? this : u8(option, value.code());
    }

    TlvWriter flag(OptionType option, Boolean value) {
        return value == null ? this : u8(option, value ? 1 : 0);
    }

    TlvWriter u16(OptionType option, Integer value) {
        if (value != null) {
            header(option, 2);
            out.writeShort(value);
        }
        return this;
    }

    TlvWriter u32(OptionType option, Long value) {
        if (value != null) {
            header(option, 4);
            out.writeInt((int) (long) value);
        }
        return this;
    }

    TlvWriter u64(OptionType option, Long value) {
        if (value != null) {
            header(option, 8);
            out.writeLong(value);
        }
        return this;
    }

    TlvWriter bytes(OptionType option, byte[] value) {
        if (value != null) {
            header(option, value.length);
            out.writeBytes(value);
        }
        return this;
    }

    TlvWriter u16Array(OptionType option, List<Integer> values) {
        if (values != null) {
            header(option, values.size() * 2);
            for (int v : values) {
                out.writeShort(v);
            }
        }
        return this;
    }

    TlvWriter ringId(OptionType option, RingId ringId) {
        if (ringId != null) {
            header(option, 12);
            out.writeInt((int) ringId.nodeId()).writeLong(ringId.seq());
        }
        return this;
    }

    /** The node id is written only in NODE_ID mode, 0 otherwise (as C does). */
    TlvWriter tieBreaker(OptionType option, TieBreaker tieBreaker) {
        if (tieBreaker != null) {
            header(option, 5);
            out.writeByte(tieBreaker.mode().code());
            out.writeInt(tieBreaker.mode() == TieBreakerMode.NODE_ID ? (int) tieBreaker.nodeId() : 0);
        }
        return this;
    }

    /** Nested TLVs: NODE_ID, then DATA_CENTER_ID if non-zero, then NODE_STATE if set. */
    TlvWriter nodeInfos(List<NodeInfo> nodes) {
        for (NodeInfo node : nodes) {
            int length = 8 + (node.dataCenterId() != 0 ? 8 : 0) + (node.state() != NodeState.NOT_SET ? 5 : 0);
            header(OptionType.NODE_INFO, length);
            u32(OptionType.NODE_ID, node.nodeId());
            if (node.dataCenterId() != 0) {
                u32(OptionType.DATA_CENTER_ID, node.dataCenterId());
            }
            if (node.state() != NodeState.NOT_SET) {
                u8(OptionType.NODE_STATE, node.state().code());
            }
        }
        return this;
    }
}
