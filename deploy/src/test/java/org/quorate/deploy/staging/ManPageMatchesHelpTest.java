package org.quorate.deploy.staging;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installed man pages (rendered in process-classes into target/man) list exactly the options the
 * packaged programs' {@code --help} prints, in the same order, and the launchers run the main classes the
 * pages were made from. The flags are read here with a pattern of their own, not with {@link HelpText}.
 */
class ManPageMatchesHelpTest {
    private static final Path TARGET = Path.of(System.getProperty("quorate.deploy.target", "target"));
    private static final Path BASEDIR = TARGET.toAbsolutePath().getParent();
    /** A help line that starts an option: a few spaces, then -x or --word; "-4, -6" names two. */
    private static final Pattern HELP_FLAGS = Pattern.compile("^ {1,4}(--?[A-Za-z0-9][\\w-]*(?:, --?[A-Za-z0-9][\\w-]*)*)");
    private static final Pattern MAN_FLAG = Pattern.compile("\\\\fB((?:\\\\-|[^\\\\])+?),?\\\\fR");

    static Stream<Command> commands() {
        return Command.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void theManPageListsTheOptionsOfHelp(Command command) throws Exception {
        Path page = TARGET.resolve("man/" + command.name() + ".8");
        assertThat(page).as("rendered by DebStaging in process-classes").exists();
        String roff = Files.readString(page);
        String help = DebStaging.help(command, packageRoot(command).resolve("usr/share/quorate/" + command.jarName()),
                packageRoot(command).resolve("usr/lib/quorate/" + command.component() + "/native"));

        assertThat(manFlags(roff)).as("%s: OPTIONS of the man page vs --help", command.name())
                .isNotEmpty().containsExactlyElementsOf(helpFlags(help));
        String usage = help.lines().findFirst().orElseThrow();
        String firstOption = usage.substring(usage.indexOf('[')).split(" ")[0];
        assertThat(roff).as("SYNOPSIS carries the usage line").contains(".SH SYNOPSIS")
                .contains(".B " + command.name() + "\n" + firstOption.replace("-", "\\-"));
        assertThat(roff).contains(".SH DESCRIPTION", ".SH FILES", ".SH EXIT STATUS",
                ".SH DIFFERENCES FROM THE C PROGRAM");
        Path gz = packageRoot(command).resolve("usr/share/man/man8/" + command.name() + ".8.gz");
        byte[] packed = Files.readAllBytes(gz);
        assertThat(packed[8]).as("gzip -9 flag in %s", gz).isEqualTo((byte) 2);
        assertThat(new String(new java.util.zip.GZIPInputStream(Files.newInputStream(gz)).readAllBytes()))
                .isEqualTo(roff);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void theLauncherRunsTheClassThePageWasMadeFrom(Command command) throws Exception {
        Path launcher = BASEDIR.resolve("src/deb/" + command.component() + "/bin/" + command.name());
        String script = Files.readString(launcher);
        assertThat(script).as("%s", launcher).contains(" " + command.mainClass() + " \"$@\"")
                .contains("/usr/share/quorate/" + command.jarName());
        if (command.setsProg()) {
            assertThat(script).contains("-Dquorate.prog=" + command.name());
        }
        assertThat(script).as("natives from the package's directory, never unpacked")
                .contains("-Djna.nounpack=true", "/usr/lib/quorate/" + command.component() + "/native/");
    }

    private static Path packageRoot(Command command) {
        return TARGET.resolve("deb/" + command.component());
    }

    static List<String> helpFlags(String help) {
        List<String> flags = new ArrayList<>();
        for (String line : help.split("\n")) {
            Matcher m = HELP_FLAGS.matcher(line);
            if (m.find()) {
                for (String flag : m.group(1).split(", ")) {
                    flags.add(flag);
                }
            }
        }
        return flags;
    }

    static List<String> manFlags(String roff) {
        List<String> flags = new ArrayList<>();
        String[] lines = roff.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].equals(".TP") && lines[i + 1].startsWith("\\fB")) {
                Matcher m = MAN_FLAG.matcher(lines[i + 1]);
                while (m.find()) {
                    flags.add(m.group(1).replace("\\-", "-"));
                }
            }
        }
        return flags;
    }
}
