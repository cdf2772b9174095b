package org.quorate.link.heartbeat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.quorate.testsupport.arch.PurityRules;

/** The heartbeat, the selector and PMTU discovery are pure: state and events in, effects out. */
@AnalyzeClasses(packages = {"org.quorate.link.heartbeat", "org.quorate.link.select", "org.quorate.link.pmtud"},
        importOptions = {ImportOption.DoNotIncludeTests.class, PurityRules.MainCodeOnly.class})
class LinkHeartbeatPurityTest {
    static final String[] PURE = {"org.quorate.link.heartbeat..", "org.quorate.link.select..", "org.quorate.link.pmtud.."};

    @ArchTest
    static final ArchRule noIoThreadsOrLogging = PurityRules.noIoThreadsOrLogging(PURE);

    @ArchTest
    static final ArchRule timeOnlyAsAnArgument = PurityRules.timeOnlyFromTheClock(PURE);
}
