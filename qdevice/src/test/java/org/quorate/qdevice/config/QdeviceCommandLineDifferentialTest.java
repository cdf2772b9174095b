package org.quorate.qdevice.config;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.quorate.testsupport.LogsOnFailure;

import static org.assertj.core.api.Assertions.assertThat;

/** The real corosync-qdevice and Quorate's parser must reject the same command lines the same way. */
@Tag("realstack")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@ExtendWith(LogsOnFailure.class)
class QdeviceCommandLineDifferentialTest {
    @ParameterizedTest
    @ValueSource(strings = {"-h", "-x", "-v", "-S", "-S foo=1", "-S max_cs_try_again=0", "-S master_wins=maybe",
            "-S debug=1", "-S net_max_send_buffers=1", "-S heuristics_min_timeout=100", "-df -h",
            "-S ipc_max_receive_size=1023", "-h -x", "-x -h"})
    void sameOutputAndStatusAsTheCDaemon(String line) throws Exception {
        String[] args = line.split(" ");
        List<String> cmd = new ArrayList<>(List.of("corosync-qdevice"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("corosync-qdevice %s exits", line).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        QdeviceCommandLine.Outcome ours = QdeviceCommandLine.parse(args, QdeviceSettings.defaults());
        assertThat(ours).isInstanceOf(QdeviceCommandLine.Exit.class);
        QdeviceCommandLine.Exit exit = (QdeviceCommandLine.Exit) ours;
        assertThat(exit.status()).isEqualTo(p.exitValue());
        assertThat(exit.stdout()).isEqualTo(out);
        assertThat(exit.stderr()).isEqualTo(err);
    }
}
