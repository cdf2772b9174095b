package org.quorate.qnetd.badinput;

import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.NodeListType;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.Vote;
import org.quorate.protocol.message.AskForVoteReply;
import org.quorate.protocol.message.EchoReply;
import org.quorate.protocol.message.InitReply;
import org.quorate.protocol.message.Messages;
import org.quorate.protocol.message.NodeListReply;
import org.quorate.protocol.message.PreinitReply;
import org.quorate.protocol.message.QnetMessage;
import org.quorate.protocol.message.VoteInfo;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.util.List;

/**
 * A well-behaved qdevice on a TLS connection with a verified certificate: PREINIT, STARTTLS, INIT (2nodelms, which answers ASK_FOR_VOTE with its last decision),
 * config and membership node lists. {@link #prove()} shows it is still served: an ECHO is echoed with its
 * sequence number and the vote for the whole cluster is ACK.
 */
final class HealthyNode implements AutoCloseable {
    static final String CLUSTER = "healthy";
    /** Long enough that dead-peer detection never fires during a test class. */
    static final long HEARTBEAT_MS = 60_000;

    private final RawQnetClient client;
    private long seq = 100;
    private Vote lastVoteInfo;

    private HealthyNode(RawQnetClient client) {
        this.client = client;
    }

    static HealthyNode join(LiveQnetd qnetd, SSLContext tls, long nodeId) throws Exception {
        HealthyNode node = new HealthyNode(qnetd.connect());
        RawQnetClient c = node.client;
        c.exchange(Messages.preinit(node.next(), CLUSTER), PreinitReply.class);
        c.send(Messages.startTls(node.next()));
        c.startTls(tls);
        InitReply init = c.exchange(Messages.init(node.next(), nodeId, DecisionAlgorithm.TWO_NODE_LMS, HEARTBEAT_MS,
                TieBreaker.LOWEST, new RingId(1, 4)), InitReply.class);
        if (init.replyErrorCode() != 0) {
            throw new AssertionError("healthy node " + nodeId + " INIT refused: " + init);
        }
        List<NodeInfo> both = List.of(NodeInfo.of(1), NodeInfo.of(2));
        c.send(Messages.nodeList(node.next(), NodeListType.INITIAL_CONFIG, null, 1L, null, both,
                HeuristicsResult.UNDEFINED));
        node.reply(NodeListReply.class);
        c.send(Messages.nodeList(node.next(), NodeListType.MEMBERSHIP, new RingId(1, 4), null, null, both,
                HeuristicsResult.UNDEFINED));
        node.reply(NodeListReply.class);
        return node;
    }

    /** Echo round trip and ASK_FOR_VOTE; returns the vote. */
    Vote prove() throws IOException {
        long echoSeq = next();
        client.send(Messages.echoRequest(echoSeq));
        EchoReply echo = reply(EchoReply.class);
        if (echo.seq() != echoSeq) {
            throw new AssertionError("echo reply seq " + echo.seq() + ", expected " + echoSeq);
        }
        client.send(Messages.askForVote(next()));
        return reply(AskForVoteReply.class).vote();
    }

    Vote lastVoteInfo() {
        return lastVoteInfo;
    }

    /** The next reply, answering any VOTE_INFO the algorithm pushes in between (as a qdevice does). */
    private <T extends QnetMessage> T reply(Class<T> type) throws IOException {
        while (true) {
            QnetMessage m = client.receive();
            if (m instanceof VoteInfo info) {
                lastVoteInfo = info.vote();
                client.send(Messages.voteInfoReply(info.seq()));
            } else if (type.isInstance(m)) {
                return type.cast(m);
            } else {
                throw new AssertionError("expected " + type.getSimpleName() + " but the server sent " + m);
            }
        }
    }

    private long next() {
        return ++seq;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
