package org.quorate.qdevice.heuristics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** A {@link LaunchedProcess} over a real {@link Process} and its {@link ProcessHandle} tree. */
final class SystemProcess implements LaunchedProcess {
    private final Process process;
    private final CompletableFuture<Integer> exit;
    /** Every process of the tree seen so far; touched only by the thread that kills (the event loop). */
    private final Set<ProcessHandle> tree = new LinkedHashSet<>();

    SystemProcess(Process process) {
        this.process = process;
        this.exit = process.onExit().thenApply(Process::exitValue);
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public CompletableFuture<Integer> onExit() {
        return exit;
    }

    @Override
    public void terminate() {
        refreshTree();
        tree.forEach(ProcessHandle::destroy);
    }

    @Override
    public void kill() {
        refreshTree();
        tree.stream().filter(SystemProcess::running).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public boolean treeAlive() {
        refreshTree();
        return tree.stream().anyMatch(SystemProcess::running);
    }

    /**
     * Adds the current descendants of every remembered process still running. Snapshotting before any
     * signal matters: once the command dies its children are re-parented and no longer its descendants.
     */
    private void refreshTree() {
        tree.add(process.toHandle());
        for (ProcessHandle member : Set.copyOf(tree)) {
            if (running(member)) {
                member.descendants().forEach(tree::add);
            }
        }
    }

    /**
     * Alive and not a zombie: an orphaned grandchild that was killed stays a zombie until its new
     * parent reaps it, and in containers that parent may never do so, yet it holds no resources.
     */
    static boolean running(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            int afterName = stat.lastIndexOf(')');
            char state = afterName >= 0 && afterName + 2 < stat.length() ? stat.charAt(afterName + 2) : 'R';
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return handle.isAlive(); // no /proc: trust the JDK; a vanished entry means the process is gone
        }
    }
}
