package org.quorate.testsupport.qnet;

import org.quorate.protocol.codec.QnetCodec;
import org.quorate.protocol.message.QnetMessage;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads whole QNet frames from a blocking stream, for tests that talk to a server over a plain socket. */
public final class BlockingFrames {
    private BlockingFrames() {
    }

    /** The next frame, decoded; blocks until it is complete and fails with EOFException when the peer closed. */
    public static QnetMessage read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[QnetCodec.HEADER_LENGTH];
        data.readFully(header);
        // type (2 bytes), then the body length as a 32-bit big-endian number
        int length = ((header[2] & 0xff) << 24) | ((header[3] & 0xff) << 16) | ((header[4] & 0xff) << 8)
                | (header[5] & 0xff);
        byte[] frame = new byte[QnetCodec.HEADER_LENGTH + length];
        System.arraycopy(header, 0, frame, 0, header.length);
        data.readFully(frame, header.length, length);
        return QnetCodec.decodeFrame(frame);
    }
}
