package org.quorate.vqsim.real;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.quorate.votequorum.InfoFlag;
import org.quorate.vqsim.ClusterDriver;
import org.quorate.vqsim.NodeSnapshot;
import org.quorate.vqsim.run.DriverCommands;
import org.quorate.vqsim.script.Command;

/**
 * Applies a scenario's commands to one {@link ClusterDriver}, one step at a time, the way vqsim does with
 * {@code sync on}: every nodelist node starts in partition 0 (step 0), each command is followed by a
 * settle and a snapshot. The differential test drives two of these in lockstep.
 */
final class StepRunner {
    /** What one step did on one driver. */
    record StepResult(int step, String command, String refusal, boolean settled, List<NodeSnapshot> nodes,
                      long millis) {
    }

    private final ClusterDriver driver;
    private final Scenario scenario;
    private final Duration settleTimeout;
    private boolean autofence;
    private List<NodeSnapshot> last = List.of();

    StepRunner(ClusterDriver driver, Scenario scenario, Duration settleTimeout) {
        this.driver = driver;
        this.scenario = scenario;
        this.settleTimeout = settleTimeout;
    }

    ClusterDriver driver() {
        return driver;
    }

    StepResult start() {
        long t0 = System.nanoTime();
        driver.up(0, driver.configuredNodes());
        return finish(0, "(start: up " + driver.configuredNodes() + ")", null, t0);
    }

    /**
     * Applies the command and returns the refusal text of {@code expected}/{@code votes}, otherwise null;
     * {@link #finish} settles and takes the snapshot (split so a caller can act between).
     */
    String apply(Command command) {
        if (DriverCommands.actsOnTheCluster(command)) {
            return DriverCommands.apply(driver, command, this::lowestUp);
        }
        if (command instanceof Command.Autofence a) {
            autofence = a.on();
        } else if (command instanceof Command.Exit || command instanceof Command.Help) {
            throw new IllegalArgumentException("a scenario must not contain '" + command.text() + "'");
        }
        // show, check, timeout, sync, assert: nothing to do on either side (the lockstep always settles)
        return null;
    }

    StepResult finish(int step, String text, String refusal, long t0) {
        boolean settled = driver.settle(settleTimeout);
        last = driver.snapshot();
        if (autofence) {
            List<Long> fenced = last.stream().filter(n -> n.up() && !n.quorate()).map(NodeSnapshot::nodeId).toList();
            if (!fenced.isEmpty()) {
                driver.down(fenced);
                settled = driver.settle(settleTimeout) && settled;
                last = driver.snapshot();
            }
        }
        return new StepResult(step, text, refusal, settled, last, (System.nanoTime() - t0) / 1_000_000);
    }

    private long lowestUp() {
        return last.stream().filter(NodeSnapshot::up).mapToLong(NodeSnapshot::nodeId).min()
                .orElseThrow(() -> new IllegalStateException("expected N needs a running node"));
    }

    /** Nodes whose device is registered and alive, split by whether it casts its vote (the real qnetd's verdict). */
    static Map<Boolean, List<Long>> deviceVotes(List<NodeSnapshot> nodes) {
        List<Long> cast = new ArrayList<>();
        List<Long> withheld = new ArrayList<>();
        for (NodeSnapshot n : nodes) {
            if (n.up() && InfoFlag.QDEVICE_REGISTERED.in(n.flags()) && InfoFlag.QDEVICE_ALIVE.in(n.flags())) {
                (InfoFlag.QDEVICE_CAST_VOTE.in(n.flags()) ? cast : withheld).add(n.nodeId());
            }
        }
        return Map.of(true, cast, false, withheld);
    }

    /** Node ids of both snapshots (a driver may list only its nodelist, the other every host). */
    static Set<Long> ids(List<NodeSnapshot> a, List<NodeSnapshot> b) {
        Set<Long> ids = new TreeSet<>();
        a.forEach(n -> ids.add(n.nodeId()));
        b.forEach(n -> ids.add(n.nodeId()));
        return ids;
    }
}
