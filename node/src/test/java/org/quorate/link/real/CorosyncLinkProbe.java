package org.quorate.link.real;

/**
 * Real corosync's side: cut = iptables on {@code link}'s addresses of the two nodes (both ways), disconnected =
 * {@code corosync-cfgtool -s} on {@code observer} lists {@code peer} as "disconnected" (or not at all) under that
 * link.
 */
final class CorosyncLinkProbe extends LabLinkCut {
    CorosyncLinkProbe(RealLinkLab lab, int observer, int peer, int link) {
        super("corosync 3.1.7", lab, observer, peer, link);
    }

    @Override
    public boolean isDisconnected() {
        return !CfgtoolText.connected(lab.cfgtool(observer, "-s"), link, peer);
    }
}
