package org.quorate.link.engine;

import org.junit.jupiter.api.Test;
import org.quorate.net.SendFailure;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SendFailureLogTest {
    private final SendFailureLog log = new SendFailureLog(LoggerFactory.getLogger(SendFailureLogTest.class));
    private final InetSocketAddress to = new InetSocketAddress("198.18.0.2", 5405);

    @Test
    void oneLinePerKindPerLinkPerMinute() {
        long t0 = TimeUnit.SECONDS.toNanos(100);
        assertThat(log.failed(t0, 2, 0, to, SendFailure.PERMISSION_DENIED, "EPERM")).isTrue();
        for (int i = 1; i < 1000; i++) {
            assertThat(log.failed(t0 + i * 1_000_000L, 2, 0, to, SendFailure.PERMISSION_DENIED, "EPERM")).isFalse();
        }
        assertThat(log.failed(t0, 2, 0, to, SendFailure.UNREACHABLE, "ENETUNREACH")).as("another kind").isTrue();
        assertThat(log.failed(t0, 3, 1, to, SendFailure.PERMISSION_DENIED, "EPERM")).as("another link").isTrue();
        assertThat(log.failed(t0 + SendFailureLog.INTERVAL_NANOS - 1, 2, 0, to, SendFailure.PERMISSION_DENIED, "EPERM"))
                .isFalse();
        assertThat(log.failed(t0 + SendFailureLog.INTERVAL_NANOS, 2, 0, to, SendFailure.PERMISSION_DENIED, "EPERM"))
                .as("a minute later, with the count of the suppressed ones").isTrue();
    }
}
