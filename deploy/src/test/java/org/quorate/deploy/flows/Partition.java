package org.quorate.deploy.flows;

/**
 * Cuts or heals the link between two nodes with iptables inside both (they have NET_ADMIN); their links to
 * every other host (the arbiter) stay up.
 */
final class Partition {
    private Partition() {
    }

    static Outcome cut(FlowHost a, FlowHost b) {
        return both(a, b, "-I");
    }

    static Outcome heal(FlowHost a, FlowHost b) {
        return both(a, b, "-D");
    }

    private static Outcome both(FlowHost a, FlowHost b, String op) {
        Outcome x = a.sh(rules(op, b.ip()));
        Outcome y = b.sh(rules(op, a.ip()));
        int rc = x.exitCode() != 0 ? x.exitCode() : y.exitCode();
        return new Outcome(a.name + "," + b.name, "iptables " + op + " INPUT/OUTPUT between " + a.name + " and "
                + b.name, rc, x.stdout() + y.stdout(), x.stderr() + y.stderr());
    }

    private static String rules(String op, String peer) {
        return "iptables " + op + " INPUT -s " + peer + " -j DROP && iptables " + op + " OUTPUT -d " + peer
                + " -j DROP";
    }
}
