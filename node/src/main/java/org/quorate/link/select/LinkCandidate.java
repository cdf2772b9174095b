package org.quorate.link.select;

/**
 * One link of one host as the selector sees it.
 *
 * @param connected      declared up, with a valid MTU: the host is reachable through it
 * @param carriesTraffic connected and answering in time; links that do not are used only when no link does
 */
public record LinkCandidate(int linkId, int priority, boolean connected, boolean carriesTraffic) {
}
