package org.quorate.deploy.peer;

import org.quorate.deploy.peer.StepResult.Compare;
import org.quorate.testsupport.docker.SystemdHost;
import org.testcontainers.containers.Network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The pcs qdevice flow as an administrator types it, on three fresh systemd hosts of one stack: an
 * arbiter (qnetd package) and two pacemaker/corosync nodes (qdevice package). Every command and every
 * check becomes a {@link StepResult}; the flow never stops at a failed step, so a later difference is
 * still seen. {@link #close()} removes the containers; {@link #journals()} gives their journals.
 */
public final class PcsFlow implements AutoCloseable {
    static final String CLUSTER = "qcluster";
    private static final String PASSWORD = "quorate-test-pw";
    private static final Duration VOTE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SPLIT_TIMEOUT = Duration.ofSeconds(45);
    private static final Pattern QUORATE_YES = Pattern.compile("(?m)^Quorate:\\s+Yes");
    private static final Pattern QUORATE_NO = Pattern.compile("(?m)^Quorate:\\s+No");
    /** corosync-quorumtool -s: a node line with the qdevice flags, and the Qdevice vote line. */
    private static final Pattern DEVICE_VOTE = Pattern.compile("(?m)^\\s+0\\s+1\\s+Qdevice");

    private final Stack stack;
    private final Network network;
    private final SystemdHost arbiter;
    private final SystemdHost n1;
    private final SystemdHost n2;
    private final List<StepResult> steps = new ArrayList<>();

    private PcsFlow(Stack stack) {
        this.stack = stack;
        this.network = Stack.network();
        this.arbiter = SystemdHost.on(network, "arbiter", false);
        this.n1 = SystemdHost.on(network, "n1", true);
        this.n2 = SystemdHost.on(network, "n2", true);
    }

    /** Boots the three hosts, installs the stack's packages and sets hacluster's password everywhere. */
    public static PcsFlow prepare(Stack stack) {
        PcsFlow flow = new PcsFlow(stack);
        try {
            CompletableFuture.allOf(CompletableFuture.runAsync(() -> flow.prepare(flow.arbiter, true)),
                    CompletableFuture.runAsync(() -> flow.prepare(flow.n1, false)),
                    CompletableFuture.runAsync(() -> flow.prepare(flow.n2, false))).join();
        } catch (RuntimeException e) {
            String journals = flow.journals();
            flow.close();
            throw new IllegalStateException(stack + " hosts could not be prepared: " + e.getMessage() + "\n" + journals, e);
        }
        return flow;
    }

    private void prepare(SystemdHost host, boolean isArbiter) {
        host.start();
        if (isArbiter) {
            stack.installQnetd(host);
        } else {
            stack.installQdevice(host);
        }
        host.sh("echo 'hacluster:" + PASSWORD + "' | chpasswd");
        host.exec("systemctl", "is-active", "pcsd");
    }

    /** Runs the whole flow; returns every step in order. */
    public List<StepResult> run() {
        pcs("qdevice setup", arbiter, Compare.EXACT, "qdevice", "setup", "model", "net", "--enable", "--start");
        pcs("host auth", n1, Compare.UNORDERED, "host", "auth", "n1", "n2", "arbiter", "-u", "hacluster", "-p", PASSWORD);
        pcs("cluster setup", n1, Compare.UNORDERED, "cluster", "setup", CLUSTER, "n1", "n2", "transport", "knet",
                "totem", "token=1000", "--start");
        // Without --wait: pcs would wait for pacemaker's election (dc-deadtime), about a minute here, and the
        // device needs corosync only; the vote check below waits for what matters.
        awaitStep("corosync quorate on n1 and n2", VOTE_TIMEOUT, () -> quorum(n1) + quorum(n2),
                out -> count(QUORATE_YES, out) == 2 && count(Pattern.compile("(?m)^Nodes:\\s+2$"), out) == 2);
        pcs("quorum device add", n1, Compare.UNORDERED, "quorum", "device", "add", "model", "net", "host=arbiter",
                "algorithm=ffsplit");
        awaitStep("device vote on n1 and n2", VOTE_TIMEOUT,
                () -> quorum(n1) + quorum(n2),
                out -> count(DEVICE_VOTE, out) == 2 && count(QUORATE_YES, out) == 2);
        pcs("quorum device status --full", n1, Compare.EXACT, "quorum", "device", "status", "--full");
        pcs("qdevice status net --full", arbiter, Compare.EXACT, "qdevice", "status", "net", "--full");
        record("corosync-quorumtool -s (n1)", n1, Compare.EXACT, "corosync-quorumtool", "-s");

        split();
        awaitStep("split: n1 quorate, n2 not", SPLIT_TIMEOUT, () -> "== n1\n" + quorum(n1) + "== n2\n" + quorum(n2),
                out -> splitDecidedForN1(out));
        heal();
        awaitStep("heal: both quorate with the device vote", VOTE_TIMEOUT, () -> quorum(n1) + quorum(n2),
                out -> count(DEVICE_VOTE, out) == 2 && count(QUORATE_YES, out) == 2
                        && count(Pattern.compile("(?m)^Nodes:\\s+2$"), out) == 2);

        pcs("quorum device remove", n1, Compare.UNORDERED, "quorum", "device", "remove");
        record("corosync-quorumtool -s after remove (n1)", n1, Compare.EXACT, "corosync-quorumtool", "-s");
        pcs("qdevice destroy net", arbiter, Compare.EXACT, "qdevice", "destroy", "net");
        pcs("qdevice setup (again)", arbiter, Compare.EXACT, "qdevice", "setup", "model", "net", "--enable", "--start");
        // The daemon's fate after a new setup: pcs writes the new store as root, the daemon runs as
        // coroqnetd (issue #8). The exit code is compared; the daemon's own words are shown, not compared.
        sleep(Duration.ofSeconds(3));
        record("corosync-qnetd active after new setup", arbiter, Compare.EXACT, "systemctl", "is-active",
                "corosync-qnetd");
        record("corosync-qnetd journal after new setup", arbiter, Compare.EXIT_CODE_ONLY, "sh", "-c",
                "journalctl -b --no-pager -o cat -u corosync-qnetd | tail -n 6");
        return List.copyOf(steps);
    }

    /** IP address to alias of this stack's hosts, for {@link OutputNormaliser}. */
    public Map<String, String> addresses() {
        return Map.of(arbiter.ipAddress(), "arbiter", n1.ipAddress(), "n1", n2.ipAddress(), "n2");
    }

    public Stack stack() {
        return stack;
    }

    /** The journals of the three hosts, for a failure message. */
    public String journals() {
        return arbiter.dumpJournal() + "\n" + n1.dumpJournal() + "\n" + n2.dumpJournal();
    }

    @Override
    public void close() {
        for (SystemdHost h : List.of(arbiter, n1, n2)) {
            try {
                h.close();
            } catch (RuntimeException e) {
                System.err.println("closing " + stack + " " + h.alias() + ": " + e);
            }
        }
        network.close();
    }

    static boolean splitDecidedForN1(String out) {
        String[] parts = out.split("== n2\n", 2);
        return parts.length == 2 && QUORATE_YES.matcher(parts[0]).find() && QUORATE_NO.matcher(parts[1]).find()
                && Pattern.compile("(?m)^Nodes:\\s+1$").matcher(parts[0]).find();
    }

    private void split() {
        String a = n1.ipAddress();
        String b = n2.ipAddress();
        n1.sh("iptables -I INPUT -s " + b + " -j DROP && iptables -I OUTPUT -d " + b + " -j DROP");
        n2.sh("iptables -I INPUT -s " + a + " -j DROP && iptables -I OUTPUT -d " + a + " -j DROP");
    }

    private void heal() {
        String a = n1.ipAddress();
        String b = n2.ipAddress();
        n1.sh("iptables -D INPUT -s " + b + " -j DROP && iptables -D OUTPUT -d " + b + " -j DROP");
        n2.sh("iptables -D INPUT -s " + a + " -j DROP && iptables -D OUTPUT -d " + a + " -j DROP");
    }

    private static String quorum(SystemdHost host) {
        return host.tryExec("corosync-quorumtool", "-s").output();
    }

    private void pcs(String step, SystemdHost host, Compare compare, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "pcs";
        System.arraycopy(args, 0, command, 1, args.length);
        record(step, host, compare, command);
    }

    private void record(String step, SystemdHost host, Compare compare, String... command) {
        long t0 = System.nanoTime();
        SystemdHost.Result r = host.tryExec(command);
        steps.add(new StepResult(step, host.alias(), String.join(" ", command), r.exitCode(), r.output(), compare,
                (System.nanoTime() - t0) / 1_000_000));
    }

    private void awaitStep(String step, Duration timeout, java.util.function.Supplier<String> observe,
                           Predicate<String> expected) {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        String last;
        do {
            last = observe.get();
            if (expected.test(last)) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("[%s] %s: seen after %d ms%n", stack, step, ms);
                steps.add(new StepResult(step, "n1+n2", "(check)", 0, last, Compare.EXIT_CODE_ONLY, ms));
                return;
            }
            sleep(Duration.ofMillis(500));
        } while (System.nanoTime() < deadline);
        System.out.printf("[%s] %s: NOT seen in %s%n", stack, step, timeout);
        steps.add(new StepResult(step, "n1+n2", "(check)", 1, last, Compare.EXIT_CODE_ONLY, timeout.toMillis()));
    }

    private static int count(Pattern p, String s) {
        return (int) p.matcher(s).results().count();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
