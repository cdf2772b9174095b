package org.quorate.votequorum;

/** A configuration votequorum refuses at start-up; the message is corosync's (node-and-link spec §2.2). */
public final class VotequorumConfigException extends RuntimeException {
    public VotequorumConfigException(String message) {
        super(message);
    }
}
