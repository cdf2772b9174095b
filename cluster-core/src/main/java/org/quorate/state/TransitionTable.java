package org.quorate.state;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The allowed predecessors of every state of one enum, after Ratis's {@code LifeCycle}: a state may be entered
 * only from the states listed for it. A state staying what it is counts as a transition too, and is allowed
 * only where it is listed. Immutable once built.
 *
 * <pre>{@code
 * static final TransitionTable<Phase> TABLE = TransitionTable.of(Phase.class)
 *         .allow(Phase.NEW).to(Phase.RUNNING)
 *         .allow(Phase.NEW, Phase.RUNNING).to(Phase.CLOSED)
 *         .build();
 * }</pre>
 */
public final class TransitionTable<S extends Enum<S>> {
    private final Class<S> type;
    private final Map<S, Set<S>> predecessors;

    private TransitionTable(Class<S> type, Map<S, Set<S>> predecessors) {
        this.type = type;
        this.predecessors = predecessors;
    }

    /** Starts a table for the states of {@code type}; nothing is allowed until it is listed. */
    public static <S extends Enum<S>> Builder<S> of(Class<S> type) {
        return new Builder<>(type);
    }

    public boolean allows(S from, S to) {
        return predecessors.get(to).contains(from);
    }

    /** Throws when {@code from -> to} is not in the table; {@code machine} names it in the message. */
    public void validate(String machine, S from, S to, String reason) {
        if (!allows(from, to)) {
            throw new IllegalTransitionException(machine, from, to, reason);
        }
    }

    /** The states {@code to} may be entered from. */
    public Set<S> predecessors(S to) {
        return predecessors.get(to);
    }

    public Class<S> type() {
        return type;
    }

    /** Collects the allowed predecessors, state by state. */
    public static final class Builder<S extends Enum<S>> {
        private final Class<S> type;
        private final Map<S, EnumSet<S>> predecessors;

        private Builder(Class<S> type) {
            this.type = type;
            this.predecessors = new EnumMap<>(type);
            for (S s : type.getEnumConstants()) {
                predecessors.put(s, EnumSet.noneOf(type));
            }
        }

        /** The states the next {@link From#to} may be entered from. */
        @SafeVarargs
        public final From<S> allow(S... from) {
            if (from.length == 0) {
                throw new IllegalArgumentException("allow() needs at least one predecessor");
            }
            return new From<>(this, Arrays.asList(from));
        }

        public TransitionTable<S> build() {
            Map<S, Set<S>> frozen = new EnumMap<>(type);
            predecessors.forEach((to, from) -> frozen.put(to, Set.copyOf(from)));
            return new TransitionTable<>(type, frozen);
        }
    }

    /** Half of an {@code allow(...).to(...)} line. */
    public static final class From<S extends Enum<S>> {
        private final Builder<S> builder;
        private final Iterable<S> from;

        private From(Builder<S> builder, Iterable<S> from) {
            this.builder = builder;
            this.from = from;
        }

        @SafeVarargs
        public final Builder<S> to(S... to) {
            for (S target : to) {
                for (S source : from) {
                    builder.predecessors.get(target).add(source);
                }
            }
            return builder;
        }
    }
}
