package org.quorate.qdevice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quorate.ipc.IpcServer;
import org.quorate.ipc.IpcServerSettings;
import org.quorate.testsupport.LogsOnFailure;
import org.quorate.testsupport.process.ExternalProcess;
import org.quorate.testsupport.process.ReferenceOutputs;
import org.quorate.testsupport.process.ToolRun;

/**
 * The real corosync-qdevice-tool 3.0.3 against our qdevice IPC server, compared with our tool.
 * Needs /usr/sbin/corosync-qdevice-tool (fails if it is missing).
 */
@Tag("realstack")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@ExtendWith(LogsOnFailure.class)
class QdeviceRealToolDifferentialTest {
    static final String REAL_TOOL = "/usr/sbin/corosync-qdevice-tool";

    @TempDir
    Path dir;

    private final AtomicInteger shutdowns = new AtomicInteger();

    private IpcServer start(Path socket, CompletableFuture<QdeviceStatusSnapshot> snapshot) throws Exception {
        return QdeviceAdminIpc.start(IpcServerSettings.defaults(socket, QdeviceAdminIpc.DEFAULT_MAX_SEND_SIZE),
                new QdeviceAdminCommands() {
                    @Override
                    public CompletableFuture<QdeviceStatusSnapshot> snapshot() {
                        return snapshot;
                    }

                    @Override
                    public void shutdown() {
                        shutdowns.incrementAndGet();
                    }
                });
    }

    private static void assertSameRun(String... args) throws Exception {
        ToolRun real = ExternalProcess.run(REAL_TOOL, args);
        ToolRun ours = ToolRun.of(QdeviceTool::run, args);
        assertThat(ours).as("corosync-qdevice-tool %s", String.join(" ", args)).isEqualTo(real);
    }

    @Test
    void theCToolPrintsTheSameAsOurToolAgainstOurServer() throws Exception {
        Path socket = dir.resolve("d.sock");
        IpcServer server = start(socket, CompletableFuture.completedFuture(ReferenceScenarios.forFile("2n-ffsplit-tls.txt")));
        try {
            String p = socket.toString();
            assertSameRun("-s", "-p", p);
            assertSameRun("-s", "-v", "-p", p);
            assertSameRun("-sv", "-p" + p);
            ToolRun real = ExternalProcess.run(REAL_TOOL, "-s", "-p", p);
            assertThat(real.exitCode()).isZero();
            assertThat(real.out()).isEqualTo(ReferenceOutputs.section("2n-ffsplit-tls.txt", "c1n1# corosync-qdevice-tool -s"));
            ToolRun stop = ExternalProcess.run(REAL_TOOL, "-H", "-p", p);
            assertThat(stop).isEqualTo(new ToolRun(0, "", ""));
            assertThat(shutdowns).hasValue(1);
        } finally {
            server.close();
            server.terminated().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void errorsAndCommandLineHandlingMatch() throws Exception {
        Path socket = dir.resolve("e.sock");
        IpcServer server = start(socket, CompletableFuture.failedFuture(new IllegalStateException("x")));
        try {
            ToolRun real = ExternalProcess.run(REAL_TOOL, "-s", "-p", socket.toString());
            assertThat(real).isEqualTo(new ToolRun(4, "", "Error: Can't get QDevice status\n"));
            assertSameRun("-s", "-p", socket.toString());
        } finally {
            server.close();
            server.terminated().get(5, TimeUnit.SECONDS);
        }
        String absent = dir.resolve("absent.sock").toString();
        for (String[] args : List.of(new String[] {}, new String[] {"-h"}, new String[] {"-l"}, new String[] {"-s", "-p"},
                new String[] {"-v"}, new String[] {"-s", "-p", absent}, new String[] {"-s", "-p", dir.toString()})) {
            assertSameRun(args);
        }
    }
}
