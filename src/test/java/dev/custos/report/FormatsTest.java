package dev.custos.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {
  @Test
  void hexGroups_md5_fourGroupsOfEight() {
    assertThat(Formats.hexGroups("a849b99b9c1b133ebcff3e20c7834f94", 8)).isEqualTo("a849b99b 9c1b133e bcff3e20 c7834f94");
  }

  @Test
  void hexGroups_sha512_twoLinesOfEightGroups() {
    String hex = "0123456789abcdef".repeat(8);

    assertThat(Formats.hexGroups(hex, 8).split("\n")).hasSize(2)
        .allSatisfy(line -> assertThat(line.split(" ")).hasSize(8).allSatisfy(group -> assertThat(group).hasSize(8)));
  }

  @Test
  void bytes_exactThenDecimalUnits() {
    assertThat(Formats.bytes(1_474_560)).isEqualTo("1474560 bytes (1.47 MB)");
    assertThat(Formats.bytes(1)).isEqualTo("1 byte");
    assertThat(Formats.bytes(999)).isEqualTo("999 bytes");
  }

  @Test
  void duration_secondsMinutesHours() {
    assertThat(Formats.duration(76)).isEqualTo("0.076 s");
    assertThat(Formats.duration(3_723_400)).isEqualTo("1 h 02 min 03.400 s");
  }

  @Test
  void rateGraph_niceCeiling_oneTwoFive() {
    assertThat(RateGraph.niceCeiling(25.4)).isEqualTo(50);
    assertThat(RateGraph.niceCeiling(0)).isEqualTo(1);
    assertThat(RateGraph.niceCeiling(120)).isEqualTo(200);
  }

  @Test
  void sectorMap_tickStep_thinsDenseBoundaries() {
    assertThat(SectorMap.tickStep(2880, 0, 480)).isZero();
    assertThat(SectorMap.tickStep(1_000, 100, 480)).isEqualTo(100);
    assertThat(SectorMap.tickStep(1_000_000, 10, 480)).isEqualTo(6250); // every 625th boundary: 160 ticks, 3 points apart
  }
}
