package org.quorate.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The daemons' logging set-up, in code rather than logback.xml: one line per event on stdout, starting
 * with the journald priority ({@code <6>}) under systemd or the C daemons' time and level on a terminal
 * (see {@link JournalPriorityConverter}); Netty at WARN, everything else at INFO until {@code -d}.
 *
 * <p>Why code: parsing an XML configuration costs a starting JVM about 0.2 s, and a restarted qnetd
 * should be serving reconnecting nodes as early as it can. An administrator's own file still wins:
 * with {@code -Dlogback.configurationFile=...} this configurator steps aside.
 */
public final class DaemonLogConfigurator extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%prio%msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layoutWithPriorityConverter(context));
        encoder.start();
        ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
        stdout.setContext(context);
        stdout.setName("STDOUT");
        stdout.setEncoder(encoder);
        stdout.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stdout);
        context.getLogger("io.netty").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static PatternLayout layoutWithPriorityConverter(LoggerContext context) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        // registered on this layout only, so no logback-wide registry is touched
        layout.getInstanceConverterMap().put("prio", JournalPriorityConverter::new);
        layout.setPattern(PATTERN);
        layout.start();
        return layout;
    }
}
