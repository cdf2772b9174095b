package org.quorate.link.pmtud;

import org.quorate.state.StateMachine;

/**
 * Datagram packetization-layer PMTU discovery (RFC 8899 style) for one link: it starts at a safe floor and
 * probes upward. Sizes are UDP payload bytes. An MTU change never marks the link down.
 *
 * <p>BASE confirms the floor; SEARCHING probes the ceiling first (most paths carry what the interface does,
 * one probe) and then bisects between the largest answered and the smallest refused size; a size is refused
 * after {@code maxProbes} lost probes, or at once by the kernel's EMSGSIZE. SEARCH_COMPLETE re-confirms the MTU
 * every interval: when that probe is lost {@code maxProbes} times the path became a black hole, and the MTU
 * falls back to the floor while the search starts again. Unlike knet (which bisects down from 65535 and gives
 * up after 30 attempts) nothing here aborts: the search only narrows. Pure: time is an argument, effects go
 * to the {@link PmtuOutbox}.
 */
public final class PmtuDiscovery {
    private final PmtuSettings settings;
    private final int floor;
    private final int configuredCeiling;
    private final long probeTimeoutNanos;
    private final long intervalNanos;
    private final long raiseIntervalNanos;
    private final StateMachine<PmtuState> state;

    private int ceiling;
    private int mtu;
    private int largestGood;
    private int largestNotRefused;
    private boolean triedTop;
    private boolean probing;
    private int probeId;
    private int probeSize;
    private long probeSentAt;
    private int lost;
    private long nextActionAt;
    private long lastRaiseAt;

    /**
     * @param ceiling the largest UDP payload worth probing (from the local interface's MTU), at least the floor
     */
    public PmtuDiscovery(PmtuSettings settings, boolean ipv6, int ceiling, long nowNanos) {
        this.settings = settings;
        this.floor = floor(ipv6);
        if (ceiling < floor) {
            throw new IllegalArgumentException("pmtud ceiling " + ceiling + ": below the " + (ipv6 ? "IPv6" : "IPv4")
                    + " floor of " + floor + " bytes of UDP payload");
        }
        this.configuredCeiling = ceiling;
        this.ceiling = ceiling;
        this.probeTimeoutNanos = settings.probeTimeout().toNanos();
        this.intervalNanos = settings.interval().toNanos();
        this.raiseIntervalNanos = settings.raiseInterval().toNanos();
        this.nextActionAt = nowNanos;
        this.lastRaiseAt = nowNanos;
        PmtuState initial = PmtuState.BASE;
        this.mtu = floor;
        if (settings.fixedMtu() != 0) {
            int payload = settings.fixedMtu() - (ipv6 ? 48 : 28);
            if (payload < floor) {
                throw new IllegalArgumentException("knet_mtu " + settings.fixedMtu() + ": below the "
                        + (ipv6 ? "IPv6 floor of 1280" : "IPv4 floor of 576") + " on-wire bytes");
            }
            this.mtu = payload;
            initial = PmtuState.FIXED;
        }
        this.largestGood = mtu;
        this.largestNotRefused = ceiling;
        this.state = StateMachine.of("pmtud", PmtuState.TABLE, initial);
    }

    public void onTick(long nowNanos, PmtuOutbox out) {
        if (state.is(PmtuState.FIXED)) {
            return;
        }
        if (probing && nowNanos - probeSentAt >= probeTimeoutNanos) {
            probing = false;
            if (++lost >= settings.maxProbes()) {
                refused(nowNanos, lost + " probes of " + probeSize + " bytes lost", out);
                return;
            }
            send(nowNanos, probeSize, out);
            return;
        }
        if (!probing && nowNanos - nextActionAt >= 0) {
            advance(nowNanos, out);
        }
    }

    public void onReply(long nowNanos, int probeId, int size, PmtuOutbox out) {
        if (!probing || probeId != this.probeId || size != probeSize) {
            return; // a stale reply (an earlier attempt) or a forged one: the probe in flight decides
        }
        probing = false;
        lost = 0;
        switch (state.current()) {
            case BASE -> {
                startSearch(nowNanos, "the floor of " + floor + " bytes got through", out);
                advance(nowNanos, out);
            }
            case SEARCHING -> {
                largestGood = size;
                setMtu(size, "probe of " + size + " bytes answered", out);
                advance(nowNanos, out);
            }
            case SEARCH_COMPLETE -> {
                nextActionAt = nowNanos + intervalNanos;
                if (mtu < ceiling && nowNanos - lastRaiseAt >= raiseIntervalNanos) {
                    largestNotRefused = ceiling;
                    triedTop = false;
                    move(PmtuState.SEARCHING, nowNanos, "raise interval: looking above " + mtu + " bytes", out);
                    advance(nowNanos, out);
                }
            }
            default -> {
            }
        }
    }

    /** The kernel refused a send of {@code size} bytes with EMSGSIZE. */
    public void onTooBig(long nowNanos, int size, PmtuOutbox out) {
        if (state.is(PmtuState.FIXED) || size <= floor) {
            return; // a fixed MTU is the operator's word; below the floor there is nowhere to go
        }
        ceiling = Math.min(ceiling, size - 1);
        largestNotRefused = Math.min(largestNotRefused, size - 1);
        if (probing && size == probeSize) {
            probing = false;
            refused(nowNanos, "EMSGSIZE for a probe of " + size + " bytes", out);
        } else if (size <= mtu) {
            probing = false;
            lost = 0;
            largestGood = floor;
            setMtu(floor, "EMSGSIZE for " + size + " bytes, at or below the MTU", out);
            if (!state.is(PmtuState.SEARCHING)) {
                startSearch(nowNanos, "EMSGSIZE for " + size + " bytes", out);
            }
            largestNotRefused = Math.min(largestNotRefused, size - 1);
            triedTop = false;
            advance(nowNanos, out);
        }
    }

    /** Starts again from the floor's search (a host joined, the link came up). */
    public void restart(long nowNanos, String reason, PmtuOutbox out) {
        if (state.is(PmtuState.FIXED)) {
            return;
        }
        probing = false;
        lost = 0;
        ceiling = configuredCeiling;
        largestGood = floor;
        largestNotRefused = ceiling;
        setMtu(floor, reason, out);
        move(PmtuState.BASE, nowNanos, reason, out);
        advance(nowNanos, out);
    }

    /** The largest validated UDP payload; never below the floor. */
    public int mtu() {
        return mtu;
    }

    public PmtuState state() {
        return state.current();
    }

    /** Whether the floor was confirmed (or the MTU is fixed): false in BASE and ERROR. */
    public boolean validated() {
        return !state.is(PmtuState.BASE) && !state.is(PmtuState.ERROR);
    }

    /** The smallest size every path is assumed to carry: 576 - 28 for IPv4, 1280 - 48 for IPv6. */
    public static int floor(boolean ipv6) {
        return ipv6 ? 1280 - 48 : 576 - 28;
    }

    private void advance(long nowNanos, PmtuOutbox out) {
        switch (state.current()) {
            case BASE -> send(nowNanos, floor, out);
            case ERROR -> {
                move(PmtuState.BASE, nowNanos, "retrying the floor after " + settings.interval().toSeconds() + " s", out);
                send(nowNanos, floor, out);
            }
            case SEARCHING -> {
                if (largestNotRefused - largestGood < settings.searchResolution()) {
                    move(PmtuState.SEARCH_COMPLETE, nowNanos, "MTU " + mtu + " bytes: " + largestGood + " answered, "
                            + (largestNotRefused + 1) + " refused", out);
                    nextActionAt = nowNanos + intervalNanos;
                    lastRaiseAt = nowNanos;
                    return;
                }
                int candidate = triedTop ? largestGood + (largestNotRefused - largestGood + 1) / 2 : largestNotRefused;
                triedTop = true;
                send(nowNanos, candidate, out);
            }
            case SEARCH_COMPLETE -> send(nowNanos, mtu, out);
            default -> {
            }
        }
    }

    private void refused(long nowNanos, String why, PmtuOutbox out) {
        int size = probeSize;
        lost = 0;
        switch (state.current()) {
            case BASE -> {
                move(PmtuState.ERROR, nowNanos, why + ": not even the floor gets through", out);
                nextActionAt = nowNanos + intervalNanos;
            }
            case SEARCHING -> {
                largestNotRefused = Math.min(largestNotRefused, size - 1);
                advance(nowNanos, out);
            }
            case SEARCH_COMPLETE -> {
                largestNotRefused = size - 1;
                largestGood = floor;
                setMtu(floor, why + ": black hole, back to the floor", out);
                move(PmtuState.BASE, nowNanos, why + ": black hole", out);
                advance(nowNanos, out);
            }
            default -> {
            }
        }
    }

    private void startSearch(long nowNanos, String reason, PmtuOutbox out) {
        triedTop = false;
        move(PmtuState.SEARCHING, nowNanos, reason, out);
    }

    private void send(long nowNanos, int size, PmtuOutbox out) {
        probing = true;
        probeSize = size;
        probeSentAt = nowNanos;
        probeId++;
        out.sendProbe(size, probeId);
    }

    private void setMtu(int to, String reason, PmtuOutbox out) {
        int from = mtu;
        mtu = Math.max(floor, to);
        if (from != mtu) {
            out.mtuChanged(from, mtu, reason);
        }
    }

    private void move(PmtuState to, long nowNanos, String reason, PmtuOutbox out) {
        PmtuState from = state.current();
        state.moveTo(to, reason, nowNanos);
        out.stateChanged(from, to, reason);
    }
}
