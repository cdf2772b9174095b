package org.quorate.qdevice.heuristics;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.List;

/**
 * Starts commands with {@link ProcessBuilder}: input from /dev/null, output and errors discarded, so
 * that a chatty command can never block on a full pipe. ProcessBuilder looks a bare name up in PATH
 * itself, which is what execvp does; without {@code searchPath} the caller has already insisted on an
 * absolute path.
 */
public final class SystemProcessLauncher implements ProcessLauncher {
    private static final File DEV_NULL = new File("/dev/null");

    @Override
    public LaunchedProcess start(List<String> argv, boolean searchPath) throws IOException {
        if (!searchPath && !argv.get(0).startsWith("/")) {
            throw new IOException("'" + argv.get(0) + "' is not an absolute path");
        }
        Process process = new ProcessBuilder(argv)
                .redirectInput(DEV_NULL)
                .redirectOutput(Redirect.DISCARD)
                .redirectError(Redirect.DISCARD)
                .start();
        return new SystemProcess(process);
    }
}
