package org.quorate.qdevice.heuristics;

import org.quorate.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The kill list (spec §9): commands that outlived their run get SIGTERM at once, and every
 * {@code heuristics_kill_list_interval} whatever is still alive of their trees gets SIGKILL, until
 * nothing is left. Runs on the event loop; {@link #size()} feeds the {@code heuristics_max_processes} bound.
 */
final class ProcessReaper {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessReaper.class);

    private final Scheduler loop;
    private final long intervalMs;
    private final List<LaunchedProcess> dying = new ArrayList<>();
    private Scheduler.Cancellable check;

    ProcessReaper(Scheduler loop, long intervalMs) {
        this.loop = loop;
        this.intervalMs = intervalMs;
    }

    void add(LaunchedProcess process) {
        LOG.debug("Sending SIGTERM to heuristics process {} and its descendants", process.pid());
        process.terminate();
        dying.add(process);
        if (check == null) {
            check = loop.schedule(this::check, intervalMs, TimeUnit.MILLISECONDS);
        }
    }

    /** Processes on the list, alive or not yet confirmed dead. */
    int size() {
        return dying.size();
    }

    private void check() {
        check = null;
        dying.removeIf(p -> !p.treeAlive());
        for (LaunchedProcess p : dying) {
            LOG.debug("Heuristics process {} survived SIGTERM; sending SIGKILL to its tree", p.pid());
            p.kill();
        }
        if (!dying.isEmpty()) {
            check = loop.schedule(this::check, intervalMs, TimeUnit.MILLISECONDS);
        }
    }

    /** SIGKILLs everything at once, for shutdown; the caller does not wait for the loop any more. */
    void killAll() {
        for (LaunchedProcess p : dying) {
            p.terminate();
            p.kill();
        }
    }
}
