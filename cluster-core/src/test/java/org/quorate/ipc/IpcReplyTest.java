package org.quorate.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IpcReplyTest {
    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void okAndErrorFraming() {
        assertThat(text(IpcReply.ok("a\n", "Can't").encode(1024))).isEqualTo("OK\na\n");
        assertThat(text(IpcReply.ok("", null).encode(1024))).isEqualTo("OK\n");
        assertThat(text(IpcReply.error("No command specified").encode(1024))).isEqualTo("Error\nNo command specified\n");
    }

    @Test
    void aPayloadThatDoesNotFitBecomesTheCommandError() {
        String payload = "x".repeat(1024);
        assertThat(text(IpcReply.ok(payload, "Can't get QNetd status").encode(1024)))
                .isEqualTo("Error\nCan't get QNetd status\n");
        // 1023 bytes fit the buffer (plus the C terminator) but not with the OK prefix.
        assertThat(text(IpcReply.ok("x".repeat(1023), "Can't get QNetd status").encode(1024)))
                .isEqualTo("Error\nInternal IPC buffer too small\n");
        assertThat(IpcReply.ok("x".repeat(1021), "e").encode(1024)).hasSize(1024);
    }

    @Test
    void anErrorThatDoesNotFitIsNotSentAtAll() {
        assertThat(IpcReply.error("y".repeat(2000)).encode(1024)).isNull();
    }

    @Test
    void afterSentDefaultsToNothingAndCanBeSet() {
        int[] calls = {0};
        IpcReply reply = IpcReply.ok("", null).thenRun(() -> calls[0]++);
        reply.afterSent().run();
        IpcReply.error("x").afterSent().run();
        assertThat(calls[0]).isEqualTo(1);
    }
}
