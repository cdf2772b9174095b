package org.quorate.link.real;

/**
 * Real corosync's side: cut = iptables on {@code link}'s addresses of the two nodes (both ways), disconnected =
 * {@code corosync-cfgtool -s} on {@code observer} lists {@code peer} as "disconnected" (or not at all) under that
 * link.
 */
final class CorosyncLinkProbe implements DetectionProbe {
    private final RealLinkLab lab;
    private final int observer;
    private final int peer;
    private final int link;

    CorosyncLinkProbe(RealLinkLab lab, int observer, int peer, int link) {
        this.lab = lab;
        this.observer = observer;
        this.peer = peer;
        this.link = link;
    }

    @Override
    public String name() {
        return "corosync 3.1.7 " + lab.profile().name().toLowerCase(java.util.Locale.ROOT)
                + " (node " + observer + " sees node " + peer + ", link " + link + ")";
    }

    @Override
    public void cut() {
        lab.cutLink(observer, peer, link);
    }

    @Override
    public void heal() {
        lab.uncutLink(observer, peer, link);
    }

    @Override
    public boolean isDisconnected() {
        return !CfgtoolText.connected(lab.cfgtool(observer, "-s"), link, peer);
    }
}
