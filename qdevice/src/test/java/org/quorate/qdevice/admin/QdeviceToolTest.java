package org.quorate.qdevice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorate.ipc.IpcLexer;
import org.quorate.ipc.IpcServer;
import org.quorate.ipc.IpcServerSettings;
import org.quorate.testsupport.process.ReferenceOutputs;
import org.quorate.testsupport.process.ToolRun;

/** corosync-qdevice-tool against a real unix socket served with qdevice's protocol. */
class QdeviceToolTest {
    @TempDir
    Path dir;

    private Path socket;
    private IpcServer server;
    private final AtomicInteger shutdowns = new AtomicInteger();
    private volatile CompletableFuture<QdeviceStatusSnapshot> snapshot =
            CompletableFuture.completedFuture(ReferenceScenarios.forFile("3n-lms-2links.txt"));

    @BeforeEach
    void start() throws Exception {
        socket = dir.resolve("qdevice.sock");
        QdeviceAdminCommands commands = new QdeviceAdminCommands() {
            @Override
            public CompletableFuture<QdeviceStatusSnapshot> snapshot() {
                return snapshot;
            }

            @Override
            public void shutdown() {
                shutdowns.incrementAndGet();
                server.close();
            }
        };
        // UTC like the lab, so the captured text applies.
        server = IpcServer.start("qdevice", IpcServerSettings.defaults(socket, QdeviceAdminIpc.DEFAULT_MAX_SEND_SIZE),
                IpcLexer.Mode.PLAIN, new QdeviceIpcProtocol(commands, Duration.ofSeconds(2), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        server.terminated().get(5, TimeUnit.SECONDS);
    }

    private ToolRun tool(String... args) {
        return ToolRun.of(QdeviceTool::run, args);
    }

    @Test
    void statusPrintsTheCapturedText() {
        ToolRun run = tool("-sv", "-p", socket.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(ReferenceOutputs.section("3n-lms-2links.txt", "c1n1# corosync-qdevice-tool -s -v"));
        assertThat(tool("-s", "-p", socket.toString()).out())
                .isEqualTo(ReferenceOutputs.section("3n-lms-2links.txt", "c1n1# corosync-qdevice-tool -s"));
    }

    @Test
    void usageAndOptionErrors() {
        ToolRun none = tool();
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.out()).isEqualTo("usage: corosync-qdevice-tool [-Hhsv] [-p qdevice_ipc_socket_path]\n");
        ToolRun l = tool("-l");
        assertThat(l.exitCode()).isEqualTo(1);
        assertThat(l.err()).isEqualTo("corosync-qdevice-tool: invalid option -- 'l'\n");
        assertThat(tool("--help").exitCode()).isZero();
    }

    @Test
    void connectFailureAndDaemonError() {
        ToolRun absent = tool("-s", "-p", dir.resolve("none.sock").toString());
        assertThat(absent.exitCode()).isEqualTo(3);
        assertThat(absent.err()).isEqualTo(
                "corosync-qdevice-tool: Can't connect to QDevice socket (is QDevice running?): No such file or directory\n");
        snapshot = CompletableFuture.failedFuture(new IllegalStateException());
        ToolRun failed = tool("-s", "-p", socket.toString());
        assertThat(failed.exitCode()).isEqualTo(4);
        assertThat(failed.err()).isEqualTo("Error: Can't get QDevice status\n");
    }

    @Test
    void jsonAndShutdown() throws Exception {
        ToolRun json = tool("-s", "--output-format", "json", "-p", socket.toString());
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).isEqualTo(QdeviceStatusJson.status(snapshot.join()) + "\n");
        ToolRun stop = tool("-H", "-p", socket.toString());
        assertThat(stop.exitCode()).isZero();
        server.terminated().get(5, TimeUnit.SECONDS);
        assertThat(shutdowns).hasValue(1);
    }

    @Test
    void plainLexerMeansQuotesAreNotSpecial() {
        assertThat(QdeviceTool.request(QdeviceTool.Operation.STATUS, true, false)).isEqualTo("status verbose \n");
        assertThat(new QdeviceIpcProtocol(new QdeviceAdminCommands() {
            @Override
            public CompletableFuture<QdeviceStatusSnapshot> snapshot() {
                return snapshot;
            }

            @Override
            public void shutdown() {
            }
        }, Duration.ofSeconds(1), ZoneOffset.UTC).handle(IpcLexer.split("\"status\"\n", IpcLexer.Mode.PLAIN)).join().text())
                .isEqualTo("Unknown command '\"status\"'");
    }
}
