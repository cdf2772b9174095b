package org.quorate.testsupport.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The machine-wide lab lock, /tmp/quorate-netns.lock, taken with flock(2) as flock(1) takes it (Java's FileLock is
 * fcntl-based and would not exclude a shell's flock). A child {@code flock} holds it until {@link #close()}
 * closes the child's stdin, so a JVM that dies releases it too.
 */
public final class LabLock implements AutoCloseable {
    public static final String PATH = "/tmp/quorate-netns.lock";

    private final Process holder;

    private LabLock(Process holder) {
        this.holder = holder;
    }

    /** Waits up to {@code wait} for the lock; fails naming the file if another lab holds it that long. */
    public static LabLock acquire(Duration wait) {
        try {
            Process p = new ProcessBuilder("flock", "-w", Long.toString(Math.max(1, wait.toSeconds())), PATH,
                    "/bin/sh", "-c", "echo locked; read -r _").redirectErrorStream(true).start();
            String first = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (!"locked".equals(first)) {
                p.destroy();
                throw new IllegalStateException("could not take " + PATH + " within " + wait + ": " + first);
            }
            return new LabLock(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run flock for " + PATH, e);
        }
    }

    @Override
    public void close() {
        try {
            holder.getOutputStream().close();
            holder.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // the holder is gone already: so is the lock
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        holder.destroy();
    }
}
