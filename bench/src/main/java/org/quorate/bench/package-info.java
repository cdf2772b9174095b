/**
 * Quorate's benchmarks: the load generator ({@link org.quorate.bench.LoadGenerator}) that holds thousands of
 * simulated qdevice nodes against Quorate's and the C qnetd, and JMH benchmarks of the QNet codec. Neither is
 * part of the test suite; bench/run-loadgen.sh and bench/run-jmh.sh run them.
 */
package org.quorate.bench;
