package org.quorate.testsupport.process;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * What systemd does for a {@code .socket} unit, for tests and the restart benchmark: a process (python3,
 * {@code socket_holder.py}) binds and listens once and keeps the socket across restarts of the service, which
 * it starts with the socket as fd 3 and {@code LISTEN_FDS=1}, {@code LISTEN_PID=<service pid>}. The JVM
 * cannot pass a descriptor other than 0-2 to a child, hence the helper process.
 */
public final class SocketHolder implements AutoCloseable {
    private final Process holder;
    private final BufferedReader replies;
    private final BufferedWriter commands;
    private final int port;

    private SocketHolder(Process holder) throws IOException {
        this.holder = holder;
        this.replies = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new BufferedWriter(new OutputStreamWriter(holder.getOutputStream(), StandardCharsets.UTF_8));
        String first = reply("LISTENING");
        this.port = Integer.parseInt(first.substring("LISTENING ".length()));
    }

    /** Binds {@code host:port} (port 0: any free one) with {@code backlog} and holds it; fails without python3. */
    public static SocketHolder listen(String host, int port, int backlog) throws IOException {
        Path script = Files.createTempFile("socket_holder", ".py");
        try (InputStream in = SocketHolder.class.getResourceAsStream("socket_holder.py")) {
            if (in == null) {
                throw new IOException("socket_holder.py is missing from the test-support jar");
            }
            Files.write(script, in.readAllBytes());
        }
        script.toFile().deleteOnExit();
        Process p;
        try {
            p = new ProcessBuilder("python3", script.toString(), host, Integer.toString(port), Integer.toString(backlog))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IOException("the socket holder needs python3 on the PATH: " + e.getMessage(), e);
        }
        return new SocketHolder(p);
    }

    /** The port held (the one the kernel chose when 0 was asked). */
    public int port() {
        return port;
    }

    /** Starts {@code argv} on the held socket, output appended to {@code log}; returns its pid. */
    public synchronized long start(List<String> argv, Map<String, String> env, Path log) throws IOException {
        String json = "{\"argv\":" + jsonArray(argv) + ",\"env\":{" + env.entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + quote(e.getValue())).collect(Collectors.joining(","))
                + "},\"log\":" + quote(log.toAbsolutePath().toString()) + "}";
        String started = command("START " + json, "STARTED");
        return Long.parseLong(started.substring("STARTED ".length()));
    }

    /** Sends {@code TERM}, {@code INT}, {@code KILL}, ... to the running service. */
    public synchronized void signal(String name) throws IOException {
        command("SIGNAL " + name, "SIGNALLED");
    }

    /** The service's exit status (128+signal when a signal ended it), or empty while it still runs. */
    public synchronized OptionalInt awaitExit(Duration timeout) throws IOException {
        String reply = command("WAIT " + timeout.toMillis() / 1000.0, "");
        if (reply.startsWith("EXITED ")) {
            return OptionalInt.of(Integer.parseInt(reply.substring("EXITED ".length())));
        }
        if (reply.equals("RUNNING")) {
            return OptionalInt.empty();
        }
        throw new IOException("socket holder: " + reply);
    }

    private String command(String line, String expected) throws IOException {
        commands.write(line);
        commands.newLine();
        commands.flush();
        return reply(expected);
    }

    private String reply(String expected) throws IOException {
        String line = replies.readLine();
        if (line == null) {
            throw new IOException("the socket holder (python3) exited; its errors are on the test's stderr");
        }
        if (!line.startsWith(expected)) {
            throw new IOException("socket holder said '" + line + "', expected " + expected);
        }
        return line;
    }

    private static String jsonArray(List<String> values) {
        return values.stream().map(SocketHolder::quote).collect(Collectors.joining(",", "[", "]"));
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Kills a running service, closes the socket and ends the holder. */
    @Override
    public synchronized void close() throws IOException {
        try {
            commands.write("QUIT");
            commands.newLine();
            commands.flush();
        } catch (IOException ignored) {
            // the holder is gone already
        }
        try {
            if (!holder.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        } catch (InterruptedException e) {
            holder.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
