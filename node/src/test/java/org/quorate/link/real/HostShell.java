package org.quorate.link.real;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.quorate.testsupport.lab.DaemonProcess;
import org.quorate.testsupport.lab.NetnsLab;

/**
 * A shell kept open on a lab host, so polling {@code corosync-cfgtool} every 20 ms costs one fork of the tool
 * and not a new {@code ip netns exec}, {@code unshare} and bind mounts each time (about 30 ms on this machine).
 * Not thread-safe; stopped with the lab.
 */
final class HostShell {
    private static final String END = "@@quorate-end@@";

    private final DaemonProcess shell;
    private final Writer in;
    private final BufferedReader out;

    private HostShell(DaemonProcess shell) {
        this.shell = shell;
        this.in = new OutputStreamWriter(shell.process().getOutputStream(), StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(shell.process().getInputStream(), StandardCharsets.UTF_8));
    }

    static HostShell open(NetnsLab lab, String host, String name) {
        return new HostShell(lab.startPiped(host, name, List.of("/bin/sh")));
    }

    /** Runs one command line; returns its stdout (stderr goes to the shell's log on the host). */
    String run(String commandLine) {
        try {
            in.write(commandLine + "\necho " + END + "\n");
            in.flush();
            StringBuilder sb = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals(END)) {
                    return sb.toString();
                }
                sb.append(line).append('\n');
            }
            throw new IllegalStateException("the shell on " + shell.host().name() + " exited; see " + shell.log());
        } catch (IOException e) {
            throw new UncheckedIOException("shell on " + shell.host().name(), e);
        }
    }
}
