package org.quorate.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.quorate.state.StateMachine;
import org.quorate.state.Strictness;
import org.quorate.state.TransitionTable;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class TransitionLogTest {
    enum Phase { NEW, RUNNING, DONE }

    private static final TransitionTable<Phase> TABLE = TransitionTable.of(Phase.class)
            .allow(Phase.NEW).to(Phase.RUNNING)
            .allow(Phase.RUNNING).to(Phase.DONE)
            .build();

    @Test
    void logsEachTransitionWithItsReasonAndCountsThemAcrossMachines() {
        Logger logger = (Logger) LoggerFactory.getLogger("transition-log-test");
        logger.setLevel(Level.DEBUG);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        TransitionLog<Phase> log = new TransitionLog<>(logger, Phase.class);

        new StateMachine<>("a", TABLE, Phase.NEW, Strictness.LENIENT, log.observer("Job a")).moveTo(Phase.RUNNING, "started", 1);
        StateMachine<Phase> b = new StateMachine<>("b", TABLE, Phase.NEW, Strictness.LENIENT, log.observer("Job b"));
        b.moveTo(Phase.RUNNING, "started", 2);
        b.moveTo(Phase.NEW, "rewound", 3);

        assertThat(appender.list).extracting(e -> e.getLevel() + " " + e.getFormattedMessage()).containsExactly(
                "DEBUG Job a: state NEW -> RUNNING (started)",
                "DEBUG Job b: state NEW -> RUNNING (started)",
                "ERROR Job b: state RUNNING -> NEW is not allowed (a bug; reason given: rewound)");
        assertThat(log.count(Phase.NEW, Phase.RUNNING)).isEqualTo(2);
        assertThat(log.count(Phase.RUNNING, Phase.NEW)).isEqualTo(1);
        assertThat(log.count(Phase.RUNNING, Phase.DONE)).isZero();
        logger.detachAppender(appender);
    }
}
