package org.quorate.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpcServerTest {
    @TempDir
    Path dir;

    private IpcServer server;
    private final List<List<String>> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
            server.terminated().get(5, TimeUnit.SECONDS);
        }
    }

    private IpcServerSettings settings() {
        return IpcServerSettings.defaults(dir.resolve("t.sock"), 65536);
    }

    private IpcServer echo(IpcServerSettings settings) throws IpcServerException {
        server = IpcServer.start("test", settings, IpcLexer.Mode.QUOTING, words -> {
            seen.add(words);
            return CompletableFuture.completedFuture(words.isEmpty()
                    ? IpcReply.error("No command specified")
                    : IpcReply.ok(String.join("|", words) + "\n", "Can't"));
        });
        return server;
    }

    private static String exchange(Path socket, byte[] request) throws IOException {
        try (IpcClient client = IpcClient.connect(socket)) {
            client.send(new String(request, StandardCharsets.UTF_8));
            return new String(client.readAll(), StandardCharsets.UTF_8);
        }
    }

    /** A dropped connection may show up as EOF or as a broken pipe / reset while sending. */
    private static String exchangeOrEmpty(Path socket, byte[] request) {
        try {
            return exchange(socket, request);
        } catch (IOException dropped) {
            return "";
        }
    }

    private static String exchange(Path socket, String request) throws IOException {
        return exchange(socket, request.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oneRequestOneAnswerThenTheConnectionIsClosed() throws Exception {
        echo(settings());
        assertThat(exchange(settings().socketFile(), "list verbose cluster \"a b\" \n\0")).isEqualTo("OK\nlist|verbose|cluster|a b\n");
        assertThat(exchange(settings().socketFile(), "\n")).isEqualTo("Error\nNo command specified\n");
        assertThat(seen).hasSize(2);
    }

    @Test
    void aRequestSplitOverManyWritesIsAssembledUntilTheNewline() throws Exception {
        echo(settings());
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(settings().socketFile()));
            for (String part : new String[] {"sta", "tus ver", "bose\n"}) {
                ch.write(ByteBuffer.wrap(part.getBytes(StandardCharsets.US_ASCII)));
                Thread.sleep(20);
            }
            ByteBuffer buf = ByteBuffer.allocate(100);
            while (ch.read(buf) >= 0) {
                // until EOF
            }
            assertThat(new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII)).isEqualTo("OK\nstatus|verbose\n");
        }
    }

    @Test
    void answersCompletedLaterOnAnotherThreadAreDelivered() throws Exception {
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
        try {
            server = IpcServer.start("test", settings(), IpcLexer.Mode.PLAIN, words -> {
                CompletableFuture<IpcReply> f = new CompletableFuture<>();
                loop.schedule(() -> f.complete(IpcReply.ok("late\n", null)), 100, TimeUnit.MILLISECONDS);
                return f;
            });
            assertThat(exchange(settings().socketFile(), "status\n")).isEqualTo("OK\nlate\n");
        } finally {
            loop.shutdownNow();
        }
    }

    @Test
    void aFailedOrThrowingHandlerGivesAnErrorAnswer() throws Exception {
        server = IpcServer.start("test", settings(), IpcLexer.Mode.PLAIN, words -> {
            if (words.get(0).equals("throw")) {
                throw new IllegalStateException("boom");
            }
            return CompletableFuture.failedFuture(new IllegalStateException("boom"));
        });
        assertThat(exchange(settings().socketFile(), "fail\n")).isEqualTo("Error\nInternal error\n");
        assertThat(exchange(settings().socketFile(), "throw\n")).isEqualTo("Error\nInternal error\n");
    }

    @Test
    void afterSentRunsOnceTheReplyIsOutAndMayCloseTheServer() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        server = IpcServer.start("test", settings(), IpcLexer.Mode.PLAIN,
                words -> CompletableFuture.completedFuture(IpcReply.ok("", null).thenRun(() -> {
                    ran.countDown();
                    server.close();
                })));
        assertThat(exchange(settings().socketFile(), "shutdown\n")).isEqualTo("OK\n");
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        server.terminated().get(5, TimeUnit.SECONDS);
        assertThat(settings().socketFile()).doesNotExist();
    }

    @Test
    void aTooLongRequestDropsTheConnectionWithoutAnswer() throws Exception {
        echo(settings());
        byte[] huge = ("status " + "x".repeat(5000) + "\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(exchangeOrEmpty(settings().socketFile(), huge)).isEmpty();
        assertThat(seen).isEmpty();
    }

    @Test
    void aClientClosingBeforeTheNewlineIsDroppedQuietly() throws Exception {
        echo(settings());
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(settings().socketFile()));
            ch.write(ByteBuffer.wrap("status".getBytes(StandardCharsets.US_ASCII)));
        }
        assertThat(exchange(settings().socketFile(), "status\n")).isEqualTo("OK\nstatus\n");
        assertThat(seen).hasSize(1);
    }

    @Test
    void connectionsBeyondMaxClientsAreAcceptedAndClosed() throws Exception {
        echo(settings().withLimits(1, 4096, 65536));
        try (SocketChannel first = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            first.connect(UnixDomainSocketAddress.of(settings().socketFile()));
            Thread.sleep(100);
            assertThat(exchangeOrEmpty(settings().socketFile(), "status\n".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        }
        Thread.sleep(100);
        assertThat(exchange(settings().socketFile(), "status\n")).isEqualTo("OK\nstatus\n");
    }

    @Test
    void aReplyLargerThanTheSendLimitBecomesTheCommandError() throws Exception {
        server = IpcServer.start("test", settings().withLimits(10, 4096, 1024), IpcLexer.Mode.PLAIN,
                words -> CompletableFuture.completedFuture(IpcReply.ok("z".repeat(5000), "Can't get QDevice status")));
        assertThat(exchange(settings().socketFile(), "status\n")).isEqualTo("Error\nCan't get QDevice status\n");
    }

    @Test
    void aStaleSocketFileIsReplaced() throws Exception {
        Path path = settings().socketFile();
        try (ServerSocketChannel stale = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stale.bind(UnixDomainSocketAddress.of(path));
        }
        assertThat(path).exists();
        echo(settings());
        assertThat(exchange(path, "status\n")).isEqualTo("OK\nstatus\n");
    }

    @Test
    void aRegularFileAtTheSocketPathIsNotDeleted() throws Exception {
        Path path = settings().socketFile();
        Files.writeString(path, "precious");
        assertThatThrownBy(() -> echo(settings()))
                .isInstanceOf(IpcServerException.class)
                .hasMessageContaining(path.toString())
                .hasMessageContaining("not a socket");
        assertThat(path).hasContent("precious");
    }

    @Test
    void aMissingDirectoryIsReportedWithThePath() {
        Path path = dir.resolve("missing/q.sock");
        assertThatThrownBy(() -> echo(settings().withSocketFile(path)))
                .isInstanceOf(IpcServerException.class)
                .hasMessageContaining(path.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void aTooLongPathIsReportedWithThePath() {
        Path path = dir.resolve("x".repeat(120) + ".sock");
        assertThatThrownBy(() -> echo(settings().withSocketFile(path)))
                .isInstanceOf(IpcServerException.class)
                .hasMessageContaining(path.toString());
    }

    @Test
    void theUmaskSettingDecidesTheSocketMode() throws Exception {
        echo(settings().withPermissions(0117, null));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings().socketFile())))
                .isEqualTo("rw-rw----");
    }

    @Test
    void closeRemovesTheSocketFile() throws Exception {
        echo(settings());
        assertThat(settings().socketFile()).exists();
        server.close();
        server.terminated().get(5, TimeUnit.SECONDS);
        assertThat(settings().socketFile()).doesNotExist();
        assertThatThrownBy(() -> IpcClient.connect(settings().socketFile()))
                .hasMessage("No such file or directory");
    }
}
