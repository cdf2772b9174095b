package org.quorate.testsupport.lab;

import java.util.List;

/**
 * The programs a {@link RealStack} runs, each as an argv prefix, so a test can swap any of them for
 * Quorate's launcher (e.g. {@code List.of("java", "-jar", "/path/qnetd.jar", "-f")}). All run "on a host"
 * (its namespace, with /etc/corosync etc. bind-mounted) and the daemons must stay in the foreground.
 *
 * @param corosync        started as is
 * @param qnetd           the harness appends {@code [-d] -s on|off|required -p PORT} and the extra args
 * @param qdevice         the harness appends {@code [-d]} and the extra args
 * @param qnetdCertutil   the harness appends {@code -i} / {@code -s -c CSR -n NAME} (flags of corosync-qnetd-certutil)
 * @param nodeCertutil    the harness appends {@code -i -c CA} / {@code -r -n NAME} / {@code -M -c CRT} /
 *                        {@code -m -c P12} (flags of corosync-qdevice-net-certutil)
 * @param debug           adds {@code -d} to qnetd and qdevice
 */
public record StackCommands(List<String> corosync, List<String> qnetd, List<String> qdevice,
                            List<String> qnetdCertutil, List<String> nodeCertutil,
                            List<String> qnetdExtraArgs, List<String> qdeviceExtraArgs, boolean debug) {

    public StackCommands {
        for (List<String> argv : List.of(corosync, qnetd, qdevice, qnetdCertutil, nodeCertutil)) {
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("a stack command must not be empty");
            }
        }
        corosync = List.copyOf(corosync);
        qnetd = List.copyOf(qnetd);
        qdevice = List.copyOf(qdevice);
        qnetdCertutil = List.copyOf(qnetdCertutil);
        nodeCertutil = List.copyOf(nodeCertutil);
        qnetdExtraArgs = List.copyOf(qnetdExtraArgs);
        qdeviceExtraArgs = List.copyOf(qdeviceExtraArgs);
    }

    /** The Debian C programs, as installed by the corosync, corosync-qdevice and corosync-qnetd packages. */
    public static StackCommands debian() {
        return new StackCommands(List.of("corosync", "-f"), List.of("corosync-qnetd", "-f"),
                List.of("corosync-qdevice", "-f"), List.of("corosync-qnetd-certutil"),
                List.of("corosync-qdevice-net-certutil"), List.of(), List.of(), false);
    }

    public StackCommands withQnetd(List<String> argvPrefix) {
        return new StackCommands(corosync, argvPrefix, qdevice, qnetdCertutil, nodeCertutil, qnetdExtraArgs,
                qdeviceExtraArgs, debug);
    }

    public StackCommands withQdevice(List<String> argv) {
        return new StackCommands(corosync, qnetd, argv, qnetdCertutil, nodeCertutil, qnetdExtraArgs,
                qdeviceExtraArgs, debug);
    }

    public StackCommands withQnetdCertutil(List<String> argv) {
        return new StackCommands(corosync, qnetd, qdevice, argv, nodeCertutil, qnetdExtraArgs, qdeviceExtraArgs, debug);
    }

    public StackCommands withNodeCertutil(List<String> argv) {
        return new StackCommands(corosync, qnetd, qdevice, qnetdCertutil, argv, qnetdExtraArgs, qdeviceExtraArgs, debug);
    }

    public StackCommands withQnetdExtraArgs(List<String> args) {
        return new StackCommands(corosync, qnetd, qdevice, qnetdCertutil, nodeCertutil, args, qdeviceExtraArgs, debug);
    }

    public StackCommands withQdeviceExtraArgs(List<String> args) {
        return new StackCommands(corosync, qnetd, qdevice, qnetdCertutil, nodeCertutil, qnetdExtraArgs, args, debug);
    }

    public StackCommands withDebug(boolean on) {
        return new StackCommands(corosync, qnetd, qdevice, qnetdCertutil, nodeCertutil, qnetdExtraArgs,
                qdeviceExtraArgs, on);
    }

    /** Full qnetd argv for the given TLS mode and port. */
    public List<String> qnetdArgv(TlsMode tls, int port) {
        List<String> tail = new java.util.ArrayList<>();
        if (debug) {
            tail.add("-d");
        }
        tail.addAll(List.of("-s", tls.word(), "-p", Integer.toString(port)));
        tail.addAll(qnetdExtraArgs);
        return Commands.concat(qnetd, tail);
    }

    /** Full qdevice argv. */
    public List<String> qdeviceArgv() {
        List<String> tail = new java.util.ArrayList<>();
        if (debug) {
            tail.add("-d");
        }
        tail.addAll(qdeviceExtraArgs);
        return Commands.concat(qdevice, tail);
    }
}
