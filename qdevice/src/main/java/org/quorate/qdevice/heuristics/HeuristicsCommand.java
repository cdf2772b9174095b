package org.quorate.qdevice.heuristics;

import org.quorate.ipc.IpcLexer;

import java.util.List;
import java.util.Optional;

/**
 * One {@code quorum.device.heuristics.exec_NAME} command, split into argv with the same shell-like
 * quoting as the qnetd IPC (double quotes, backslash escapes; spec §9, §12.1).
 */
public record HeuristicsCommand(String name, String commandLine, List<String> argv) {

    public HeuristicsCommand {
        argv = List.copyOf(argv);
    }

    public static HeuristicsCommand parse(String name, String commandLine) {
        return new HeuristicsCommand(name, commandLine, IpcLexer.split(commandLine, IpcLexer.Mode.QUOTING));
    }

    /** The cmap key the command came from, for messages an administrator can act on. */
    public String key() {
        return "quorum.device.heuristics.exec_" + name;
    }

    /**
     * Why this command cannot be started, if it cannot. Without {@code heuristics_use_execvp} the C daemon
     * uses execv, which would resolve a bare name against its working directory; we require an absolute
     * path instead so that a command never depends on where the daemon happened to start.
     */
    public Optional<String> problem(boolean useExecvp) {
        if (argv.isEmpty()) {
            return Optional.of(key() + " is empty");
        }
        if (!useExecvp && !argv.get(0).startsWith("/")) {
            return Optional.of(key() + ": '" + argv.get(0) + "' is not an absolute path"
                    + " (set heuristics_use_execvp=on to search PATH)");
        }
        return Optional.empty();
    }
}
