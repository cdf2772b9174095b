package org.quorate.qdevice.heuristics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Starts {@link FakeProcess}es that the test ends by hand; paths in {@link #missing} fail to start. */
final class FakeLauncher implements ProcessLauncher {
    final List<FakeProcess> started = new ArrayList<>();
    final List<Boolean> searchPath = new ArrayList<>();
    final Set<String> missing = new HashSet<>();
    /** Whether processes started from now on ignore SIGTERM (and need SIGKILL). */
    boolean ignoreSigterm;
    /** Runs inside {@link #start}, i.e. on the launching worker, before the process "exists". */
    Runnable duringStart = () -> { };
    private long nextPid = 1000;

    @Override
    public LaunchedProcess start(List<String> argv, boolean searchPath) throws IOException {
        if (missing.contains(argv.get(0))) {
            throw new IOException("Cannot run program \"" + argv.get(0) + "\": error=2, No such file or directory");
        }
        duringStart.run();
        FakeProcess p = new FakeProcess(nextPid++, argv, ignoreSigterm);
        started.add(p);
        this.searchPath.add(searchPath);
        return p;
    }

    FakeProcess process(String program) {
        return started.stream().filter(p -> p.argv.get(0).equals(program)).reduce((a, b) -> b).orElseThrow();
    }

    static final class FakeProcess implements LaunchedProcess {
        final long pid;
        final List<String> argv;
        final boolean ignoreSigterm;
        final CompletableFuture<Integer> exit = new CompletableFuture<>();
        int terminates;
        int kills;
        boolean alive = true;

        FakeProcess(long pid, List<String> argv, boolean ignoreSigterm) {
            this.pid = pid;
            this.argv = argv;
            this.ignoreSigterm = ignoreSigterm;
        }

        void exit(int status) {
            alive = false;
            exit.complete(status);
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public CompletableFuture<Integer> onExit() {
            return exit;
        }

        @Override
        public void terminate() {
            terminates++;
            if (!ignoreSigterm) {
                exit(128 + 15);
            }
        }

        @Override
        public void kill() {
            kills++;
            exit(128 + 9);
        }

        @Override
        public boolean treeAlive() {
            return alive;
        }
    }
}
