package org.quorate.deploy.flows;

import org.quorate.testsupport.docker.SystemdHost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One host of a flow (node1, node2, qnetd, ...): a booted {@link SystemdHost}, known by the same name in every
 * stack so that outputs of the C and the Quorate run can be compared. Every command runs under
 * {@code timeout}, so a hung tool fails its step instead of the whole test.
 */
final class FlowHost {
    private static final int COMMAND_TIMEOUT_S = 240;

    final String name;
    final SystemdHost host;
    private String ip;

    FlowHost(String name, SystemdHost host) {
        this.name = name;
        this.host = host;
    }

    /** This host's address on the flow network (the only network it has). */
    String ip() {
        if (ip == null) {
            ip = host.ipAddress();
        }
        return ip;
    }

    /** Runs {@code command} with {@code bash -c} as root in /root, whatever its exit code. */
    Outcome sh(String command) {
        SystemdHost.Result r = host.tryExec("timeout", "-k", "5", String.valueOf(COMMAND_TIMEOUT_S), "bash", "-c",
                "cd /root && " + command);
        return new Outcome(name, command, r.exitCode(), r.stdout(), r.stderr());
    }

    /** Runs {@code command} (no shell: each argument as given) as root, whatever its exit code. */
    Outcome exec(String... command) {
        String[] argv = new String[command.length + 4];
        argv[0] = "timeout";
        argv[1] = "-k";
        argv[2] = "5";
        argv[3] = String.valueOf(COMMAND_TIMEOUT_S);
        System.arraycopy(command, 0, argv, 4, command.length);
        SystemdHost.Result r = host.tryExec(argv);
        return new Outcome(name, String.join(" ", command), r.exitCode(), r.stdout(), r.stderr());
    }

    Outcome shOk(String command) {
        return sh(command).requireOk();
    }

    /** Writes {@code content} to {@code path} with {@code mode} (octal string, e.g. "600"), owned by root. */
    void put(byte[] content, String mode, String path) {
        try {
            Path tmp = Files.createTempFile("flowhost-", ".put");
            try {
                Files.write(tmp, content);
                host.withFile(tmp, path);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("copying to " + name + ":" + path, e);
        }
        shOk("chown root:root '" + path + "' && chmod " + mode + " '" + path + "'");
    }

    /** The journal of the units that matter for the flows, the last lines of each, for a failure message. */
    String journalTail(int lines) {
        return sh("for u in corosync pacemaker pcsd corosync-qdevice corosync-qnetd csync2.socket ssh; do "
                + "systemctl cat $u >/dev/null 2>&1 || continue; echo \"===== " + name + ": $u =====\"; "
                + "journalctl -b --no-pager -o short-precise -u $u | tail -n " + lines + "; done").text();
    }

    @Override
    public String toString() {
        return name;
    }
}
