/**
 * The contract between the membership layer and the services above it (votequorum first): views and
 * agreed-order messages, and corosync's synchroniser around every new ring. The in-memory group layer of
 * the simulator implements it now; Quorate's own membership protocol must meet the same contract later,
 * so a service is tested once against the simulation and runs unchanged on the real layer.
 *
 * <p>Ordering promises a {@link org.quorate.cluster.group.GroupLayer} makes to every
 * {@link org.quorate.cluster.group.GroupService} (node-and-link spec §4.1, §4.9):
 * <ul>
 *   <li>every member of a view delivers the same messages in the same order, the sender included;</li>
 *   <li>a message multicast in a view is delivered in that view or not at all;</li>
 *   <li>on a new ring the layer calls {@code syncInit} on every member, then {@code syncProcess} until
 *       it returns true, waits until every member of the ring has finished (the barrier), then calls
 *       {@code syncActivate}; a newer ring before activation calls {@code syncAbort} first.</li>
 * </ul>
 */
package org.quorate.cluster.group;
