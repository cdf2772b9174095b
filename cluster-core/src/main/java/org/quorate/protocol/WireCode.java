package org.quorate.protocol;

/** A protocol constant that has a fixed numeric value on the wire. */
public interface WireCode {
    /** The value exactly as it is encoded on the wire. */
    int code();

    /** Finds the constant of {@code type} whose wire code is {@code code}, or null when there is none. */
    static <E extends Enum<E> & WireCode> E lookup(Class<E> type, int code) {
        for (E e : type.getEnumConstants()) {
            if (e.code() == code) {
                return e;
            }
        }
        return null;
    }
}
