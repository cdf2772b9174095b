package org.quorate.daemon;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DaemonLogConfiguratorTest {

    @Test
    void linesLookLikeTheCDaemonsOnATerminalAndNettyIsQuietBelowWarn() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        LoggerContext context = new LoggerContext();
        // a context of our own (not the one SLF4J is bound to) needs the MDC adapter SLF4J would give it
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            // ConsoleAppender takes System.out when it starts
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            DaemonLogConfigurator configurator = new DaemonLogConfigurator();
            configurator.setContext(context);
            assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
            context.getLogger("org.quorate.x").info("QNetd ready");
            context.getLogger("org.quorate.x").debug("not shown at the default level");
            context.getLogger("io.netty.x").info("not shown either");
            context.getLogger("io.netty.x").warn("netty warning");
        } finally {
            System.setOut(original);
            context.stop();
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        if (System.getenv("JOURNAL_STREAM") == null) {
            assertThat(out).matches("[A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d:\\d\\d info    QNetd ready\n"
                    + "[A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d:\\d\\d warning netty warning\n");
        } else {
            assertThat(out).isEqualTo("<6>QNetd ready\n<4>netty warning\n");
        }
    }

    @Test
    void anAdministratorsOwnConfigurationFileTakesOver() {
        LoggerContext context = new LoggerContext();
        String before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "/etc/quorate/logback.xml");
        try {
            DaemonLogConfigurator configurator = new DaemonLogConfigurator();
            configurator.setContext(context);
            assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext())
                    .isFalse();
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
            context.stop();
        }
    }
}
