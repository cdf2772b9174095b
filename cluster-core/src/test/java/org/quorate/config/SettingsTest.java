package org.quorate.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {
    enum Mode { FAST, SAFE }

    static final Setting<Integer> BACKLOG = Setting.builder("backlog", SettingTypes.integer(1, 100))
            .defaultValue(10).doc("listen backlog").build();
    static final Setting<Duration> TOKEN = Setting.builder("token", SettingTypes.millis(10, SettingTypes.UINT32_MAX))
            .defaultValue(Duration.ofSeconds(3)).doc("token timeout").build();
    static final Setting<Duration> TOKEN_MAX = Setting.builder("token_max", SettingTypes.millis(10, 60_000))
            .defaultValue(Duration.ofSeconds(30)).doc("longest token timeout").build();
    static final Setting<Boolean> SECAUTH = Setting.builder("secauth", SettingTypes.bool()).defaultValue(true)
            .doc("authenticate packets").build();
    static final Setting<Mode> MODE = Setting.builder("mode", SettingTypes.oneOf(Map.of("fast", Mode.FAST, "safe", Mode.SAFE)))
            .defaultValue(Mode.SAFE).doc("mode").build();
    static final Setting<Path> DIR = Setting.builder("dir", SettingTypes.path()).defaultValue(Path.of("/var/lib/x"))
            .doc("state directory").build();
    static final Setting<String> NAME = Setting.builder("name", SettingTypes.string()).doc("cluster name").build();
    static final Setting<Long> BIG = Setting.builder("big", SettingTypes.longInteger(0, Long.MAX_VALUE)).defaultValue(0L)
            .doc("a long").build();
    static final Setting<String> OLD = Setting.builder("old", SettingType.of("string", "any", v -> v, v -> v))
            .defaultValue("").support(Support.DEPRECATED).doc("gone").build();

    static final SettingsSchema SCHEMA = SettingsSchema.builder("test -S")
            .add(BACKLOG, TOKEN, TOKEN_MAX, SECAUTH, MODE, DIR, NAME, BIG, OLD)
            .crossCheck(s -> s.get(TOKEN).compareTo(s.get(TOKEN_MAX)) > 0
                    ? Optional.of("token must not exceed token_max") : Optional.empty())
            .build();

    @Test
    void unsetSettingsHoldTheirDefaults() {
        Settings s = SCHEMA.defaults();
        assertThat(s.get(BACKLOG)).isEqualTo(10);
        assertThat(s.get(TOKEN)).isEqualTo(Duration.ofMillis(3000));
        assertThat(s.get(SECAUTH)).isTrue();
        assertThat(s.get(MODE)).isEqualTo(Mode.SAFE);
        assertThat(s.get(DIR)).isEqualTo(Path.of("/var/lib/x"));
        assertThat(s.get(NAME)).isNull();
        assertThat(s.isGiven(BACKLOG)).isFalse();
    }

    @Test
    void valuesAreParsedByNameInAnyCaseAndTyped() throws SettingsException {
        Settings.Builder b = SCHEMA.newSettings();
        assertThat(b.applyAll("BACKLOG=50,token=60000,token_max=60000,secauth=NO,mode=Fast,dir=/tmp/d,name=c1,big=9000000000"))
                .isEmpty();
        Settings s = b.build();
        assertThat(s.get(BACKLOG)).isEqualTo(50);
        assertThat(s.get(TOKEN)).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.get(SECAUTH)).isFalse();
        assertThat(s.get(MODE)).isEqualTo(Mode.FAST);
        assertThat(s.get(DIR)).isEqualTo(Path.of("/tmp/d"));
        assertThat(s.get(NAME)).isEqualTo("c1");
        assertThat(s.get(BIG)).isEqualTo(9_000_000_000L);
        assertThat(s.isGiven(BACKLOG)).isTrue();
    }

    @Test
    void theCBooleanSpellingsAreAccepted() throws SettingsException {
        for (String on : List.of("on", "YES", "1")) {
            assertThat(SCHEMA.newSettings().applyAll("secauth=" + on)).isEmpty();
            Settings.Builder b = SCHEMA.newSettings();
            b.applyAll("secauth=off");
            b.applyAll("secauth=" + on);
            assertThat(b.build().get(SECAUTH)).as(on).isTrue();
        }
        for (String off : List.of("off", "No", "0")) {
            Settings.Builder b = SCHEMA.newSettings();
            b.applyAll("secauth=" + off);
            assertThat(b.build().get(SECAUTH)).as(off).isFalse();
        }
        assertThatThrownBy(() -> SCHEMA.newSettings().applyAll("secauth=true"))
                .isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void outOfRangeAndMistypedValuesNameTheSettingAndSayWhy() throws SettingsException {
        assertThatThrownBy(() -> SCHEMA.newSettings().applyAll("backlog=0"))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.setting()).isSameAs(BACKLOG);
                    assertThat(e.reason()).isEqualTo("must be in 1..100, got 0");
                })
                .hasMessage("Invalid value '0' for option 'backlog'");
        assertThatThrownBy(() -> SCHEMA.newSettings().applyAll("Token=3s"))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.reason()).isEqualTo("expected a decimal integer in 10..4294967295"))
                .hasMessage("Invalid value '3s' for option 'token'");
        assertThat(SCHEMA.newSettings().applyAll("token=4294967295")).isEmpty(); // UINT32_MAX parses
        assertThatThrownBy(() -> SCHEMA.newSettings().applyAll("token=4294967296"))
                .hasMessage("Invalid value '4294967296' for option 'token'");
        assertThatThrownBy(() -> SCHEMA.newSettings().applyAll("mode=slow"))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.reason()).contains("fast", "safe"))
                .hasMessage("Invalid value 'slow' for option 'mode'");
        assertThatThrownBy(() -> SCHEMA.newSettings().applyAll("name="))
                .hasMessage("Invalid value '' for option 'name'");
        assertThatThrownBy(() -> SCHEMA.newSettings().set(BACKLOG, 101))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("backlog: must be in 1..100, got 101");
    }

    @Test
    void unknownNamesAreRejectedOrWarnedAboutAsTheSchemaSays() throws SettingsException {
        assertThatThrownBy(() -> SCHEMA.newSettings().applyAll("backlog=5,bogus=1"))
                .isExactlyInstanceOf(SettingsException.class).hasMessage("Unknown option 'bogus'");
        SettingsSchema lenient = SettingsSchema.builder("lenient").add(BACKLOG)
                .unknownNames(SettingsSchema.UnknownNames.WARN).build();
        Settings.Builder b = lenient.newSettings();
        assertThat(b.applyAll("bogus=1,backlog=5")).containsExactly("Unknown option 'bogus' ignored");
        assertThat(b.build().get(BACKLOG)).isEqualTo(5);
    }

    @Test
    void deprecatedSettingsAreAcceptedWithTheCWarning() throws SettingsException {
        assertThat(SCHEMA.newSettings().applyAll("old=7"))
                .containsExactly("Option 'old' is deprecated and has no effect anymore");
    }

    @Test
    void crossChecksRunOnceWhenBuilt() throws SettingsException {
        Settings.Builder b = SCHEMA.newSettings();
        b.applyAll("token=40000"); // above token_max only until token_max is raised: checked at build time
        b.applyAll("token_max=50000");
        assertThat(b.build().get(TOKEN)).isEqualTo(Duration.ofSeconds(40));
        Settings.Builder bad = SCHEMA.newSettings();
        bad.applyAll("token=40000");
        assertThatThrownBy(bad::build).isExactlyInstanceOf(SettingsException.class)
                .hasMessage("token must not exceed token_max");
    }

    @Test
    void aSettingOfAnotherSchemaIsRefused() {
        Setting<Integer> other = Setting.builder("other", SettingTypes.integer(0, 1)).defaultValue(0).doc("x").build();
        assertThatThrownBy(() -> SCHEMA.defaults().get(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("other is not a setting of test -S");
    }

    @Test
    void declarationsAreCheckedWhenMade() {
        assertThatThrownBy(() -> Setting.builder("x", SettingTypes.integer(1, 5)).defaultValue(9).doc("x").build())
                .hasMessage("x: must be in 1..5, got 9");
        assertThatThrownBy(() -> Setting.builder("Upper", SettingTypes.bool()))
                .hasMessageContaining("lower case");
        assertThatThrownBy(() -> Setting.builder("nodoc", SettingTypes.bool()).build())
                .hasMessageContaining("needs a doc line");
        assertThatThrownBy(() -> SettingsSchema.builder("dup").add(BACKLOG, BACKLOG))
                .hasMessage("dup: setting backlog declared twice");
    }

    @Test
    void theTableListsEverySettingWithTypeDefaultRangeAndDoc() {
        String table = SettingsTable.markdown(SCHEMA);
        assertThat(table.lines()).hasSize(2 + SCHEMA.settings().size());
        assertThat(table).contains("| `token` | duration (ms) | 3000 | 10..4294967295 | yes | token timeout |")
                .contains("| `secauth` | boolean | on | on/yes/1, off/no/0 | yes | authenticate packets |")
                .contains("| `name` | string | (unset) | non-empty | yes | cluster name |")
                .contains("| `old` | string | (unset) | any | deprecated, no effect | gone |");
    }

    @Test
    void aGeneratedSectionIsReplacedBetweenItsMarkers() {
        String doc = "intro\n<!-- BEGIN settings t -->\nold\n<!-- END settings t -->\noutro\n";
        assertThat(SettingsTable.replaceSection(doc, "t", "new\n"))
                .isEqualTo("intro\n<!-- BEGIN settings t -->\nnew\n<!-- END settings t -->\noutro\n");
        assertThatThrownBy(() -> SettingsTable.replaceSection(doc, "u", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
