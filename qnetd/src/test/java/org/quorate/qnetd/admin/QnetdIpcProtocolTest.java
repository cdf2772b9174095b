package org.quorate.qnetd.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quorate.ipc.IpcLexer;
import org.quorate.ipc.IpcReply;

class QnetdIpcProtocolTest {
    private final AtomicInteger shutdowns = new AtomicInteger();
    private CompletableFuture<QnetdStatusSnapshot> next =
            CompletableFuture.completedFuture(ReferenceScenarios.forFile("2n-ffsplit-tls.txt"));

    private final QnetdAdminCommands commands = new QnetdAdminCommands() {
        @Override
        public CompletableFuture<QnetdStatusSnapshot> snapshot() {
            return next;
        }

        @Override
        public void shutdown() {
            shutdowns.incrementAndGet();
        }
    };

    private IpcReply ask(String request) {
        return new QnetdIpcProtocol(commands, Duration.ofMillis(200))
                .handle(IpcLexer.split(request, IpcLexer.Mode.QUOTING)).join();
    }

    @Test
    void errorsForEmptyAndUnknownCommands() {
        assertThat(ask("\n")).isEqualTo(IpcReply.error("No command specified"));
        IpcReply unknown = ask("Frobnicate now\n");
        assertThat(unknown.ok()).isFalse();
        assertThat(unknown.text()).isEqualTo("Unknown command 'Frobnicate'");
    }

    @Test
    void statusVerboseIsCaseInsensitiveAndOnlyLeadingOptionWordsCount() {
        QnetdStatusSnapshot s = next.join();
        assertThat(ask("STATUS Verbose\n").text()).isEqualTo(QnetdStatusFormatter.status(s, true));
        assertThat(ask("status foo verbose\n").text()).isEqualTo(QnetdStatusFormatter.status(s, false));
        assertThat(ask("status\n").tooLargeError()).isEqualTo("Can't get QNetd status");
    }

    @Test
    void listOptionsAreConsumedUntilAnUnknownWord() {
        QnetdStatusSnapshot s = next.join();
        assertThat(ask("list cluster \"lab1\" verbose\n").text()).isEqualTo(QnetdStatusFormatter.list(s, true, "lab1"));
        assertThat(ask("list cluster other\n").text()).isEmpty();
        assertThat(ask("list stop verbose cluster other\n").text()).isEqualTo(QnetdStatusFormatter.list(s, false, null));
        assertThat(ask("list cluster\n").text()).isEqualTo(QnetdStatusFormatter.list(s, false, null));
        assertThat(ask("list\n").tooLargeError()).isEqualTo("Can't get QNetd cluster list");
    }

    @Test
    void jsonWordSelectsTheJsonForm() {
        QnetdStatusSnapshot s = next.join();
        assertThat(ask("status json\n").text()).isEqualTo(QnetdStatusJson.status(s));
        assertThat(ask("list verbose json cluster \"nope\"\n").text()).isEqualTo(QnetdStatusJson.list(s, "nope"));
    }

    @Test
    void shutdownAnswersOkAndStopsOnlyAfterTheReplyIsSent() {
        IpcReply reply = ask("shutdown\n");
        assertThat(reply.ok()).isTrue();
        assertThat(reply.text()).isEmpty();
        assertThat(shutdowns).hasValue(0);
        reply.afterSent().run();
        assertThat(shutdowns).hasValue(1);
    }

    @Test
    void aFailedOrStuckSnapshotGivesTheCommandError() {
        next = CompletableFuture.failedFuture(new IllegalStateException("event loop gone"));
        assertThat(ask("status\n")).isEqualTo(IpcReply.error("Can't get QNetd status"));
        next = new CompletableFuture<>();
        assertThat(ask("list\n")).isEqualTo(IpcReply.error("Can't get QNetd cluster list"));
    }
}
