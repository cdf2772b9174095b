package org.quorate.protocol;

/** The 18 QNet message types (spec §3.1). The display names are those the C daemons log. */
public enum MessageType implements WireCode {
    PREINIT(0, "Preinit", Direction.CLIENT_TO_SERVER),
    PREINIT_REPLY(1, "Preinit reply", Direction.SERVER_TO_CLIENT),
    STARTTLS(2, "StartTLS", Direction.CLIENT_TO_SERVER),
    INIT(3, "Init", Direction.CLIENT_TO_SERVER),
    INIT_REPLY(4, "Init reply", Direction.SERVER_TO_CLIENT),
    SERVER_ERROR(5, "Server error", Direction.SERVER_TO_CLIENT),
    SET_OPTION(6, "Set option", Direction.CLIENT_TO_SERVER),
    SET_OPTION_REPLY(7, "Set option reply", Direction.SERVER_TO_CLIENT),
    ECHO_REQUEST(8, "Echo request", Direction.CLIENT_TO_SERVER),
    ECHO_REPLY(9, "Echo reply", Direction.SERVER_TO_CLIENT),
    NODE_LIST(10, "Node list", Direction.CLIENT_TO_SERVER),
    NODE_LIST_REPLY(11, "Node list reply", Direction.SERVER_TO_CLIENT),
    ASK_FOR_VOTE(12, "Ask for vote", Direction.CLIENT_TO_SERVER),
    ASK_FOR_VOTE_REPLY(13, "Ask for vote reply", Direction.SERVER_TO_CLIENT),
    VOTE_INFO(14, "Vote info", Direction.SERVER_TO_CLIENT),
    VOTE_INFO_REPLY(15, "Vote info reply", Direction.CLIENT_TO_SERVER),
    HEURISTICS_CHANGE(16, "Heuristics change", Direction.CLIENT_TO_SERVER),
    HEURISTICS_CHANGE_REPLY(17, "Heuristics change reply", Direction.SERVER_TO_CLIENT);

    /** Who sends a message type. */
    public enum Direction { CLIENT_TO_SERVER, SERVER_TO_CLIENT }

    private static final MessageType[] BY_CODE = values();

    private final int code;
    private final String displayName;
    private final Direction direction;

    MessageType(int code, String displayName, Direction direction) {
        this.code = code;
        this.displayName = displayName;
        this.direction = direction;
    }

    @Override
    public int code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public Direction direction() {
        return direction;
    }

    /** The type for a wire code, or null for a code outside 0..17 (the reader then skips the body). */
    public static MessageType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
