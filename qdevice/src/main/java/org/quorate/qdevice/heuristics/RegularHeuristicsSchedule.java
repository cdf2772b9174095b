package org.quorate.qdevice.heuristics;

import org.quorate.qdevice.backend.HeuristicsMode;
import org.quorate.qdevice.backend.HeuristicsSettings;
import org.quorate.time.Scheduler;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The periodic heuristics of mode {@code on} (spec §9): {@code interval} ms after {@link #start} and
 * then {@code interval} ms after each result, never two regular runs at once. The net model stops it
 * on a votequorum node-list callback and starts it again after the membership result (§6.2).
 * Loop thread only.
 */
public final class RegularHeuristicsSchedule {
    private final Scheduler loop;
    private final HeuristicsExecutor executor;
    private final BooleanSupplier syncInProgress;
    private final Consumer<HeuristicsOutcome> listener;
    private Scheduler.Cancellable timer;
    private long intervalMs;
    /** Bumped by start/stop so that a result of a run from before a stop is dropped. */
    private long generation;
    private boolean active;

    public RegularHeuristicsSchedule(Scheduler loop, HeuristicsExecutor executor, BooleanSupplier syncInProgress,
                                     Consumer<HeuristicsOutcome> listener) {
        this.loop = loop;
        this.executor = executor;
        this.syncInProgress = syncInProgress;
        this.listener = listener;
    }

    /**
     * (Re)starts the schedule if {@code settings} ask for periodic runs (mode on, commands configured);
     * otherwise stops it.
     *
     * @return whether the schedule is now active
     */
    public boolean start(HeuristicsSettings settings) {
        stop();
        if (settings.mode() != HeuristicsMode.ON || !settings.enabled()) {
            return false;
        }
        active = true;
        intervalMs = settings.intervalMs();
        scheduleNext();
        return true;
    }

    /** Stops the timer and abandons a regular run under way; its result will not be reported. */
    public void stop() {
        generation++;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (active) {
            executor.cancel(HeuristicsKind.REGULAR);
        }
        active = false;
    }

    public boolean isActive() {
        return active;
    }

    private void scheduleNext() {
        long expected = generation;
        timer = loop.schedule(() -> fire(expected), intervalMs, TimeUnit.MILLISECONDS);
    }

    private void fire(long expected) {
        timer = null;
        if (expected != generation) {
            return;
        }
        executor.runRegular(syncInProgress.getAsBoolean(), outcome -> {
            if (expected != generation) {
                return;
            }
            listener.accept(outcome);
            if (expected == generation) { // the listener may have stopped or restarted us
                scheduleNext();
            }
        });
    }
}
