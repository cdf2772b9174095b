package org.quorate.qnetd.badinput;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.codec.Frames;
import org.quorate.protocol.codec.QnetCodec;
import org.quorate.protocol.message.InitReply;
import org.quorate.protocol.message.Messages;
import org.quorate.protocol.message.PreinitReply;
import org.quorate.protocol.message.ServerError;

import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Framing and decoding abuse on a live server (spec §14 items 1-5): each case gets the C server's answer,
 * keeps or drops the connection as the C server does, names the reason in the log, and leaves the healthy
 * nodes of {@link LiveServerFixture} untouched.
 */
class MalformedFramesTest extends LiveServerFixture {

    @Test
    void tlvOverrunningTheBodyIsErrorNineWithTheSeqAndTheConnectionStays() throws Exception {
        try (RawQnetClient bad = qnetd.connect()) {
            // seq 41 decodes, then the cluster name TLV claims 200 bytes of a 5-byte remainder
            bad.sendRaw(Frames.frame(Frames.PREINIT, Frames.seq(41),
                    Frames.tlv(Frames.OPT_CLUSTER_NAME, 200, "abcde".getBytes())));
            assertThat(bad.receive(ServerError.class)).isEqualTo(new ServerError(41L, 9));
            qnetd.awaitLogLine("can't be decoded");
            assertStillServed(bad);
        }
    }

    @Test
    void trailingBytesAfterTheLastTlvAreErrorNine() throws Exception {
        try (RawQnetClient bad = qnetd.connect()) {
            bad.sendRaw(Frames.frame(Frames.PREINIT, Frames.seq(42), Frames.clusterName("x"), new byte[]{1, 2, 3}));
            assertThat(bad.receive(ServerError.class).replyErrorCode()).isEqualTo(9);
            qnetd.awaitLogLine("can't be decoded");
            assertStillServed(bad);
        }
    }

    @Test
    void enumOutOfRangeIsErrorNine() throws Exception {
        try (RawQnetClient bad = qnetd.connect()) {
            bad.sendRaw(Frames.frame(Frames.NODE_LIST, Frames.seq(43), Frames.u8(Frames.OPT_NODE_LIST_TYPE, 4)));
            assertThat(bad.receive(ServerError.class)).isEqualTo(new ServerError(43L, 9));
            qnetd.awaitLogLine("can't be decoded");
            assertThat(qnetd.events).contains("serverError:9");
            assertStillServed(bad);
        }
    }

    @Test
    void unknownMessageTypeIsErrorFourWithoutSeqAndEmptyBodyIsTheZeroQuirk() throws Exception {
        try (RawQnetClient bad = qnetd.connect()) {
            bad.sendRaw(Frames.frame(0xFFFF, Frames.seq(44)));
            assertThat(bad.receive(ServerError.class)).isEqualTo(new ServerError(null, 4));
            qnetd.awaitLogLine("an unsupported message", "type 65535");
            bad.sendRaw(Frames.header(18, 0));
            assertThat(bad.receive(ServerError.class)).isEqualTo(new ServerError(null, 0));
            assertStillServed(bad);
        }
    }

    @Test
    void emptyBodyOfAKnownTypeIsErrorNine() throws Exception {
        try (RawQnetClient bad = qnetd.connect()) {
            bad.sendRaw(Frames.header(Frames.PREINIT, 0));
            assertThat(bad.receive(ServerError.class)).isEqualTo(new ServerError(null, 9));
            qnetd.awaitLogLine("can't be decoded", "empty");
            assertStillServed(bad);
        }
    }

    /**
     * 64 MiB in one frame: the server answers SERVER_ERROR 5 once the body is discarded and keeps the
     * connection. The body is dropped as it arrives: Netty's allocator never grows by more than 8 MiB while
     * the frame streams in (a decoder that buffered it would hold over 50 MiB beyond the kernel's buffers).
     */
    @Test
    void oversizeFrameIsDiscardedAsItArrivesAndAnsweredWithErrorFive() throws Exception {
        long size = 64L << 20;
        long growth;
        try (RawQnetClient bad = qnetd.connect(); AllocatorProbe probe = new AllocatorProbe()) {
            bad.sendRaw(Frames.header(Frames.PREINIT, size));
            byte[] chunk = new byte[1 << 16];
            Arrays.fill(chunk, (byte) 0x41);
            for (long sent = 0; sent < size; sent += chunk.length) {
                bad.sendRaw(chunk);
            }
            assertThat(bad.receive(ServerError.class)).isEqualTo(new ServerError(null, 5));
            growth = probe.peakGrowth();
            qnetd.awaitLogLine("a message that is too long", String.valueOf(size));
            assertStillServed(bad);
        }
        System.out.printf("allocator %s grew by %d bytes while 64 MiB streamed in%n",
                io.netty.buffer.ByteBufAllocator.DEFAULT.getClass().getSimpleName(), growth);
        assertThat(growth).as("allocator growth while 64 MiB streamed in").isLessThan(8L << 20);
    }

    @Test
    void truncatedFrameThenCloseIsForgottenWithoutAReply() throws Exception {
        Level before = qnetd.logger().getLevel();
        qnetd.logger().setLevel(Level.DEBUG); // the C server logs a client's disconnect at debug level
        try (Socket raw = new Socket(qnetd.address().getAddress(), qnetd.address().getPort())) {
            OutputStream out = raw.getOutputStream();
            byte[] frame = QnetCodec.encode(Messages.preinit(45, "truncated"));
            out.write(Arrays.copyOf(frame, frame.length - 3));
            out.flush();
            qnetd.awaitConnections(3);
        } finally {
            qnetd.awaitConnections(2);
            qnetd.awaitLogLine("disconnected");
            qnetd.logger().setLevel(before);
        }
    }

    /**
     * Slowloris: a header promising 30000 bytes, then one byte every 50 ms. An incomplete frame does not count
     * as activity, so dead-peer detection (1.5 x the 200 ms heartbeat) drops the client; what it buffered is
     * bounded by the frame limit anyway.
     */
    @Test
    void slowlorisIsDroppedByDeadPeerDetection() throws Exception {
        try (RawQnetClient slow = qnetd.connect()) {
            slow.exchange(Messages.preinit(1, "slow"), PreinitReply.class);
            InitReply init = slow.exchange(Messages.init(2, 7, DecisionAlgorithm.FFSPLIT, 200, TieBreaker.LOWEST,
                    new RingId(7, 1)), InitReply.class);
            assertThat(init.replyErrorCode()).isZero();
            slow.sendRaw(Frames.header(Frames.PREINIT, 30_000));
            long start = System.nanoTime();
            boolean dropped = false;
            for (int i = 0; i < 60 && !dropped; i++) {
                try {
                    slow.sendRaw(new byte[]{0x42});
                } catch (java.io.IOException e) {
                    dropped = true; // the server's close reached us as a reset
                    break;
                }
                dropped = slow.closedByServerWithin(Duration.ofMillis(50));
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(dropped).as("dropped while trickling").isTrue();
            assertThat(ms).as("ms until dropped").isBetween(250L, 2000L);
        }
        qnetd.awaitLogLine("doesn't sent any message during 300ms");
        qnetd.awaitEvent("disconnected:dead_peer");
    }

    /** The connection is still in sync: a fresh PREINIT gets its reply with the right seq. */
    private static void assertStillServed(RawQnetClient client) throws Exception {
        PreinitReply reply = client.exchange(Messages.preinit(99, "after-bad-input"), PreinitReply.class);
        assertThat(reply.seq()).isEqualTo(99L);
    }
}
