package org.quorate.testsupport.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.quorate.testsupport.FailureLogs;

/**
 * Simulated hosts in network namespaces, joined by two bridges (198.18.0.0/16 and 198.19.0.0/16) that live
 * in a namespace of their own and never touch the root namespace, so nothing can leave the machine.
 *
 * <p>Every command "on a host" runs as {@code ip netns exec NS unshare --mount sh -c 'mount --bind ...; exec
 * CMD'}: the host's private directories are bind-mounted over /etc/corosync, /var/lib/corosync, /run and
 * /var/log/corosync, so the stock binaries and certutil scripts (which hard-code those paths) work per host.
 * Namespace names start with a prefix unique to this lab ({@code q<jvm pid>x<n>-}), so labs of several tests,
 * JVMs or helpers run side by side. {@link #close()} (also run from a JVM shutdown hook) kills only the
 * daemons this lab started, then whatever still runs inside its own namespaces, and deletes only those;
 * the hosts' log directories are kept for diagnosis.
 */
public final class NetnsLab implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<NetnsLab> OPENED = new CopyOnWriteArrayList<>();
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final String CHAIN = "QLAB";
    private static final String HOSTEXEC = String.join("\n",
            "d=$1; shift",
            "for p in etc:/etc/corosync lib:/var/lib/corosync run:/run log:/var/log/corosync; do",
            "  mount --bind \"$d/${p%%:*}\" \"${p#*:}\" || { echo \"hostexec: cannot bind $d/${p%%:*} over ${p#*:}\" >&2; exit 111; }",
            "done",
            "export LAB_HOST=${d##*/}",
            "exec \"$@\"");

    private final String prefix;
    private final Path root;
    private final String bridgeNamespace;
    private final Map<String, LabHost> hosts = new LinkedHashMap<>();
    private final List<DaemonProcess> daemons = new CopyOnWriteArrayList<>();
    private final List<LabEvent> events = new CopyOnWriteArrayList<>();
    private final Thread shutdownHook;
    private volatile boolean closed;

    private NetnsLab(String prefix, Path root) {
        this.prefix = prefix;
        this.root = root;
        this.bridgeNamespace = prefix + "br";
        this.shutdownHook = new Thread(this::teardown, "netns-lab-teardown-" + prefix);
    }

    /**
     * Creates an empty lab (bridge namespace only). Fails with a clear message if not root or a tool is
     * missing. State goes under {@code $quorate.lab.dir} (default /tmp/quorate-lab).
     */
    public static NetnsLab open(String label) {
        LabPrerequisites.require(LabPrerequisites.LAB_TOOLS);
        LabJanitor.reapOrphans();
        String prefix = "q" + Long.toString(ProcessHandle.current().pid(), 36) + "x"
                + Integer.toString(COUNTER.incrementAndGet(), 36) + "-";
        String safeLabel = label.replaceAll("[^A-Za-z0-9_.-]", "_");
        Path root = Path.of(System.getProperty("quorate.lab.dir", "/tmp/quorate-lab"), prefix + safeLabel);
        NetnsLab lab = new NetnsLab(prefix, root);
        Runtime.getRuntime().addShutdownHook(lab.shutdownHook);
        OPENED.add(lab);
        FailureLogs.register("lab " + prefix + safeLabel + " diagnostics", () -> lab.diagnostics(40));
        try {
            lab.createBridges();
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    /** Every lab opened in this JVM (also closed ones: their logs stay readable for failure reports). */
    public static List<NetnsLab> opened() {
        return List.copyOf(OPENED);
    }

    public String prefix() {
        return prefix;
    }

    /** The lab's state directory (hosts/&lt;name&gt;/{etc,lib,run,log}, events.log). */
    public Path root() {
        return root;
    }

    // ------------------------------------------------------------------ hosts

    /**
     * Adds a host named {@code name} (1-12 of [a-z0-9]) with one interface per address: eth0 gets the
     * first, eth1 the second; each is attached to the bridge of its /16. Only 198.18.0.0/15 is accepted.
     */
    public synchronized LabHost addHost(String name, String... addresses) {
        requireOpen();
        if (!name.matches("[a-z0-9]{1,12}")) {
            throw new IllegalArgumentException("host name must be 1-12 of [a-z0-9]: '" + name + "'");
        }
        if (hosts.containsKey(name)) {
            throw new IllegalArgumentException("host " + name + " already exists in lab " + prefix);
        }
        if (addresses.length < 1 || addresses.length > 2) {
            throw new IllegalArgumentException("a host has 1 or 2 addresses, got " + addresses.length);
        }
        for (String a : addresses) {
            LabAddresses.requireLabAddress(a);
        }
        LabHost host = new LabHost(name, prefix + name, root.resolve("hosts").resolve(name), List.of(addresses));
        for (String sub : List.of("etc", "lib", "run", "log")) {
            mkdirs(host.dir().resolve(sub));
        }
        ip("netns", "add", host.namespace());
        hosts.put(name, host);
        ip("-n", host.namespace(), "link", "set", "lo", "up");
        for (int i = 0; i < addresses.length; i++) {
            String veth = name + "-" + i;
            ip("-n", bridgeNamespace, "link", "add", veth, "type", "veth", "peer", "name", "eth" + i,
                    "netns", host.namespace());
            ip("-n", bridgeNamespace, "link", "set", veth, "master", "br" + LabAddresses.linkOf(addresses[i]), "up");
            ip("-n", host.namespace(), "addr", "add", addresses[i] + "/" + LabAddresses.PREFIX_LENGTH, "dev", "eth" + i);
            ip("-n", host.namespace(), "link", "set", "eth" + i, "up");
        }
        event("host " + name + " " + String.join(",", addresses));
        return host;
    }

    public synchronized LabHost host(String name) {
        LabHost h = hosts.get(name);
        if (h == null) {
            throw new IllegalArgumentException("no host '" + name + "' in lab " + prefix + " (hosts: " + hosts.keySet() + ")");
        }
        return h;
    }

    public synchronized List<LabHost> hosts() {
        return List.copyOf(hosts.values());
    }

    // ------------------------------------------------------------------ commands

    /** Runs {@code command} on {@code host} with a 30 s timeout. */
    public ExecResult exec(String host, String... command) {
        return exec(host, DEFAULT_TIMEOUT, List.of(command));
    }

    /** Runs {@code command} on {@code host}; kills it after {@code timeout} (result then has timedOut). */
    public ExecResult exec(String host, Duration timeout, List<String> command) {
        requireOpen();
        LabHost h = host(host);
        ExecResult r = Commands.run(host, onHost(h, command), timeout);
        return new ExecResult(host, List.copyOf(command), r.exitCode(), r.stdout(), r.stderr(), r.timedOut(), r.took());
    }

    /** Like {@link #exec(String, String...)} but throws with the output unless the exit code is 0. */
    public ExecResult execOk(String host, String... command) {
        return exec(host, command).requireOk();
    }

    private List<String> onHost(LabHost h, List<String> command) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", h.namespace(),
                "unshare", "--mount", "--propagation", "private", "/bin/sh", "-c", HOSTEXEC, "hostexec",
                h.dir().toString()));
        argv.addAll(command);
        return argv;
    }

    // ------------------------------------------------------------------ daemons

    /**
     * Starts {@code command} (which must stay in the foreground) on {@code host}; stdout and stderr go to
     * {@code <host>/log/<name>.out}. Only one live daemon per host and name.
     */
    public synchronized DaemonProcess start(String host, String name, List<String> command) {
        return launch(host, name, command, false);
    }

    /**
     * Like {@link #start} for a program driven over its stdin/stdout (a probe, a REPL): those stay pipes of
     * {@link DaemonProcess#process()}, only stderr goes to {@code <host>/log/<name>.out}. It runs inside the
     * host's namespaces like any command there, e.g. a client of corosync's IPC (abstract unix sockets
     * belong to a network namespace), and is stopped on {@link #close()} like a daemon.
     */
    public synchronized DaemonProcess startPiped(String host, String name, List<String> command) {
        return launch(host, name, command, true);
    }

    private DaemonProcess launch(String host, String name, List<String> command, boolean piped) {
        requireOpen();
        LabHost h = host(host);
        daemon(host, name).ifPresent(d -> {
            throw new IllegalStateException(d + " is already running");
        });
        mkdirs(h.run().resolve("corosync-qdevice"));
        mkdirs(h.run().resolve("corosync-qnetd"));
        Path log = h.logs().resolve(name + ".out");
        append(log, "=== " + Instant.now() + " start: " + String.join(" ", command) + "\n");
        ProcessBuilder pb = new ProcessBuilder(onHost(h, command));
        if (piped) {
            pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        } else {
            pb.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Commands.DEV_NULL));
        }
        pb.environment().put("PATH", Commands.PATH);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " on " + host + ": " + command, e);
        }
        DaemonProcess d = new DaemonProcess(h, name, p.pid(), List.copyOf(command), log, Instant.now(), p);
        daemons.add(d);
        event("start " + d + " " + String.join(" ", command));
        return d;
    }

    /** The live daemon called {@code name} on {@code host}, if any. */
    public Optional<DaemonProcess> daemon(String host, String name) {
        return daemons.stream().filter(d -> d.host().name().equals(host) && d.name().equals(name))
                .filter(DaemonProcess::isAlive).reduce((a, b) -> b);
    }

    /** Every daemon this lab started (live or not), in start order. */
    public List<DaemonProcess> daemons() {
        return List.copyOf(daemons);
    }

    /** Sends {@code signal} (TERM, KILL, STOP, CONT, HUP, ...) to the daemon's own PID, if it still runs. */
    public void signal(DaemonProcess d, String signal) {
        if (!d.isAlive()) {
            return;
        }
        event("kill -" + signal + " " + d);
        ExecResult r = Commands.run("kill", "-s", signal, Long.toString(d.pid()));
        if (!r.ok() && !exitedMeanwhile(d)) {
            r.requireOk();
        }
    }

    /** A daemon may exit on its own while we signal it (qdevice when corosync dies): kill then finds no process. */
    private static boolean exitedMeanwhile(DaemonProcess d) {
        try {
            return d.process().waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Signals the daemon and waits up to {@code wait} for it to exit; SIGKILL if it survives. Returns the
     * daemon's exit status (128 + signal for a signal death), or -1 if it was not running.
     */
    public int kill(DaemonProcess d, String signal, Duration wait) {
        if (!d.isAlive()) {
            return -1;
        }
        signal(d, signal);
        try {
            if (!d.process().waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                event(d + " survived SIG" + signal + " for " + wait.toMillis() + " ms, sending KILL");
                d.process().destroyForcibly();
                d.process().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + d, e);
        }
        return d.process().exitValue();
    }

    /** {@link #kill(DaemonProcess, String, Duration)} of the live daemon {@code name} on {@code host}. */
    public int kill(String host, String name, String signal) {
        return daemon(host, name).map(d -> kill(d, signal, Duration.ofSeconds(10))).orElse(-1);
    }

    // ------------------------------------------------------------------ faults

    /** Drops all traffic between two hosts, both directions, all their addresses (iptables in each host). */
    public void cut(String a, String b) {
        LabHost ha = host(a);
        LabHost hb = host(b);
        dropBetween(ha, hb);
        dropBetween(hb, ha);
        event("cut " + a + " " + b);
    }

    /**
     * Undoes {@link #cut(String, String)} between two hosts only (their other cuts stay): the DROP rules are
     * deleted one by one, so a partition can be rearranged without healing everything in between.
     */
    public void uncut(String a, String b) {
        LabHost ha = host(a);
        LabHost hb = host(b);
        undropBetween(ha, hb);
        undropBetween(hb, ha);
        event("uncut " + a + " " + b);
    }

    private void undropBetween(LabHost me, LabHost peer) {
        undropBetween(me, peer.addresses());
    }

    private void undropBetween(LabHost me, List<String> peerAddresses) {
        for (String addr : peerAddresses) {
            for (String dir : List.of("-s", "-d")) {
                // -D removes one copy per call; repeat until none is left (a pair may have been cut twice)
                while (Commands.run(iptablesArgv(me, "-D", CHAIN, dir, addr, "-j", "DROP")).ok()) {
                    // deleted one
                }
            }
        }
    }

    /**
     * Drops the traffic between two hosts on one link only (their address number {@code link}, eth{@code link}),
     * both directions; their other links keep working. {@link #uncutLink} or {@link #heal(String...)} undo it.
     */
    public void cutLink(String a, String b, int link) {
        LabHost ha = host(a);
        LabHost hb = host(b);
        dropBetween(ha, linkAddress(hb, link));
        dropBetween(hb, linkAddress(ha, link));
        event("cut link " + link + " " + a + " " + b);
    }

    /** Undoes {@link #cutLink(String, String, int)}; other cuts stay. */
    public void uncutLink(String a, String b, int link) {
        LabHost ha = host(a);
        LabHost hb = host(b);
        undropBetween(ha, List.of(linkAddress(hb, link)));
        undropBetween(hb, List.of(linkAddress(ha, link)));
        event("uncut link " + link + " " + a + " " + b);
    }

    private static String linkAddress(LabHost h, int link) {
        if (link < 0 || link >= h.addresses().size()) {
            throw new IllegalArgumentException("host " + h.name() + " has no link " + link + " (addresses "
                    + h.addresses() + ")");
        }
        return h.addresses().get(link);
    }

    /**
     * Drops only what {@code from} sends to {@code to} (all their addresses); {@code to} still reaches
     * {@code from}. An asymmetric fault: e.g. a one-way firewall rule or a half-broken switch port.
     * {@link #heal(String...)} on {@code to} removes it.
     */
    public void cutOneWay(String from, String to) {
        LabHost src = host(from);
        LabHost dst = host(to);
        ensureChain(dst);
        for (String addr : src.addresses()) {
            iptables(dst, "-A", CHAIN, "-s", addr, "-j", "DROP"); // in dst's INPUT only: dst's own packets never match
        }
        event("cut one way " + from + " -> " + to);
    }

    private void dropBetween(LabHost me, LabHost peer) {
        for (String addr : peer.addresses()) {
            dropBetween(me, addr);
        }
    }

    private void dropBetween(LabHost me, String peerAddress) {
        ensureChain(me);
        iptables(me, "-A", CHAIN, "-s", peerAddress, "-j", "DROP");
        iptables(me, "-A", CHAIN, "-d", peerAddress, "-j", "DROP");
    }

    private void ensureChain(LabHost h) {
        if (!Commands.run(iptablesArgv(h, "-L", CHAIN, "-n")).ok()) {
            iptables(h, "-N", CHAIN);
            iptables(h, "-I", "INPUT", "-j", CHAIN);
            iptables(h, "-I", "OUTPUT", "-j", CHAIN);
        }
    }

    /** Removes every cut, delay and loss on the given hosts (all hosts if none given). */
    public void heal(String... hostNames) {
        List<LabHost> targets = hostNames.length == 0 ? hosts() : Stream.of(hostNames).map(this::host).toList();
        for (LabHost h : targets) {
            Commands.run(iptablesArgv(h, "-F", CHAIN)); // no chain = nothing was cut there
            clearShaping(h);
        }
        event("heal " + targets.stream().map(LabHost::name).toList());
    }

    /** {@code ip link set eth<link> down} inside the host: that interface loses carrier, no FIN/RST. */
    public void linkDown(String host, int link) {
        ip("-n", host(host).namespace(), "link", "set", "eth" + link, "down");
        event("linkdown " + host + " eth" + link);
    }

    public void linkUp(String host, int link) {
        ip("-n", host(host).namespace(), "link", "set", "eth" + link, "up");
        event("linkup " + host + " eth" + link);
    }

    /** All of the host's links down: it loses its peers AND the qnetd host. */
    public void networkDown(String host) {
        for (int i = 0; i < host(host).addresses().size(); i++) {
            linkDown(host, i);
        }
    }

    public void networkUp(String host) {
        for (int i = 0; i < host(host).addresses().size(); i++) {
            linkUp(host, i);
        }
    }

    // ------------------------------------------------------------------ shaping faults (tc, iptables, ss)

    /**
     * Delays everything between {@code host} and {@code peer} ({@code null}: every host) by {@code delay}
     * (plus/minus {@code jitter}, normally distributed) in EACH direction: tc netem on the host's ethN and on the
     * bridge end of its veth. Needs sch_netem in the kernel; without it this fails naming the kernel option.
     * {@link #heal(String...)} on {@code host} removes it.
     */
    public void delay(String host, String peer, Duration delay, Duration jitter) {
        LabHost h = host(host);
        List<String> peerAddresses = peer == null ? List.of() : host(peer).addresses();
        List<List<String>> commands = new ArrayList<>();
        for (int i = 0; i < h.addresses().size(); i++) {
            LinkShaping.Device out = new LinkShaping.Device(h.namespace(), "eth" + i);
            LinkShaping.Device in = new LinkShaping.Device(bridgeNamespace, h.name() + "-" + i);
            commands.addAll(peer == null ? LinkShaping.delayAll(out, delay, jitter)
                    : LinkShaping.delayTo(out, "dst", peerAddresses, delay, jitter));
            commands.addAll(peer == null ? LinkShaping.delayAll(in, delay, jitter)
                    : LinkShaping.delayTo(in, "src", peerAddresses, delay, jitter));
        }
        LinkShaping.apply(commands);
        event("delay " + host + " <-> " + (peer == null ? "all" : peer) + " " + delay.toMillis() + "ms"
                + (jitter.isZero() ? "" : " +-" + jitter.toMillis() + "ms") + " each way");
    }

    /**
     * Drops {@code percent}% of the packets {@code host} sends or receives on its links (never loopback),
     * at random: iptables' statistic match, the per-packet loss of netem without needing sch_netem.
     * {@link #heal(String...)} on {@code host} removes it.
     */
    public void loss(String host, int percent) {
        LabHost h = host(host);
        List<String> rule = LinkShaping.lossRule(percent);
        if (!Commands.run(iptablesArgv(h, "-L", LinkShaping.LOSS_CHAIN, "-n")).ok()) {
            iptables(h, "-N", LinkShaping.LOSS_CHAIN);
            iptables(h, "-I", "INPUT", "!", "-i", "lo", "-j", LinkShaping.LOSS_CHAIN);
            iptables(h, "-I", "OUTPUT", "!", "-o", "lo", "-j", LinkShaping.LOSS_CHAIN);
        }
        iptables(h, "-F", LinkShaping.LOSS_CHAIN);
        iptables(h, rule.toArray(String[]::new));
        event("loss " + host + " " + percent + "%");
    }

    /**
     * Kills {@code host}'s established TCP connections to {@code peer} ({@code ss -K} in the host's namespace:
     * the kernel aborts each socket and sends the peer a RST, so both ends see the connection reset). Returns
     * how many sockets were killed; nothing else is changed, so the host may connect again at once.
     */
    public int dropConnections(String host, String peer) {
        LabHost h = host(host);
        int killed = 0;
        for (String addr : host(peer).addresses()) {
            ExecResult r = Commands.run(List.of("ip", "netns", "exec", h.namespace(), "ss", "-K", "-H", "-t",
                    "state", "established", "dst", addr)).requireOk();
            killed += (int) r.stdout().lines().filter(l -> !l.isBlank()).count();
        }
        event("drop connections " + host + " -> " + peer + " (" + killed + " killed)");
        return killed;
    }

    private void clearShaping(LabHost h) {
        Commands.run(iptablesArgv(h, "-F", LinkShaping.LOSS_CHAIN)); // no chain = no loss was set
        for (int i = 0; i < h.addresses().size(); i++) {
            Commands.run(LinkShaping.clear(new LinkShaping.Device(h.namespace(), "eth" + i)));
            Commands.run(LinkShaping.clear(new LinkShaping.Device(bridgeNamespace, h.name() + "-" + i)));
        }
    }

    // ------------------------------------------------------------------ events, diagnostics

    public void event(String what) {
        LabEvent e = LabEvent.now(what);
        events.add(e);
        append(root.resolve("events.log"), e + "\n");
    }

    public List<LabEvent> events() {
        return List.copyOf(events);
    }

    /** The last {@code lines} lines of every log file of every host, plus the event list: for failure reports. */
    public String diagnostics(int lines) {
        StringBuilder sb = new StringBuilder("===== lab " + prefix + " (" + root + ")"
                + (closed ? " [closed]" : "") + "\n");
        events.forEach(e -> sb.append("  ").append(e).append('\n'));
        for (LabHost h : hosts()) {
            try (Stream<Path> files = Files.list(h.logs())) {
                for (Path f : files.sorted().toList()) {
                    sb.append("----- ").append(h.name()).append(": ").append(f.getFileName())
                            .append(" (last ").append(lines).append(" lines)\n")
                            .append(Commands.tail(f, lines)).append('\n');
                }
            } catch (IOException e) {
                sb.append("----- ").append(h.name()).append(": no logs (").append(e.getMessage()).append(")\n");
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ teardown

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // already shutting down (the hook runs teardown itself) or never registered
        }
        teardown();
    }

    private synchronized void teardown() {
        if (closed) {
            return;
        }
        closed = true;
        // qdevice before corosync (it exits when corosync goes anyway), qnetd last, like an orderly shutdown
        List<DaemonProcess> order = new ArrayList<>(daemons);
        order.sort(Comparator.comparingInt(NetnsLab::stopRank));
        for (DaemonProcess d : order) {
            if (d.isAlive()) {
                try {
                    kill(d, "TERM", Duration.ofSeconds(5));
                } catch (RuntimeException e) {
                    d.process().destroyForcibly();
                }
            }
        }
        LabJanitor.removeNamespaces(prefix);
        events.add(LabEvent.now("down"));
        append(root.resolve("events.log"), "down\n");
        // keep logs, drop keys and databases
        for (LabHost h : hosts.values()) {
            for (String sub : List.of("etc", "lib", "run")) {
                deleteTree(h.dir().resolve(sub));
            }
        }
    }

    private static int stopRank(DaemonProcess d) {
        String n = d.name();
        return n.contains("qnetd") ? 2 : n.contains("corosync") ? 1 : 0;
    }

    // ------------------------------------------------------------------ plumbing

    private void createBridges() {
        mkdirs(root.resolve("hosts"));
        ip("netns", "add", bridgeNamespace);
        ip("-n", bridgeNamespace, "link", "set", "lo", "up");
        for (String br : List.of("br0", "br1")) {
            ip("-n", bridgeNamespace, "link", "add", br, "type", "bridge");
            ip("-n", bridgeNamespace, "link", "set", br, "up");
        }
        event("bridges " + bridgeNamespace + " br0=198.18.0.0/16 br1=198.19.0.0/16");
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("lab " + prefix + " is closed");
        }
    }

    private static void ip(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        argv.addAll(List.of(args));
        Commands.run(argv).requireOk();
    }

    private static List<String> iptablesArgv(LabHost h, String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", h.namespace(), "iptables", "-w"));
        argv.addAll(List.of(args));
        return argv;
    }

    private static void iptables(LabHost h, String... args) {
        Commands.run(iptablesArgv(h, args)).requireOk();
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // diagnostics only; never fail a test for them
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover directory under /tmp does no harm
        }
    }
}
