package org.quorate.qnetd.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.quorate.protocol.ClusterName;
import org.quorate.protocol.codec.QnetCodec;
import org.quorate.protocol.message.Preinit;
import org.quorate.protocol.message.PreinitReply;
import org.quorate.testsupport.process.SocketHolder;
import org.quorate.testsupport.qnet.BlockingFrames;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #8: qnetd as a real child process. SIGTERM and SIGINT are a clean stop with exit status 0 (clients
 * disconnected, lock file and local socket removed), as the C daemon's, so {@code systemctl stop} leaves the
 * unit inactive rather than failed. Under socket activation it serves the socket it is given, and a client that
 * connects while the service is down waits in that socket's queue and is served by the next start.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QnetdStopAndSocketActivationTest {
    @TempDir
    Path dir;

    @Test
    void sigtermIsACleanStopWithStatusZero() throws Exception {
        stopsCleanlyOn("TERM", 1);
    }

    @Test
    void sigintIsACleanStopWithStatusZero() throws Exception {
        stopsCleanlyOn("INT", 1);
    }

    @Test
    void aSecondSigtermDuringTheStopDoesNotChangeTheOutcome() throws Exception {
        stopsCleanlyOn("TERM", 3);
    }

    private void stopsCleanlyOn(String signal, int times) throws Exception {
        QnetdChild qnetd = new QnetdChild(dir);
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(qnetd.argv("-l", "127.0.0.1", "-p", Integer.toString(port)))
                .redirectErrorStream(true).redirectOutput(qnetd.log.toFile());
        builder.environment().putAll(qnetd.env());
        Process p = builder.start();
        p.getOutputStream().close();
        try {
            qnetd.awaitReady();
            assertThat(qnetd.lockFile).exists();
            assertThat(qnetd.socketFile).exists();
            try (Socket client = preinitClient(new InetSocketAddress("127.0.0.1", port))) {
                assertThat(BlockingFrames.read(client.getInputStream())).isInstanceOf(PreinitReply.class);
                for (int i = 0; i < times; i++) {
                    new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
                }
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("qnetd exits after SIG%s", signal).isTrue();
                assertThat(p.exitValue()).as("exit status after SIG%s; log:%n%s", signal, qnetd.log()).isZero();
                assertThat(client.getInputStream().read()).as("the client is disconnected").isEqualTo(-1);
            }
            assertThat(qnetd.lockFile).as("lock file after SIG%s", signal).doesNotExist();
            assertThat(qnetd.socketFile).as("local socket after SIG%s", signal).doesNotExist();
            assertThat(qnetd.log()).contains("Stopping (SIG" + signal + ")", "QNetd stopped");
        } finally {
            p.destroyForcibly();
            dumpOnFailure(qnetd);
        }
    }

    @Test
    void aRestartOnTheSocketFromSystemdQueuesTheClientsOfTheGapInsteadOfRefusingThem() throws Exception {
        QnetdChild qnetd = new QnetdChild(dir);
        try (SocketHolder holder = SocketHolder.listen("::", 0, 64)) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", holder.port());
            holder.start(qnetd.argv("-p", Integer.toString(holder.port())), qnetd.env(), qnetd.log);
            qnetd.awaitReady();
            assertThat(qnetd.log()).contains("Taking the listening socket from systemd: fd 3, [::]:" + holder.port()
                    + " (AF_INET6), listen backlog 10").doesNotContain("differs from the socket systemd passed");
            try (Socket first = preinitClient(address)) {
                assertThat(BlockingFrames.read(first.getInputStream())).isInstanceOf(PreinitReply.class);
            }

            holder.signal("KILL");
            assertThat(holder.awaitExit(Duration.ofSeconds(10))).hasValue(137);
            // nothing listens in the gap but the held socket: the kernel completes the handshake and queues it
            try (Socket inTheGap = preinitClient(address)) {
                Files.writeString(qnetd.log, "---- second start ----\n", java.nio.file.StandardOpenOption.APPEND);
                holder.start(qnetd.argv("-p", Integer.toString(holder.port())), qnetd.env(), qnetd.log);
                assertThat(BlockingFrames.read(inTheGap.getInputStream())).isInstanceOf(PreinitReply.class);
            }
            qnetd.awaitReady();
            holder.signal("TERM");
            OptionalInt status = holder.awaitExit(Duration.ofSeconds(30));
            assertThat(status).as("exit status after SIGTERM; log:%n%s", qnetd.log()).hasValue(0);
            assertThat(qnetd.lockFile).doesNotExist();
            assertThat(qnetd.socketFile).doesNotExist();
        } finally {
            dumpOnFailure(qnetd);
        }
    }

    @Test
    void listenOptionsThatDifferFromTheSocketFromSystemdAreNamedInAWarning() throws Exception {
        QnetdChild qnetd = new QnetdChild(dir);
        try (SocketHolder holder = SocketHolder.listen("127.0.0.1", 0, 16)) {
            int other = holder.port() == 5403 ? 5404 : 5403;
            holder.start(qnetd.argv("-6", "-l", "::1", "-p", Integer.toString(other)), qnetd.env(), qnetd.log);
            qnetd.awaitReady();
            String taken = "127.0.0.1:" + holder.port() + " (AF_INET)";
            assertThat(qnetd.log()).contains("Taking the listening socket from systemd: fd 3, " + taken,
                    "Listen port " + other + " (-p or the default) differs from the socket systemd passed, " + taken,
                    "-6 differs from the socket systemd passed, " + taken,
                    "-l ::1 differs from the socket systemd passed, " + taken);
            try (Socket client = preinitClient(new InetSocketAddress("127.0.0.1", holder.port()))) {
                assertThat(BlockingFrames.read(client.getInputStream())).isInstanceOf(PreinitReply.class);
            }
            holder.signal("INT");
            assertThat(holder.awaitExit(Duration.ofSeconds(30))).hasValue(0);
        } finally {
            dumpOnFailure(qnetd);
        }
    }

    @Test
    void withoutTheEpollTransportASocketFromSystemdThatIsNotStandardInputIsAClearStartupFailure() throws Exception {
        QnetdChild qnetd = new QnetdChild(dir);
        try (SocketHolder holder = SocketHolder.listen("127.0.0.1", 0, 16)) {
            // Netty's switch for its native transports: the NIO transport can only take stdin (System.inheritedChannel)
            holder.start(qnetd.argvWithJvmOption("-Dio.netty.transport.noNative=true"), qnetd.env(), qnetd.log);
            assertThat(holder.awaitExit(Duration.ofSeconds(60))).as("log:%n%s", qnetd.log()).hasValue(1);
            assertThat(qnetd.log()).contains("Can't serve the socket from systemd: systemd passed the listening socket as fd 3 (socket:[",
                    "the epoll transport is unavailable", "StandardInput=socket");
            assertThat(qnetd.lockFile).doesNotExist();
        } finally {
            dumpOnFailure(qnetd);
        }
    }

    private static Socket preinitClient(InetSocketAddress address) throws IOException {
        Socket s = new Socket();
        s.connect(address, 2000);
        s.setSoTimeout(20_000);
        s.getOutputStream().write(QnetCodec.encode(new Preinit(1L, ClusterName.of("signals"))));
        return s;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void dumpOnFailure(QnetdChild qnetd) {
        // printed every time: surefire keeps it with the report, where a failing assertion points
        System.out.println("== qnetd log (" + qnetd.log + ")\n" + qnetd.log());
    }
}
