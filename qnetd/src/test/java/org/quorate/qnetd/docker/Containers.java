package org.quorate.qnetd.docker;

import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Small exec/copy helpers that fail with the command's output instead of returning exit codes. */
final class Containers {
    private Containers() {
    }

    static String run(GenericContainer<?> c, String... command) {
        ExecResult r = exec(c, command);
        if (r.getExitCode() != 0) {
            throw new AssertionError(name(c) + ": " + String.join(" ", command) + " exited " + r.getExitCode()
                    + "\nstdout: " + r.getStdout() + "\nstderr: " + r.getStderr());
        }
        return r.getStdout();
    }

    static ExecResult exec(GenericContainer<?> c, String... command) {
        try {
            return c.execInContainer(command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Starts a foreground daemon in the background of a short exec session; {@code exec} makes the daemon
     * replace the shell, and the redirect keeps its output in {@code log} (corosync-in-containers recipe).
     */
    static void startDaemon(GenericContainer<?> c, String commandLine, String log) {
        run(c, "sh", "-c", "exec " + commandLine + " >>" + log + " 2>&1 </dev/null &");
    }

    static byte[] read(GenericContainer<?> c, String path) {
        return c.copyFileFromContainer(path, InputStream::readAllBytes);
    }

    /** The file's text, or a note why it could not be read (for failure diagnostics). */
    static String tail(GenericContainer<?> c, String path) {
        ExecResult r = exec(c, "tail", "-n", "60", path);
        return r.getExitCode() == 0 ? r.getStdout() : "(" + path + ": " + r.getStderr().strip() + ")";
    }

    static String ipAddress(GenericContainer<?> c) {
        return c.getContainerInfo().getNetworkSettings().getNetworks().values().iterator().next().getIpAddress();
    }

    static String name(GenericContainer<?> c) {
        return c.getNetworkAliases().isEmpty() ? c.getContainerName()
                : c.getNetworkAliases().get(c.getNetworkAliases().size() - 1);
    }
}
