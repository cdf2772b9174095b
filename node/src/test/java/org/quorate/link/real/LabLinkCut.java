package org.quorate.link.real;

/**
 * What both sides of the detection figure share: the same lab, observer, peer and link, and the same iptables
 * cut of that link's addresses, so that only the observation differs between corosync and Quorate.
 */
abstract class LabLinkCut implements DetectionProbe {
    final RealLinkLab lab;
    final int observer;
    final int peer;
    final int link;
    private final String stack;

    LabLinkCut(String stack, RealLinkLab lab, int observer, int peer, int link) {
        this.stack = stack;
        this.lab = lab;
        this.observer = observer;
        this.peer = peer;
        this.link = link;
    }

    @Override
    public String name() {
        return stack + " " + lab.profile().name().toLowerCase(java.util.Locale.ROOT)
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
}
