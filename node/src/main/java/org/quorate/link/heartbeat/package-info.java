/**
 * The per-link heartbeat state machine (spec §5.3): pings on every enabled link, pongs counted to bring a
 * link up, corosync's pong timeout with knet's backoff to declare it down, plus Quorate's hysteresis and
 * loss/latency score. Pure: time is an argument, effects go to a {@link org.quorate.link.heartbeat.HeartbeatOutbox}.
 */
package org.quorate.link.heartbeat;
