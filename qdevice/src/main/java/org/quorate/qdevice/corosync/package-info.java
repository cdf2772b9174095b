/**
 * {@link org.quorate.qdevice.corosync.CorosyncQuorumBackend}: the seam implemented on a running
 * corosync 3 through JNA bindings of {@code libvotequorum.so.8} and {@code libcmap.so.4}, with one
 * dispatch thread polling both IPC fds.
 */
package org.quorate.qdevice.corosync;
