/**
 * Heuristics of the qdevice daemon (qnet spec §9): {@link org.quorate.qdevice.heuristics.HeuristicsExecutor}
 * runs the {@code quorum.device.heuristics.exec_*} commands off the event loop with hard timeouts that kill
 * whole process trees, and {@link org.quorate.qdevice.heuristics.RegularHeuristicsSchedule} repeats them in
 * mode {@code on}.
 */
package org.quorate.qdevice.heuristics;
