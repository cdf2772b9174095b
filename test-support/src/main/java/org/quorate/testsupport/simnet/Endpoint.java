package org.quorate.testsupport.simnet;

/**
 * One network attachment: a host and one of its links (knet gives a host pair up to 8 links, so a host
 * has one endpoint per link it uses). Datagrams travel between endpoints, never between hosts.
 */
public record Endpoint(int hostId, int linkId) {
    public Endpoint {
        if (hostId < 0 || linkId < 0) {
            throw new IllegalArgumentException("endpoint host " + hostId + " link " + linkId + ": ids must be >= 0");
        }
    }

    public static Endpoint of(int hostId, int linkId) {
        return new Endpoint(hostId, linkId);
    }

    @Override
    public String toString() {
        return hostId + "/" + linkId;
    }
}
