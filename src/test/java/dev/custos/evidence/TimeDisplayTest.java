package dev.custos.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ExternalTool;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * How a time reads beside its UTC form: the local time, abbreviation and offset in force at that
 * very instant, as GNU {@code date} gives them; UTC alone where a local time would repeat it or
 * nobody recorded a zone; the same text whatever the JVM's locale.
 */
class TimeDisplayTest {
  private static final TimeDisplay BERLIN = TimeDisplay.in(ZoneId.of("Europe/Berlin"));

  @Test
  void workstationZone_posixTzWithSummerTimeTakenAsFixedOffset_unknownNotAnHourOffAllSummer() {
    // glibc: TZ='CET-1CEST,M3.5.0,M10.5.0/3' is Berlin's time, CEST in July; the JVM takes it as GMT+01:00.
    assertThat(TimeDisplay.workstationZone("CET-1CEST,M3.5.0,M10.5.0/3", ZoneId.of("GMT+01:00"))).isEmpty();
    assertThat(TimeDisplay.workstationZone("<+03>-3<+04>,M3.5.0,M10.5.0", ZoneId.of("GMT+03:00"))).isEmpty();
    assertThat(TimeDisplay.workstationZone("Europe/Berlin", ZoneId.of("Europe/Berlin"))).contains(ZoneId.of("Europe/Berlin"));
    assertThat(TimeDisplay.workstationZone("UTC0", ZoneId.of("GMT"))).contains(ZoneId.of("GMT"));
    assertThat(TimeDisplay.workstationZone("<+0530>-5:30", ZoneId.of("GMT+05:30"))).contains(ZoneId.of("GMT+05:30"));
    assertThat(TimeDisplay.workstationZone(null, ZoneId.of("GMT+01:00"))).contains(ZoneId.of("GMT+01:00"));
  }

  @Test
  void of_winterInstantInBerlin_cetPlusOneHour() {
    assertThat(BERLIN.of(Instant.parse("2026-12-02T09:15:30.123Z")))
        .isEqualTo("2026-12-02T09:15:30.123Z = 2026-12-02 10:15:30 CET (+01:00)");
  }

  @Test
  void of_summerInstantInBerlin_cestPlusTwoHours() {
    assertThat(BERLIN.of(Instant.parse("2026-07-02T09:15:30.123Z")))
        .isEqualTo("2026-07-02T09:15:30.123Z = 2026-07-02 11:15:30 CEST (+02:00)");
  }

  /** Around the spring and autumn changes of 2026 (29 March and 25 October, 01:00 UTC), and a local date past UTC's. */
  @ParameterizedTest
  @ValueSource(strings = {"2026-03-29T00:59:59.999Z", "2026-03-29T01:00:00.000Z", "2026-10-25T00:59:59.999Z",
      "2026-10-25T01:00:00.000Z", "2026-12-31T23:30:00.000Z", "2027-01-15T12:00:00.000Z"})
  void local_inBerlin_asGnuDateSaysForThatInstant(String utc) {
    Instant instant = Instant.parse(utc);
    String byDate = ExternalTool.run(List.of("env", "TZ=Europe/Berlin", "date", "-d", "@" + instant.getEpochSecond(),
        "+%Y-%m-%d %H:%M:%S %Z (%:z)")).stdout().strip();

    assertThat(BERLIN.local(instant)).contains(byDate);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Etc/UTC", "GMT", "Z"})
  void of_aZoneThatIsUtc_theUtcTimeAloneNoDuplicate(String zone) {
    TimeDisplay utc = TimeDisplay.in(ZoneId.of(zone));

    assertThat(utc.of(Instant.parse("2026-07-02T09:15:30.123Z"))).isEqualTo("2026-07-02T09:15:30.123Z");
    assertThat(utc.showsLocal()).isFalse();
  }

  @Test
  void of_london_notUtc_showsGmtAndBstByTheSeason() {
    TimeDisplay london = TimeDisplay.in(ZoneId.of("Europe/London"));

    assertThat(london.local(Instant.parse("2026-12-02T09:15:30Z"))).contains("2026-12-02 09:15:30 GMT (+00:00)");
    assertThat(london.local(Instant.parse("2026-07-02T09:15:30Z"))).contains("2026-07-02 10:15:30 BST (+01:00)");
  }

  @Test
  void local_aBareOffsetZone_namesTheOffsetOnce() {
    assertThat(TimeDisplay.in(ZoneId.of("+05:30")).local(Instant.parse("2026-12-02T09:15:30Z")))
        .contains("2026-12-02 14:45:30 (+05:30)");
  }

  @Test
  void recorded_noZoneOrOneThisJavaDoesNotKnow_utcOnlyNoClaim() {
    assertThat(TimeDisplay.recorded(null).of(Instant.parse("2026-12-02T09:15:30.123Z"))).isEqualTo("2026-12-02T09:15:30.123Z");
    assertThat(TimeDisplay.recorded("Mars/Olympus_Mons").showsLocal()).isFalse();
    assertThat(TimeDisplay.recorded("Europe/Berlin")).isEqualTo(BERLIN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"de-DE", "fr-FR", "ar-EG", "th-TH-u-nu-thai", "ja-JP-u-ca-japanese"})
  void of_anyDefaultLocale_sameText(String tag) {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag(tag));
      assertThat(BERLIN.of(Instant.parse("2026-07-02T09:15:30.123Z")))
          .isEqualTo("2026-07-02T09:15:30.123Z = 2026-07-02 11:15:30 CEST (+02:00)");
    } finally {
      Locale.setDefault(before);
    }
  }
}
