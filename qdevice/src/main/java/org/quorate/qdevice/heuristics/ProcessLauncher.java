package org.quorate.qdevice.heuristics;

import java.io.IOException;
import java.util.List;

/**
 * Starts one heuristics command. The seam exists so that timeouts and the kill list can be tested
 * deterministically with fake processes; production uses {@link SystemProcessLauncher}.
 */
public interface ProcessLauncher {

    /**
     * Starts {@code argv} with stdin, stdout and stderr on /dev/null. May block for the fork/exec, so
     * callers run it on a worker thread.
     *
     * @param searchPath look a bare {@code argv[0]} up in PATH (execvp) instead of taking it literally
     * @throws IOException when the program cannot be started (missing file, not executable, ...)
     */
    LaunchedProcess start(List<String> argv, boolean searchPath) throws IOException;
}
