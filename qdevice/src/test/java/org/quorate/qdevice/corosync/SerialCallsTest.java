package org.quorate.qdevice.corosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quorate.qdevice.backend.CsError;
import org.quorate.qdevice.backend.QuorumBackendException;

class SerialCallsTest {
    private final SerialCalls calls = new SerialCalls();

    @Test
    void resultCodesAreMappedAndFailuresNameTheOperation() {
        assertThat(calls.code(CsError.TRY_AGAIN::code)).isEqualTo(CsError.TRY_AGAIN);
        calls.check(CsError.OK::code, "cmap_fd_get");
        assertThatThrownBy(() -> calls.check(CsError.TRY_AGAIN::code, "votequorum_getinfo(1)"))
                .isInstanceOfSatisfying(QuorumBackendException.class, e -> {
                    assertThat(e.error()).isEqualTo(CsError.TRY_AGAIN);
                    assertThat(e.operation()).isEqualTo("votequorum_getinfo(1)");
                });
    }

    @Test
    void theFinalizerRunsOnce() {
        AtomicInteger finalized = new AtomicInteger();
        calls.closeOnce(finalized::incrementAndGet);
        calls.closeOnce(finalized::incrementAndGet);
        assertThat(finalized).hasValue(1);
    }

    @Test
    void aCallWaitsForTheOneInProgress() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> calls.locked(() -> {
            inside.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        first.start();
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        AtomicInteger second = new AtomicInteger();
        Thread waiting = new Thread(() -> calls.code(second::incrementAndGet));
        waiting.start();
        waiting.join(200);
        assertThat(second).as("the second call ran while the first held the connection").hasValue(0);
        release.countDown();
        waiting.join(5000);
        first.join(5000);
        assertThat(second).hasValue(1);
    }
}
