/**
 * {@code quorate-vqsim}: corosync-vqsim's command language over Quorate's votequorum, seeded random
 * schedules with invariant checks, and the {@link org.quorate.vqsim.ClusterDriver} seam that lets the
 * same scripts run on real corosync in the differential test.
 */
package org.quorate.vqsim;
