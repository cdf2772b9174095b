package org.quorate.qnetd.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quorate.ipc.IpcClient;
import org.quorate.ipc.IpcServer;
import org.quorate.ipc.IpcServerSettings;
import org.quorate.protocol.TlsSupported;
import org.quorate.testsupport.LogsOnFailure;
import org.quorate.testsupport.process.ExternalProcess;
import org.quorate.testsupport.process.ReferenceOutputs;
import org.quorate.testsupport.process.ToolRun;

/**
 * Differential tests against the real corosync-qnetd 3.0.3 programs: the C tool talking to our
 * IPC server, our tool talking to the C daemon, and both daemons answering the same raw requests.
 * Needs /usr/bin/corosync-qnetd and /usr/bin/corosync-qnetd-tool (fails if they are missing).
 */
@Tag("realstack")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@ExtendWith(LogsOnFailure.class)
class QnetdRealToolDifferentialTest {
    static final String REAL_TOOL = "/usr/bin/corosync-qnetd-tool";
    static final String REAL_QNETD = "/usr/bin/corosync-qnetd";

    @TempDir
    Path dir;

    private static QnetdAdminCommands fixed(CompletableFuture<QnetdStatusSnapshot> snapshot) {
        return new QnetdAdminCommands() {
            @Override
            public CompletableFuture<QnetdStatusSnapshot> snapshot() {
                return snapshot;
            }

            @Override
            public void shutdown() {
            }
        };
    }

    private static void assertSameRun(String[] args) throws Exception {
        ToolRun real = ExternalProcess.run(REAL_TOOL, args);
        ToolRun ours = ToolRun.of(QnetdTool::run, args);
        assertThat(ours).as("corosync-qnetd-tool %s", String.join(" ", args)).isEqualTo(real);
    }

    @Test
    void theCToolPrintsTheSameAsOurToolAgainstOurServer() throws Exception {
        Path socket = dir.resolve("q.sock");
        IpcServer server = QnetdAdminIpc.start(IpcServerSettings.defaults(socket, QnetdAdminIpc.DEFAULT_MAX_SEND_SIZE),
                fixed(CompletableFuture.completedFuture(ReferenceScenarios.forFile("4n-ffsplit.txt"))));
        try {
            String p = socket.toString();
            for (String[] args : List.of(
                    new String[] {"-s", "-p", p}, new String[] {"-s", "-v", "-p", p},
                    new String[] {"-l", "-p", p}, new String[] {"-lv", "-p", p},
                    new String[] {"-l", "-c", "lab1", "-p", p}, new String[] {"-l", "-v", "-c", "other", "-p", p},
                    new String[] {"-l", "-c", "we\"ird\\ name", "-p", p})) {
                assertSameRun(args);
            }
            ToolRun real = ExternalProcess.run(REAL_TOOL, "-l", "-v", "-p", p);
            assertThat(real.out()).isEqualTo(ReferenceOutputs.section("4n-ffsplit.txt", "qnetd# corosync-qnetd-tool -l -v"));
        } finally {
            server.close();
            server.terminated().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theCToolSeesOurErrorsLikeTheCDaemons() throws Exception {
        Path socket = dir.resolve("e.sock");
        IpcServer server = QnetdAdminIpc.start(IpcServerSettings.defaults(socket, QnetdAdminIpc.DEFAULT_MAX_SEND_SIZE),
                fixed(CompletableFuture.failedFuture(new IllegalStateException("x"))));
        try {
            ToolRun real = ExternalProcess.run(REAL_TOOL, "-s", "-p", socket.toString());
            assertThat(real).isEqualTo(new ToolRun(4, "", "Error: Can't get QNetd status\n"));
            assertSameRun(new String[] {"-s", "-p", socket.toString()});
        } finally {
            server.close();
            server.terminated().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void commandLineHandlingMatchesWithoutADaemon() throws Exception {
        String absent = dir.resolve("absent.sock").toString();
        for (String[] args : List.of(new String[] {}, new String[] {"-h"}, new String[] {"-x"}, new String[] {"-s", "-p"},
                new String[] {"-h", "-x"}, new String[] {"-v"}, new String[] {"--", "-s"},
                new String[] {"-s", "-p", absent}, new String[] {"-H", "-p", dir.toString()},
                new String[] {"foo", "-l", "-p", absent})) {
            assertSameRun(args);
        }
    }

    @Test
    void theRealDaemonAndOursAnswerRawRequestsIdentically() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path realSocket = dir.resolve("real.sock");
        Process qnetd = new ProcessBuilder(REAL_QNETD, "-f", "-s", "off", "-l", "127.0.0.1", "-p", Integer.toString(port),
                "-S", "local_socket_file=" + realSocket + ",lock_file=" + dir.resolve("real.pid"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("qnetd.log").toFile()).start();
        Path ourSocket = dir.resolve("ours.sock");
        QnetdStatusSnapshot empty = new QnetdStatusSnapshot(
                new QnetdServerStatus("127.0.0.1", port, TlsSupported.UNSUPPORTED, true, 0, 0, 32768, 32768), List.of());
        IpcServer ours = QnetdAdminIpc.start(IpcServerSettings.defaults(ourSocket, QnetdAdminIpc.DEFAULT_MAX_SEND_SIZE),
                fixed(CompletableFuture.completedFuture(empty)));
        try {
            waitForSocket(realSocket, qnetd);
            for (String request : List.of("\n", "foo bar\n", "status\n", "status verbose\n", "STATUS VERBOSE\n",
                    "status foo verbose\n", "list\n", "list verbose cluster \"x\"\n", "\"\" status\n", "list cluster\n",
                    "sta\\tus\n", "\"stat\"us verbose\n", "Unknown\\ \"cmd x\"\n")) {
                assertThat(raw(ourSocket, request)).as("request %s", request).isEqualTo(raw(realSocket, request));
            }
            ToolRun realStatus = ExternalProcess.run(REAL_TOOL, "-s", "-v", "-p", realSocket.toString());
            assertThat(realStatus.out()).isEqualTo(QnetdStatusFormatter.status(empty, true));
            ToolRun ourToolOnRealDaemon = ToolRun.of(QnetdTool::run, "-s", "-v", "-p", realSocket.toString());
            assertThat(ourToolOnRealDaemon).isEqualTo(realStatus);
            ToolRun stop = ToolRun.of(QnetdTool::run, "-H", "-p", realSocket.toString());
            assertThat(stop).isEqualTo(new ToolRun(0, "", ""));
            assertThat(qnetd.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(qnetd.exitValue()).isZero();
        } finally {
            qnetd.destroyForcibly();
            ours.close();
            ours.terminated().get(5, TimeUnit.SECONDS);
        }
    }

    private static void waitForSocket(Path socket, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("corosync-qnetd did not create " + socket + " (exit "
                        + (process.isAlive() ? "none" : process.exitValue()) + ")");
            }
            Thread.sleep(50);
        }
    }

    private static String raw(Path socket, String request) throws IOException {
        try (IpcClient client = IpcClient.connect(socket)) {
            client.send(request);
            return new String(client.readAll(), StandardCharsets.UTF_8);
        }
    }
}
