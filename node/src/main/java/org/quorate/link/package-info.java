/**
 * Quorate's link layer, in the model of kronosnet (spec node-and-link.md §5): each pair of hosts talks over up
 * to 8 redundant UDP links, heartbeats decide which links are up, a policy picks the links for each packet,
 * and every packet is sealed with an AEAD key derived from the cluster's authkey. The membership layer sees
 * only {@link org.quorate.link.LinkLayer}: hosts, messages and reachability. A dead link is hidden below it.
 *
 * <p>Sub-packages by concept: {@code config} (what to build from corosync.conf), {@code wire} (packet format
 * and the bounded decoder), {@code crypto}, {@code heartbeat} (the per-link state machine), {@code select}
 * (passive/active/rr), {@code pmtud}, {@code data} (fragments, reassembly, duplicates), {@code status}
 * (counters, corosync-cfgtool text, JSON), {@code engine} (the layer itself, on a scheduler and a
 * {@link org.quorate.net.DatagramTransport}), {@code transport} (Netty UDP), {@code keygen}, {@code tool}.
 */
package org.quorate.link;
