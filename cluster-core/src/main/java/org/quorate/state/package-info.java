/**
 * Enum state machines that cannot take a wrong turn: a {@link org.quorate.state.TransitionTable} of allowed
 * predecessors, a {@link org.quorate.state.StateMachine} through which every change passes with its reason and
 * time, and each change returned as a {@link org.quorate.state.Transition}. Pure: no logger, no clock, no
 * threads, so algorithms (and later votequorum, membership and links) can use it.
 */
package org.quorate.state;
