/**
 * The seam between the qdevice daemon and the node layer beneath it (corosync's votequorum and
 * cmap, or later Quorate's own): {@link org.quorate.qdevice.backend.QuorumBackend}, its
 * notifications and records, the typed configuration parsed from the node layer's keys, and
 * {@link org.quorate.qdevice.backend.InMemoryQuorumBackend}.
 *
 * <p>The in-memory backend is main code rather than a test fixture because it is a real
 * implementation of the seam with votequorum's rules (ring-id checked polls, device timeout,
 * registration errors), usable by the daemon's tests and by an in-process node layer.
 */
package org.quorate.qdevice.backend;
