/**
 * The datagram seam beneath Quorate's link layer: a bound UDP socket as an interface, so that the same link
 * layer runs over real sockets (Netty, in the node module) and over the seeded simulated network of
 * test-support, under a virtual clock. Nothing here knows about hosts, links or crypto.
 */
package org.quorate.net;
