package org.quorate.qnetd.docker;

import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.NodeListType;
import org.quorate.protocol.RingId;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.codec.QnetCodec;
import org.quorate.protocol.message.InitReply;
import org.quorate.protocol.message.Messages;
import org.quorate.protocol.message.PreinitReply;
import org.quorate.protocol.message.QnetMessage;
import org.quorate.protocol.message.VoteInfo;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;

/**
 * A qdevice reduced to what makes a server list it: PREINIT, INIT (TLS off), the configuration and membership
 * node lists, then it stays connected and answers VOTE_INFO. Run in a container with the shaded qnetd jar on the
 * classpath: {@code java -cp quorate-qnetd.jar:<dir> org.quorate.qnetd.docker.PlainQnetNode HOST PORT CLUSTER NODEID}.
 * Prints {@code JOINED <local port>} once the server has answered the node lists.
 */
public final class PlainQnetNode {
    private PlainQnetNode() {
    }

    public static void main(String[] args) throws IOException {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String cluster = args[2];
        long nodeId = Long.parseLong(args[3]);
        try (Socket socket = new Socket(host, port)) {
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            long seq = 1;
            out.write(QnetCodec.encode(Messages.preinit(seq++, cluster)));
            expect(in, out, PreinitReply.class);
            out.write(QnetCodec.encode(Messages.init(seq++, nodeId, DecisionAlgorithm.FFSPLIT, 60_000, TieBreaker.LOWEST,
                    new RingId(nodeId, 4))));
            InitReply init = (InitReply) expect(in, out, InitReply.class);
            if (init.replyErrorCode() != 0) {
                throw new IOException("INIT refused with error " + init.replyErrorCode());
            }
            List<NodeInfo> nodes = List.of(NodeInfo.of(1), NodeInfo.of(2));
            out.write(QnetCodec.encode(Messages.nodeList(seq++, NodeListType.INITIAL_CONFIG, null, 1L, null, nodes,
                    HeuristicsResult.UNDEFINED)));
            out.write(QnetCodec.encode(Messages.nodeList(seq++, NodeListType.MEMBERSHIP, new RingId(nodeId, 4), null,
                    null, List.of(NodeInfo.of(nodeId)), HeuristicsResult.UNDEFINED)));
            System.out.println("JOINED " + socket.getLocalPort());
            System.out.flush();
            while (true) {
                answer(read(in), out);
            }
        }
    }

    private static QnetMessage expect(DataInputStream in, OutputStream out, Class<?> type) throws IOException {
        while (true) {
            QnetMessage m = read(in);
            if (type.isInstance(m)) {
                return m;
            }
            answer(m, out);
        }
    }

    private static void answer(QnetMessage m, OutputStream out) throws IOException {
        if (m instanceof VoteInfo info) {
            out.write(QnetCodec.encode(Messages.voteInfoReply(info.seq())));
        }
    }

    private static QnetMessage read(DataInputStream in) throws IOException {
        byte[] header = new byte[QnetCodec.HEADER_LENGTH];
        in.readFully(header);
        int length = ((header[2] & 0xff) << 24) | ((header[3] & 0xff) << 16) | ((header[4] & 0xff) << 8)
                | (header[5] & 0xff);
        byte[] frame = new byte[QnetCodec.HEADER_LENGTH + length];
        System.arraycopy(header, 0, frame, 0, header.length);
        in.readFully(frame, header.length, length);
        return QnetCodec.decodeFrame(frame);
    }
}
