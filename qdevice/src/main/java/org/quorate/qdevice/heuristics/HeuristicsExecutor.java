package org.quorate.qdevice.heuristics;

import org.quorate.qdevice.backend.HeuristicsSettings;
import org.quorate.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the configured heuristics commands (spec §9) without ever blocking the daemon's event loop.
 *
 * <p>Threading: every public method may be called from any thread; it only posts a task to the event
 * loop ({@code loop}). All state lives on the loop. Processes are forked on the {@code workers}
 * executor; their exits are posted back to the loop; timeouts and the SIGTERM→SIGKILL kill list are
 * loop timers. Callbacks always run on the loop, as a task of their own, exactly once per request
 * unless the request is superseded or cancelled.
 *
 * <p>Semantics: all commands of a run start in parallel; the run PASSes when every command exited 0
 * before the timeout and FAILs at the first non-zero exit, unstartable command or timeout, whereupon
 * the remaining commands go to the kill list. With heuristics disabled (mode off or no commands) the
 * result is UNDEFINED. Each {@link HeuristicsKind} has one slot: a new request of a kind supersedes the
 * running one of that kind, whose callback is then never called and whose processes are killed (the C
 * daemon likewise abandons the running execution when asked for a new one). Kinds do not disturb each
 * other. If starting a run would take more than {@code heuristics_max_processes} processes alive at
 * once (stragglers being killed included), the run FAILs at once with a warning.
 */
public final class HeuristicsExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeuristicsExecutor.class);

    private final Scheduler loop;
    private final Executor workers;
    private final ExecutorService ownedWorkers;
    private final ProcessLauncher launcher;
    private final HeuristicsLimits limits;
    private final ProcessReaper reaper;
    private final Map<HeuristicsKind, HeuristicsRun> running = new EnumMap<>(HeuristicsKind.class);
    /** Launches still under way for runs that have already ended; they go to the kill list on arrival. */
    private int orphanLaunches;
    private HeuristicsSettings settings;
    private boolean closed;

    public HeuristicsExecutor(Scheduler loop, Executor workers, ProcessLauncher launcher, HeuristicsLimits limits,
                              HeuristicsSettings settings) {
        this(loop, workers, null, launcher, limits, settings);
    }

    private HeuristicsExecutor(Scheduler loop, Executor workers, ExecutorService ownedWorkers,
                               ProcessLauncher launcher, HeuristicsLimits limits, HeuristicsSettings settings) {
        this.loop = loop;
        this.workers = workers;
        this.ownedWorkers = ownedWorkers;
        this.launcher = launcher;
        this.limits = limits;
        this.settings = settings;
        this.reaper = new ProcessReaper(loop, limits.killListIntervalMs());
    }

    /** The production executor: real processes, forked on its own daemon threads, shut down by {@link #close()}. */
    public static HeuristicsExecutor create(Scheduler loop, HeuristicsLimits limits, HeuristicsSettings settings) {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "qdevice-heuristics");
            t.setDaemon(true);
            return t;
        });
        return new HeuristicsExecutor(loop, pool, pool, new SystemProcessLauncher(), limits, settings);
    }

    /** Membership heuristics, after a votequorum node-list callback: always with the sync timeout. */
    public void runMembership(Consumer<HeuristicsOutcome> callback) {
        run(HeuristicsKind.MEMBERSHIP, true, callback);
    }

    /** Heuristics after connecting to qnetd. */
    public void runConnect(boolean syncInProgress, Consumer<HeuristicsOutcome> callback) {
        run(HeuristicsKind.CONNECT, syncInProgress, callback);
    }

    /** The periodic heuristics of mode {@code on}, see {@link RegularHeuristicsSchedule}. */
    public void runRegular(boolean syncInProgress, Consumer<HeuristicsOutcome> callback) {
        run(HeuristicsKind.REGULAR, syncInProgress, callback);
    }

    /**
     * Runs every configured command once; {@code callback} gets the outcome on the loop.
     *
     * @param syncInProgress corosync sync is in progress: use {@code sync_timeout} instead of {@code timeout}
     */
    public void run(HeuristicsKind kind, boolean syncInProgress, Consumer<HeuristicsOutcome> callback) {
        loop.execute(() -> start(kind, syncInProgress, callback));
    }

    /** Abandons the running request of {@code kind}, if any: no callback, its processes are killed. */
    public void cancel(HeuristicsKind kind) {
        loop.execute(() -> abandon(kind));
    }

    /** New {@code quorum.device.heuristics.*} settings for later runs; runs under way keep their commands. */
    public void reconfigure(HeuristicsSettings newSettings) {
        loop.execute(() -> settings = newSettings);
    }

    /** Command processes alive or being started, stragglers on the kill list included. Loop thread only. */
    public int liveProcesses() {
        int live = orphanLaunches + reaper.size();
        for (HeuristicsRun run : running.values()) {
            live += run.live();
        }
        return live;
    }

    /** Abandons every run and SIGKILLs every process on the loop, then stops the forking threads. */
    @Override
    public void close() {
        loop.execute(() -> {
            closed = true;
            for (HeuristicsKind kind : HeuristicsKind.values()) {
                abandon(kind);
            }
            reaper.killAll();
            if (ownedWorkers != null) {
                ownedWorkers.shutdown();
            }
        });
    }

    private void start(HeuristicsKind kind, boolean syncInProgress, Consumer<HeuristicsOutcome> callback) {
        if (closed) {
            return;
        }
        abandon(kind);
        if (!settings.enabled()) {
            deliver(callback, HeuristicsOutcome.disabled(kind));
            return;
        }
        List<HeuristicsCommand> commands = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        settings.execs().forEach((name, line) -> {
            HeuristicsCommand command = HeuristicsCommand.parse(name, line);
            commands.add(command);
            command.problem(limits.useExecvp()).ifPresent(problems::add);
        });
        if (!problems.isEmpty()) {
            problems.forEach(p -> LOG.warn("Can't run {} heuristics: {}", name(kind), p));
            deliver(callback, HeuristicsOutcome.fail(kind, problems));
            return;
        }
        int live = liveProcesses();
        if (live + commands.size() > limits.maxProcesses()) {
            String problem = commands.size() + " more processes would exceed heuristics_max_processes ("
                    + limits.maxProcesses() + "), " + live + " still alive";
            LOG.warn("Not running {} heuristics: {}", name(kind), problem);
            deliver(callback, HeuristicsOutcome.fail(kind, List.of(problem)));
            return;
        }
        HeuristicsRun run = new HeuristicsRun(kind, commands, kind.timeoutMs(settings, syncInProgress), callback);
        running.put(kind, run);
        run.timer = loop.schedule(() -> timedOut(run), run.timeoutMs, TimeUnit.MILLISECONDS);
        LOG.debug("Running {} heuristics: {} commands, timeout {} ms", name(kind), commands.size(), run.timeoutMs);
        workers.execute(() -> launchAll(run));
    }

    /** On a worker thread: fork/exec may take a while, and a missing file shows up only here. */
    private void launchAll(HeuristicsRun run) {
        for (int i = 0; i < run.commands.size(); i++) {
            int index = i;
            HeuristicsCommand command = run.commands.get(i);
            if (run.finished()) {
                loop.execute(() -> orphanLaunches--);
                continue;
            }
            try {
                LaunchedProcess process = launcher.start(command.argv(), limits.useExecvp());
                loop.execute(() -> launched(run, index, process));
            } catch (IOException | RuntimeException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                loop.execute(() -> launchFailed(run, index, reason));
            }
        }
    }

    private void launched(HeuristicsRun run, int index, LaunchedProcess process) {
        if (run.finished()) {
            orphanLaunches--;
            reaper.add(process);
            return;
        }
        run.launched(index, process);
        process.onExit().whenComplete((status, error) ->
                loop.execute(() -> exited(run, index, status == null ? -1 : status)));
    }

    private void launchFailed(HeuristicsRun run, int index, String reason) {
        if (run.finished()) {
            orphanLaunches--;
            return;
        }
        HeuristicsCommand command = run.commands.get(index);
        LOG.warn("Can't run {} heuristics command {} '{}': {}", name(run.kind), command.key(),
                command.argv().get(0), reason);
        run.launchFailed(index, reason).ifPresent(outcome -> complete(run, outcome));
    }

    private void exited(HeuristicsRun run, int index, int status) {
        if (run.finished()) {
            return; // the process is on the kill list, which watches it from now on
        }
        if (status != 0) {
            LOG.debug("{} heuristics command {} exited with status {}", name(run.kind),
                    run.commands.get(index).key(), status);
        }
        run.exited(index, status).ifPresent(outcome -> complete(run, outcome));
    }

    private void timedOut(HeuristicsRun run) {
        if (run.finished()) {
            return;
        }
        HeuristicsOutcome outcome = run.timedOut();
        outcome.problems().forEach(p -> LOG.warn("{} heuristics: {}", name(run.kind), p));
        complete(run, outcome);
    }

    private void complete(HeuristicsRun run, HeuristicsOutcome outcome) {
        end(run);
        LOG.debug("{} heuristics result: {}", name(run.kind), outcome.result().displayName());
        deliver(run.callback, outcome);
    }

    private void abandon(HeuristicsKind kind) {
        HeuristicsRun run = running.get(kind);
        if (run != null) {
            LOG.debug("Abandoning the running {} heuristics", name(kind));
            end(run);
        }
    }

    /** Ends a run: stops its timer, frees its slot and hands whatever still runs to the kill list. */
    private void end(HeuristicsRun run) {
        run.finish();
        run.timer.cancel();
        running.remove(run.kind, run);
        orphanLaunches += run.pending();
        run.stillRunning().forEach(reaper::add);
    }

    /** Always a task of its own, so that a callback that starts the next run never re-enters this one. */
    private void deliver(Consumer<HeuristicsOutcome> callback, HeuristicsOutcome outcome) {
        loop.execute(() -> callback.accept(outcome));
    }

    private static String name(HeuristicsKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
