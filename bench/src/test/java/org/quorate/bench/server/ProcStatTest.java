package org.quorate.bench.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void cpuTicksAreUtimePlusStimeEvenWithSpacesInTheCommandName() {
        // fields: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        String line = "4242 (corosync qnetd) S 1 4242 4242 0 -1 4194560 120 0 3 0 731 269 0 0 20 0 1 0 5 0\n";
        assertThat(ProcStat.cpuTicksOf(line)).isEqualTo(1000);
    }

    @Test
    void readsItsOwnProcess() throws Exception {
        long self = ProcessHandle.current().pid();
        assertThat(ProcStat.rssKib(self)).isPositive();
        assertThat(ProcStat.cpuTicks(self)).isNotNegative();
        assertThat(ProcStat.threads(self)).isPositive();
    }
}
