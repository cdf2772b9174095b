/**
 * The link layer itself: {@link org.quorate.link.engine.LinkEngine} wires the pure parts (codec, heartbeat,
 * selector, PMTU discovery, reassembly, dedup, stats) to a {@link org.quorate.net.DatagramTransport} and a
 * {@link org.quorate.time.Scheduler}. Everything runs on the scheduler's one thread: the transport delivers
 * there, the tick runs there, and the membership layer calls in there, so nothing here takes a lock.
 */
package org.quorate.link.engine;
