package org.quorate.votequorum.status;

/**
 * corosync-quorumtool's display options.
 *
 * @param hexIds {@code -H}: node ids as {@code 0x%08x}
 * @param numeric {@code -i}: addresses instead of names
 * @param allAddresses {@code -a}: every address of a node
 * @param machineParsable {@code -p}: always the Qdevice column
 * @param order {@code -o}
 */
public record QuorumToolOptions(boolean hexIds, boolean numeric, boolean allAddresses, boolean machineParsable,
        Order order) {
    /** {@code -o a|n|i}; {@code a} (the default) keeps the order the quorum service delivers. */
    public enum Order { ADDRESS, NAME, NODEID }

    public static final QuorumToolOptions DEFAULT = new QuorumToolOptions(false, false, false, false, Order.ADDRESS);
    /** What {@code pvecm status} runs: {@code corosync-quorumtool -siH}. */
    public static final QuorumToolOptions PVECM_STATUS = new QuorumToolOptions(true, true, false, false, Order.ADDRESS);
}
