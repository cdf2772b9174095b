package org.quorate.qdevice.heuristics;

import java.util.concurrent.CompletableFuture;

/** A running heuristics command together with every process it forked. */
public interface LaunchedProcess {

    long pid();

    /** Completes with the exit status (128 + signal when killed) once the command itself has ended. */
    CompletableFuture<Integer> onExit();

    /**
     * Sends SIGTERM to the command and all its descendants. The tree is remembered first, so that
     * children re-parented to init when the command dies are still found by {@link #kill()}.
     */
    void terminate();

    /** Sends SIGKILL to every remembered process still alive and to any descendants they forked since. */
    void kill();

    /** Whether any process of the remembered tree is still alive (zombies count as dead). */
    boolean treeAlive();
}
