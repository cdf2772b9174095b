/**
 * corosync.conf, read and written as corosync 3.1.7 and Proxmox's pvecm read and write it.
 *
 * <p>{@link org.quorate.conf.ConfParser} turns a file into a {@link org.quorate.conf.ConfDocument}: the tree
 * (comments and blank lines kept) and the flattened cmap keys with their parse-time types
 * ({@link org.quorate.conf.ConfDocument#cmap()}). {@link org.quorate.conf.CorosyncConfig} gives the typed,
 * validated views (totem with its derived timers, links, nodelist, quorum, logging).
 * {@link org.quorate.conf.ConfWriter} writes an edited document in its dialect's canonical form, atomically.
 * Refusals are {@link org.quorate.conf.ConfException}s naming file, line and key, in corosync's words.
 * See docs/corosync-conf.md.
 */
package org.quorate.conf;
