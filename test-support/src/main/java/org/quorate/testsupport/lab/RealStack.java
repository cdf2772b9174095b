package org.quorate.testsupport.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A corosync quorum stack in a {@link NetnsLab}: one qnetd host ({@value #QNETD_HOST}, 198.18.0.100:5403) and
 * any number of clusters (cluster C node I = host cCnI = 198.18.C.I). The programs come from
 * {@link StackCommands}, the Debian C ones by default, so interop tests swap in Quorate's launchers.
 *
 * <pre>
 * try (RealStack stack = RealStack.open("qnetd-interop", StackCommands.debian().withQnetd(javaQnetd))) {
 *     stack.startQnetd(TlsMode.ON);
 *     LabCluster c = stack.createCluster(ClusterSpec.builder(1, 2).build());
 *     c.start();
 *     c.awaitQuorateWithQdevice(Duration.ofSeconds(60));
 * }
 * </pre>
 */
public final class RealStack implements AutoCloseable {
    public static final String QNETD_HOST = "qnetd";

    private final NetnsLab lab;
    private final StackCommands commands;
    private final CertificateProcedure certificates;
    private final Map<Integer, LabCluster> clusters = new LinkedHashMap<>();
    private final List<QuorumSampler> samplers = new ArrayList<>();
    private TlsMode qnetdTls = TlsMode.ON;

    private RealStack(NetnsLab lab, StackCommands commands) {
        this.lab = lab;
        this.commands = commands;
        this.certificates = new CertificateProcedure(lab, commands);
    }

    /** Opens a lab after checking root and the C stack (fails with a message naming what is missing). */
    public static RealStack open(String label, StackCommands commands) {
        LabPrerequisites.requireRealStack();
        return new RealStack(NetnsLab.open(label), commands);
    }

    public static RealStack open(String label) {
        return open(label, StackCommands.debian());
    }

    public NetnsLab lab() {
        return lab;
    }

    public StackCommands commands() {
        return commands;
    }

    // ------------------------------------------------------------------ qnetd

    /** The qnetd host, created on first use. */
    public synchronized LabHost qnetdHost() {
        return lab.hosts().stream().filter(h -> h.name().equals(QNETD_HOST)).findFirst()
                .orElseGet(() -> lab.addHost(QNETD_HOST, LabAddresses.QNETD));
    }

    /**
     * Runs the qnetd certutil {@code -i} (unless TLS is off or the CA exists), starts
     * {@code QNETD_ARGV -s TLS -p 5403} and waits until port 5403 listens (fails with the log tail if the
     * daemon exits first).
     */
    public DaemonProcess startQnetd(TlsMode tls) {
        qnetdHost();
        qnetdTls = tls;
        if (tls != TlsMode.OFF) {
            certificates.initQnetd(QNETD_HOST);
        }
        DaemonProcess d = lab.start(QNETD_HOST, "qnetd", commands.qnetdArgv(tls, LabAddresses.QNETD_PORT));
        Await.until("qnetd listening on " + LabAddresses.QNETD + ":" + LabAddresses.QNETD_PORT, Duration.ofSeconds(60),
                Duration.ofMillis(50), () -> listening(d), s -> !s.equals("no"), s -> s.equals("died")
                        ? "qnetd exited:\n" + Commands.tail(d.log(), 30) : Commands.tail(d.log(), 30));
        if (!d.isAlive()) {
            throw new IllegalStateException("qnetd exited during start:\n" + Commands.tail(d.log(), 30));
        }
        return d;
    }

    private String listening(DaemonProcess d) {
        if (!d.isAlive()) {
            return "died";
        }
        ExecResult r = Commands.run(List.of("ip", "netns", "exec", d.host().namespace(), "ss", "-Hltn",
                "sport = :" + LabAddresses.QNETD_PORT));
        return r.stdout().contains("LISTEN") ? "yes" : "no";
    }

    /** The TLS mode qnetd was last started with. */
    public TlsMode qnetdTls() {
        return qnetdTls;
    }

    /** Signals qnetd (TERM, KILL, STOP, ...) and waits up to 10 s; returns its exit status or -1. */
    public int killQnetd(String signal) {
        return lab.kill(QNETD_HOST, "qnetd", signal);
    }

    /** {@code corosync-qnetd-tool ARGS} on the qnetd host, e.g. {@code "-l", "-v"} or {@code "-s", "-v"}. */
    public ExecResult qnetdTool(String... args) {
        return lab.exec(QNETD_HOST, Duration.ofSeconds(20), Commands.concat(List.of("corosync-qnetd-tool"), List.of(args)));
    }

    // ------------------------------------------------------------------ clusters

    /**
     * Creates the cluster's hosts, corosync.conf, a 256-byte authkey and (qdevice with TLS) runs the certificate
     * procedure against the qnetd host. Starts no daemon: call {@link LabCluster#start()}.
     */
    public synchronized LabCluster createCluster(ClusterSpec spec) {
        return createCluster(spec, commands);
    }

    /**
     * Like {@link #createCluster(ClusterSpec)}, but this cluster's daemons (corosync, qdevice) come from
     * {@code clusterCommands}, so one lab can run e.g. a cluster with the C qdevice next to one with
     * Quorate's against the same qnetd. Certificates are still made with the stack's certutil commands.
     */
    public synchronized LabCluster createCluster(ClusterSpec spec, StackCommands clusterCommands) {
        return createCluster(spec, clusterCommands, CorosyncConf.render(spec, LabAddresses.QNETD, LabAddresses.QNETD_PORT));
    }

    /**
     * Like {@link #createCluster(ClusterSpec, StackCommands)}, but every node gets {@code corosyncConf} as
     * written (a test's own file, e.g. a differential scenario). The spec still names the hosts (cCnI,
     * 198.18.C.I), the cluster name the certificates are made for, and whether a qdevice needs them; the
     * file must agree with it (nodeids 1..N, those addresses, the same cluster_name).
     */
    public synchronized LabCluster createCluster(ClusterSpec spec, StackCommands clusterCommands, String corosyncConf) {
        if (clusters.containsKey(spec.id())) {
            throw new IllegalArgumentException("cluster " + spec.id() + " already exists");
        }
        LabCluster c = LabCluster.create(lab, clusterCommands, spec, corosyncConf);
        if (spec.needsCertificates()) {
            qnetdHost();
            certificates.initQnetd(QNETD_HOST);
            certificates.enrollCluster(QNETD_HOST, spec);
        }
        clusters.put(spec.id(), c);
        return c;
    }

    public synchronized LabCluster cluster(int id) {
        LabCluster c = clusters.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no cluster " + id + " (clusters: " + clusters.keySet() + ")");
        }
        return c;
    }

    /** Starts a sampler over the given hosts; it is stopped on {@link #close()} at the latest. */
    public synchronized QuorumSampler sample(List<String> hosts) {
        QuorumSampler s = QuorumSampler.start(lab, hosts);
        samplers.add(s);
        return s;
    }

    /** Log tails of every host and the lab events (call it when a test fails). */
    public String diagnostics() {
        return lab.diagnostics(40);
    }

    @Override
    public void close() {
        samplers.forEach(QuorumSampler::stop);
        lab.close();
    }
}
