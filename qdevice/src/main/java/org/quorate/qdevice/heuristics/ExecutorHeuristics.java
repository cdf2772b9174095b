package org.quorate.qdevice.heuristics;

import org.quorate.protocol.HeuristicsResult;
import org.quorate.qdevice.backend.HeuristicsMode;
import org.quorate.qdevice.backend.HeuristicsSettings;
import org.quorate.qdevice.net.Heuristics;
import org.quorate.time.Scheduler;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** The net client's view of the heuristics, backed by the process executor and the periodic schedule. */
public final class ExecutorHeuristics implements Heuristics, AutoCloseable {
    private final HeuristicsExecutor executor;
    private final RegularHeuristicsSchedule regular;
    private final BooleanSupplier syncInProgress;
    private HeuristicsSettings settings;
    private Consumer<HeuristicsResult> regularListener = r -> { };

    public ExecutorHeuristics(Scheduler loop, HeuristicsLimits limits, HeuristicsSettings settings,
                              BooleanSupplier syncInProgress) {
        this.settings = settings;
        this.syncInProgress = syncInProgress;
        this.executor = HeuristicsExecutor.create(loop, limits, settings);
        this.regular = new RegularHeuristicsSchedule(loop, executor, syncInProgress,
                outcome -> regularListener.accept(outcome.result()));
    }

    @Override
    public HeuristicsMode mode() {
        return settings.enabled() ? settings.mode() : HeuristicsMode.OFF;
    }

    @Override
    public void run(Kind kind, Consumer<HeuristicsResult> result) {
        Consumer<HeuristicsOutcome> callback = outcome -> result.accept(outcome.result());
        switch (kind) {
            case CONNECT -> executor.runConnect(syncInProgress.getAsBoolean(), callback);
            case MEMBERSHIP -> executor.runMembership(callback);
            case REGULAR -> executor.runRegular(syncInProgress.getAsBoolean(), callback);
        }
    }

    @Override
    public void startRegular(Consumer<HeuristicsResult> result) {
        regularListener = result;
        regular.start(settings);
    }

    @Override
    public void stopRegular() {
        regular.stop();
    }

    /** New settings after a cmap change; they apply from the next run. */
    public void reconfigure(HeuristicsSettings fresh) {
        settings = fresh;
        executor.reconfigure(fresh);
    }

    @Override
    public void close() {
        regular.stop();
        executor.close();
    }
}
