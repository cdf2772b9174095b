package org.quorate.qdevice.heuristics;

import org.quorate.time.Scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The bookkeeping of one run: which commands have been started and which have ended. Every event
 * method answers the outcome as soon as it is decided: the first failure decides FAIL, the last
 * successful exit decides PASS. No I/O, no clock; the executor owns timers and processes.
 */
final class HeuristicsRun {
    private enum Slot { PENDING, RUNNING, SUCCEEDED, FAILED }

    final HeuristicsKind kind;
    final List<HeuristicsCommand> commands;
    final long timeoutMs;
    final Consumer<HeuristicsOutcome> callback;
    private final Slot[] slots;
    private final LaunchedProcess[] processes;
    private int succeeded;
    /** Read by the launching worker to skip forks nobody is waiting for any more. */
    private volatile boolean finished;
    Scheduler.Cancellable timer;

    HeuristicsRun(HeuristicsKind kind, List<HeuristicsCommand> commands, long timeoutMs,
                  Consumer<HeuristicsOutcome> callback) {
        this.kind = kind;
        this.commands = List.copyOf(commands);
        this.timeoutMs = timeoutMs;
        this.callback = callback;
        this.slots = new Slot[commands.size()];
        this.processes = new LaunchedProcess[commands.size()];
        Arrays.fill(slots, Slot.PENDING);
    }

    boolean finished() {
        return finished;
    }

    void finish() {
        finished = true;
    }

    Optional<HeuristicsOutcome> launched(int index, LaunchedProcess process) {
        slots[index] = Slot.RUNNING;
        processes[index] = process;
        return Optional.empty();
    }

    Optional<HeuristicsOutcome> launchFailed(int index, String reason) {
        slots[index] = Slot.FAILED;
        HeuristicsCommand c = commands.get(index);
        return Optional.of(HeuristicsOutcome.fail(kind,
                List.of(c.key() + ": cannot run '" + c.argv().get(0) + "': " + reason)));
    }

    Optional<HeuristicsOutcome> exited(int index, int status) {
        if (status != 0) {
            slots[index] = Slot.FAILED;
            return Optional.of(HeuristicsOutcome.fail(kind,
                    List.of(commands.get(index).key() + " exited with status " + status)));
        }
        slots[index] = Slot.SUCCEEDED;
        succeeded++;
        return succeeded == commands.size() ? Optional.of(HeuristicsOutcome.pass(kind)) : Optional.empty();
    }

    HeuristicsOutcome timedOut() {
        List<String> late = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == Slot.PENDING || slots[i] == Slot.RUNNING) {
                late.add(commands.get(i).key() + " did not finish within " + timeoutMs + " ms");
            }
        }
        return HeuristicsOutcome.fail(kind, late);
    }

    /** Started and not yet ended: these go to the kill list when the run ends early. */
    List<LaunchedProcess> stillRunning() {
        List<LaunchedProcess> running = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == Slot.RUNNING) {
                running.add(processes[i]);
            }
        }
        return running;
    }

    /** Commands whose process has not been reported started yet. */
    int pending() {
        int n = 0;
        for (Slot s : slots) {
            n += s == Slot.PENDING ? 1 : 0;
        }
        return n;
    }

    /** Processes this run holds against {@code heuristics_max_processes}: started or about to be. */
    int live() {
        return pending() + stillRunning().size();
    }
}
