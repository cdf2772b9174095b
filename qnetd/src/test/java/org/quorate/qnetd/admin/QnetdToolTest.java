package org.quorate.qnetd.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorate.ipc.IpcLexer;
import org.quorate.ipc.IpcReply;
import org.quorate.ipc.IpcServer;
import org.quorate.ipc.IpcServerSettings;
import org.quorate.testsupport.process.ReferenceOutputs;
import org.quorate.testsupport.process.ToolRun;

/** corosync-qnetd-tool against a real unix socket served by {@link QnetdAdminIpc}. */
class QnetdToolTest {
    @TempDir
    Path dir;

    private Path socket;
    private IpcServer server;
    private final List<String> shutdowns = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<QnetdStatusSnapshot> snapshot =
            CompletableFuture.completedFuture(ReferenceScenarios.forFile("4n-ffsplit.txt"));

    @BeforeEach
    void start() throws Exception {
        socket = dir.resolve("qnetd.sock");
        server = QnetdAdminIpc.start(IpcServerSettings.defaults(socket, QnetdAdminIpc.DEFAULT_MAX_SEND_SIZE),
                new QnetdAdminCommands() {
                    @Override
                    public CompletableFuture<QnetdStatusSnapshot> snapshot() {
                        return snapshot;
                    }

                    @Override
                    public void shutdown() {
                        shutdowns.add("shutdown");
                        server.close();
                    }
                });
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        server.terminated().get(5, TimeUnit.SECONDS);
    }

    private ToolRun tool(String... args) {
        return ToolRun.of(QnetdTool::run, args);
    }

    @Test
    void statusAndListPrintTheDaemonsTextAndExitZero() {
        ToolRun status = tool("-s", "-v", "-p", socket.toString());
        assertThat(status.exitCode()).isZero();
        assertThat(status.err()).isEmpty();
        assertThat(status.out()).isEqualTo(ReferenceOutputs.section("4n-ffsplit.txt", "qnetd# corosync-qnetd-tool -s -v"));
        ToolRun list = tool("-lv", "-c", "lab1", "-p" + socket);
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).isEqualTo(ReferenceOutputs.section("4n-ffsplit.txt", "qnetd# corosync-qnetd-tool -l -v"));
        assertThat(tool("-l", "-c", "other", "-p", socket.toString()).out()).isEmpty();
    }

    @Test
    void theLastOperationWins() {
        assertThat(tool("-l", "-s", "-p", socket.toString()).out()).startsWith("QNetd address:");
        assertThat(tool("-s", "-l", "-p", socket.toString()).out()).startsWith("Cluster \"lab1\":");
    }

    @Test
    void usageErrorsExitOneWithTheCMessages() {
        ToolRun none = tool("-v", "-p", socket.toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.out()).isEqualTo(QnetdTool.USAGE + "\n");
        assertThat(none.err()).isEmpty();
        ToolRun h = tool("-h", "-x");
        assertThat(h.exitCode()).isEqualTo(1);
        assertThat(h.err()).isEmpty();
        ToolRun invalid = tool("-x");
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.err()).isEqualTo("corosync-qnetd-tool: invalid option -- 'x'\n");
        assertThat(invalid.out()).isEqualTo("usage: corosync-qnetd-tool [-Hhlsv] [-c cluster_name] [-p qnetd_ipc_socket_path]\n");
        assertThat(tool("-s", "-p").err()).isEqualTo("corosync-qnetd-tool: option requires an argument -- 'p'\n");
        ToolRun format = tool("-s", "--output-format", "xml");
        assertThat(format.exitCode()).isEqualTo(1);
        assertThat(format.err()).contains("--output-format 'xml'");
    }

    @Test
    void helpExitsZero() {
        ToolRun help = tool("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith(QnetdTool.USAGE).contains("--output-format").contains("Exit status");
    }

    @Test
    void noDaemonExitsThreeNamingTheSystemError() {
        ToolRun run = tool("-s", "-p", dir.resolve("absent.sock").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(
                "corosync-qnetd-tool: Can't connect to qnetd socket (is QNetd running?): No such file or directory\n");
    }

    @Test
    void aDaemonErrorExitsFourWithErrorPrefix() {
        snapshot = CompletableFuture.failedFuture(new IllegalStateException("x"));
        ToolRun run = tool("-l", "-p", socket.toString());
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("Error: Can't get QNetd cluster list\n");
    }

    @Test
    void anUnknownStatusLineExitsThree() throws Exception {
        Path odd = dir.resolve("odd.sock");
        try (ServerSocketChannel fake = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            fake.bind(UnixDomainSocketAddress.of(odd));
            Thread peer = new Thread(() -> {
                try (SocketChannel c = fake.accept()) {
                    c.read(ByteBuffer.allocate(100));
                    c.write(ByteBuffer.wrap("Hello\nworld\n".getBytes(StandardCharsets.US_ASCII)));
                } catch (Exception ignored) {
                    // the assertion below reports the problem
                }
            });
            peer.start();
            ToolRun run = tool("-s", "-p", odd.toString());
            peer.join(5000);
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("corosync-qnetd-tool: Unknown status line returned by IPC server\n");
        }
    }

    @Test
    void shutdownExitsZeroAndStopsTheDaemon() throws Exception {
        ToolRun run = tool("-H", "-p", socket.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        server.terminated().get(5, TimeUnit.SECONDS);
        assertThat(shutdowns).containsExactly("shutdown");
        assertThat(socket).doesNotExist();
    }

    @Test
    void jsonOutputFormats() throws Exception {
        ToolRun compact = tool("-l", "--output-format=json", "-p", socket.toString());
        assertThat(compact.exitCode()).isZero();
        assertThat(compact.out()).isEqualTo(QnetdStatusJson.list(snapshot.join(), null) + "\n");
        ToolRun pretty = tool("-s", "--output-format", "json-pretty", "-p", socket.toString());
        assertThat(pretty.exitCode()).isZero();
        assertThat(pretty.out()).contains("\n  \"schemaVersion\" : 1");
        assertThat(new ObjectMapper().readTree(pretty.out()))
                .isEqualTo(new ObjectMapper().readTree(QnetdStatusJson.status(snapshot.join())));
    }

    @Test
    void jsonFromADaemonThatOnlySpeaksTextIsAnInternalError() throws Exception {
        Path textOnly = dir.resolve("c.sock");
        IpcServer c = IpcServer.start("c", IpcServerSettings.defaults(textOnly, 65536), IpcLexer.Mode.QUOTING,
                words -> CompletableFuture.completedFuture(IpcReply.ok("QNetd address:\t\t\t*:5403\n", "x")));
        try {
            ToolRun run = tool("-s", "--output-format", "json", "-p", textOnly.toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("did not answer in JSON");
        } finally {
            c.close();
        }
    }

    @Test
    void requestLineMatchesTheCTool() {
        assertThat(QnetdTool.request(QnetdTool.Operation.LIST, true, false, "a\"b\\c"))
                .isEqualTo("list verbose cluster \"a\\\"b\\\\c\" \n");
        assertThat(QnetdTool.request(QnetdTool.Operation.SHUTDOWN, false, false, null)).isEqualTo("shutdown \n");
        assertThat(QnetdTool.request(QnetdTool.Operation.STATUS, false, true, null)).isEqualTo("status json \n");
    }
}
