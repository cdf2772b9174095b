package org.quorate.qdevice.corosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quorate.qdevice.backend.CsError;
import org.quorate.qdevice.backend.QuorumBackendException;

class CorosyncBackendOptionsTest {
    @Test
    void defaultsAreTheCDaemons() {
        assertThat(CorosyncBackendOptions.DEFAULTS.maxTryAgain()).isEqualTo(10);
        assertThat(CorosyncBackendOptions.DEFAULTS.tryAgainDelay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> CorosyncBackendOptions.DEFAULTS.withMaxTryAgain(0))
                .hasMessageContaining("maxTryAgain");
        assertThatThrownBy(() -> CorosyncBackendOptions.DEFAULTS.withDispatchPollTimeout(Duration.ZERO))
                .hasMessageContaining("dispatchPollTimeout");
    }

    @Test
    void tryAgainRetriesOnlyTryAgainAndGivesUpWithTheLastCode() {
        AtomicInteger calls = new AtomicInteger();
        new TryAgain(5, Duration.ZERO).run("x", () -> calls.incrementAndGet() < 3 ? 6 : 1);
        assertThat(calls).hasValue(3);

        calls.set(0);
        assertThatThrownBy(() -> new TryAgain(4, Duration.ZERO).run("votequorum_initialize",
                () -> { calls.incrementAndGet(); return 6; }))
                .isInstanceOfSatisfying(QuorumBackendException.class,
                        e -> assertThat(e.error()).isEqualTo(CsError.TRY_AGAIN))
                .hasMessage("votequorum_initialize failed: CS_ERR_TRY_AGAIN");
        assertThat(calls).hasValue(4);

        calls.set(0);
        assertThatThrownBy(() -> new TryAgain(4, Duration.ZERO).run("cmap_initialize",
                () -> { calls.incrementAndGet(); return 2; }))
                .hasMessage("cmap_initialize failed: CS_ERR_LIBRARY");
        assertThat(calls).hasValue(1);
    }
}
