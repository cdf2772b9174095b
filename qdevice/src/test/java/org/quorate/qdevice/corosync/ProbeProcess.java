package org.quorate.qdevice.corosync;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.quorate.testsupport.lab.NetnsLab;

/** Drives a {@link BackendProbe} child JVM: one command, one answer; EVENT lines are collected. */
final class ProbeProcess implements AutoCloseable {
    private final Process process;
    private final PrintWriter in;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final List<String> events = new ArrayList<>();

    private ProbeProcess(Process process) {
        this.process = process;
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "probe-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the probe on a lab host (its network namespace: corosync's IPC sockets), with this JVM's class path. */
    static ProbeProcess start(NetnsLab lab, String host) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProbeProcess(lab.startPiped(host, "probe", List.of(java, "-cp",
                System.getProperty("java.class.path"), BackendProbe.class.getName())).process());
    }

    /** Sends a command and returns its answer line (starts with OK or ERR). */
    String command(String line) throws InterruptedException {
        in.println(line);
        String answer = answers.poll(30, TimeUnit.SECONDS);
        if (answer == null) {
            fail("probe did not answer '" + line + "' within 30 s; events: " + events());
        }
        return answer;
    }

    /** Like {@link #command} but fails unless the answer is OK; returns the text after "OK ". */
    String ok(String line) throws InterruptedException {
        String answer = command(line);
        if (!answer.startsWith("OK ")) {
            fail("probe command '" + line + "' failed: " + answer);
        }
        return answer.substring(3);
    }

    /** Waits for an EVENT line matching {@code p}, returns it. */
    String awaitEvent(Predicate<String> p, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            synchronized (events) {
                for (String e : events) {
                    if (p.test(e)) {
                        return e;
                    }
                }
                events.wait(100);
            }
        }
        return fail("no matching event within " + timeout + "; events: " + events());
    }

    List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    void clearEvents() {
        synchronized (events) {
            events.clear();
        }
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("EVENT ")) {
                    synchronized (events) {
                        events.add(line.substring(6));
                        events.notifyAll();
                    }
                } else {
                    answers.add(line);
                }
            }
        } catch (IOException e) {
            answers.add("ERR probe output closed: " + e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            in.println("exit");
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
