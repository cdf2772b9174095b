/**
 * The qnetd decision algorithms (spec §7): test, ffsplit, 2nodelms and lms, as pure, event-driven
 * classes without I/O, threads or clocks.
 *
 * <p>The server core owns one {@link org.quorate.qnetd.algorithm.ClusterState} per cluster name and
 * one {@link org.quorate.qnetd.algorithm.ClientState} per initialised client, and feeds every
 * algorithm-relevant message to {@link org.quorate.qnetd.algorithm.ClusterArbiter}. Each call
 * returns an {@link org.quorate.qnetd.algorithm.Outcome}: the vote (or error) for the reply, the
 * VOTE_INFO messages to push (already numbered) and the algorithm-timer commands to apply.
 */
package org.quorate.qnetd.algorithm;
