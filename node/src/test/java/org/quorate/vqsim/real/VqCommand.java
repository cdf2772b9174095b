package org.quorate.vqsim.real;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One command of a vqsim-language script, as the differential test replays it on two {@code ClusterDriver}s.
 * Only what changes the cluster or the clock is modelled; simulator-only switches ({@code timeout},
 * {@code sync}, {@code assert}) and {@code show} are {@link Passive}.
 */
sealed interface VqCommand {
    /** {@code up [p:]n[,n...] ...}. */
    record Up(Map<Integer, List<Long>> nodesByPartition) implements VqCommand {
    }

    /** {@code down n[,n...]}. */
    record Down(List<Long> nodes) implements VqCommand {
    }

    /** {@code move|split p:n[,n...] ...}. */
    record Move(Map<Integer, List<Long>> nodesByPartition) implements VqCommand {
    }

    /** {@code join p p ...}. */
    record Join(List<Integer> partitions) implements VqCommand {
    }

    /** {@code qdevice on|off [p:]n[,n...]}: the partition prefix is accepted and ignored, as vqsim does. */
    record Qdevice(boolean on, List<Long> nodes) implements VqCommand {
    }

    /** {@code sleep N} (seconds, fractions allowed). */
    record Sleep(Duration duration) implements VqCommand {
    }

    /** {@code expected N}: {@code corosync-quorumtool -e N} on the lowest running node. */
    record Expected(long votes) implements VqCommand {
    }

    /** {@code votes NODE N}: {@code corosync-quorumtool -v N -n NODE}, run on NODE itself. */
    record Votes(long node, long votes) implements VqCommand {
    }

    /** {@code reload FILE}, FILE relative to the scenario's directory. */
    record Reload(Path file) implements VqCommand {
    }

    /** {@code autofence on|off}: after each step the nodes of inquorate partitions are killed. */
    record Autofence(boolean on) implements VqCommand {
    }

    /** A command with no effect on either cluster here (show, timeout, sync, assert, check). */
    record Passive(String word) implements VqCommand {
    }
}
