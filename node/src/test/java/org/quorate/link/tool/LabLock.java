package org.quorate.link.tool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The lab lock (/tmp/quorate-netns.lock) as flock(1) takes it — Java's FileLock is fcntl(2) and would not
 * exclude flock(2) holders — held by a child {@code flock} until {@link #close()} closes its stdin.
 */
public final class LabLock implements AutoCloseable {
    private final Process holder;

    private LabLock(Process holder) {
        this.holder = holder;
    }

    public static LabLock acquire(Duration wait) throws IOException {
        Process p = new ProcessBuilder("flock", "-w", Long.toString(wait.toSeconds()), "/tmp/quorate-netns.lock",
                "bash", "-c", "echo locked; read -r _").redirectErrorStream(true).start();
        String first = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (!"locked".equals(first)) {
            p.destroy();
            throw new AssertionError("could not take /tmp/quorate-netns.lock within " + wait);
        }
        return new LabLock(p);
    }

    @Override
    public void close() throws IOException {
        holder.getOutputStream().close();
        try {
            holder.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        holder.destroy();
    }
}
