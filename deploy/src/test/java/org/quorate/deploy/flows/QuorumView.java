package org.quorate.deploy.flows;

import org.quorate.testsupport.lab.QuorumMember;
import org.quorate.testsupport.lab.QuorumStatus;

import java.time.Duration;
import java.util.function.Predicate;

/** What {@code corosync-quorumtool -s} says on a node, without the parts that change from run to run. */
final class QuorumView {
    private QuorumView() {
    }

    static QuorumStatus of(FlowHost node) {
        Outcome o = node.sh("corosync-quorumtool -s");
        return QuorumStatus.parse(o.stdout() + o.stderr());
    }

    /** "quorate=Yes votes=3/3 flags=Quorate,Qdevice members=1:A,V,NMW 2:A,V,NMW qdevice=1" */
    static String summary(QuorumStatus s) {
        if (!s.available()) {
            return "unavailable: " + s.error();
        }
        StringBuilder sb = new StringBuilder("quorate=" + (s.quorate() ? "Yes" : "No") + " votes=" + s.totalVotes()
                + "/" + s.expectedVotes() + " flags=" + String.join(",", s.flags()) + " members=");
        for (QuorumMember m : s.members()) {
            sb.append(m.nodeId()).append(':').append(m.qdeviceFlags().isEmpty() ? "-" : m.qdeviceFlags()).append(' ');
        }
        sb.append("qdevice=").append(s.qdeviceVotes() == null ? "-" : s.qdeviceVotes());
        return sb.toString();
    }

    /**
     * Polls {@code node} until {@code wanted} holds or {@code timeout} passes and records a check step with the
     * last summary. A state that never came stops the flow (every later step depends on it): this throws.
     */
    static void await(FlowRun run, String step, FlowHost node, Duration timeout, Predicate<QuorumStatus> wanted) {
        if (!check(run, step, node, timeout, wanted)) {
            throw new AssertionError(run.stack.label + " flow stopped at '" + step + "': " + summary(of(node)));
        }
    }

    /**
     * Like {@link #await}, but only the verdict is compared between the stacks, not the summary: for a state that
     * both must reach while a documented difference in how they reach it shows in the summary.
     */
    static void awaitVerdict(FlowRun run, String step, FlowHost node, Duration timeout,
            Predicate<QuorumStatus> wanted) {
        QuorumStatus s = poll(node, timeout, wanted, step);
        boolean ok = wanted.test(s);
        run.recordExit(step, new Outcome(node.name, "(check) " + step, ok ? 0 : 1, summary(s), ""));
        if (!ok) {
            throw new AssertionError(run.stack.label + " flow stopped at '" + step + "': " + summary(s));
        }
    }

    /**
     * Like {@link #await} but the flow goes on when the state does not come (the check step fails), so that the
     * later steps are still compared; whether it came is returned.
     */
    static boolean check(FlowRun run, String step, FlowHost node, Duration timeout, Predicate<QuorumStatus> wanted) {
        QuorumStatus s = poll(node, timeout, wanted, step);
        boolean ok = wanted.test(s);
        run.check(step, node.name, ok, summary(s));
        return ok;
    }

    /** The node's status once {@code wanted} holds, or the last one seen when {@code timeout} has passed. */
    private static QuorumStatus poll(FlowHost node, Duration timeout, Predicate<QuorumStatus> wanted, String step) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            QuorumStatus s = of(node);
            if (wanted.test(s) || System.nanoTime() > deadline) {
                return s;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + step, e);
            }
        }
    }

    /**
     * Waits until {@code corosync-qdevice-tool -sv} on {@code node} shows an echo reply and records a check step.
     * Both daemons print "Echo reply received" only after the first heartbeat answer (one HB interval, 8 s,
     * after connecting), so a status taken right after the vote came would depend on how fast the daemon started.
     */
    static boolean awaitEchoReply(FlowRun run, FlowHost node, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Outcome o;
        boolean seen;
        while (true) {
            o = node.sh("corosync-qdevice-tool -sv | grep -E '^(State|Echo reply received):'");
            seen = o.stdout().contains("Echo reply received:");
            if (seen || System.nanoTime() > deadline) {
                break;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for an echo reply on " + node, e);
            }
        }
        run.check("qdevice echo reply received (" + node.name + ")", node.name, seen,
                seen ? "Echo reply received" : o.stdout().strip());
        return seen;
    }
}
