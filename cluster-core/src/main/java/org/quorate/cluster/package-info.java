/**
 * Cluster vocabulary shared by every layer: node ids, ring ids and votequorum node states. It
 * depends on nothing else in Quorate, so the QNet codec ({@code org.quorate.protocol}), qdevice's
 * backend and the coming node layer (votequorum, membership) can all use it without depending on
 * each other.
 */
package org.quorate.cluster;
