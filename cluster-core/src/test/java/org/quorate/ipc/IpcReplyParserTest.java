package org.quorate.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IpcReplyParserTest {
    private static IpcReplyParser.Parsed parse(String s) {
        return IpcReplyParser.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void statusLineIsCaseInsensitiveAndIgnoresCarriageReturns() {
        assertThat(parse("OK\nabc").status()).isEqualTo(IpcReplyParser.Status.OK);
        assertThat(IpcReplyParser.text(parse("ok\r\nabc\n").payload())).isEqualTo("abc\n");
        assertThat(parse("ERROR\nx\n").status()).isEqualTo(IpcReplyParser.Status.ERROR);
        assertThat(parse("Hello\nx\n").status()).isEqualTo(IpcReplyParser.Status.UNKNOWN);
        assertThat(parse("OK").status()).isEqualTo(IpcReplyParser.Status.NONE);
        assertThat(parse("").status()).isEqualTo(IpcReplyParser.Status.NONE);
    }
}
