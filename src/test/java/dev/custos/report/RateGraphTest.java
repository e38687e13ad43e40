package dev.custos.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The read-rate graph's time axis reads in round numbers: 0, 1, 2 s, never 0, 0.399, 0.799. */
class RateGraphTest {
  @ParameterizedTest(name = "{0} s -> {1}")
  @CsvSource(delimiter = ';', value = {
      "0.998; 0 0.2 0.4 0.6 0.8 1.0",
      "4.6; 0 1 2 3 4 5",
      "5; 0 1 2 3 4 5",
      "37; 0 10 20 30 40",
      "1234; 0 500 1000 1500",
      "0.05; 0 0.01 0.02 0.03 0.04 0.05"})
  void secondsTicks_roundStepsFromZeroToPastTheEnd(double seconds, String expected) {
    double[] ticks = RateGraph.secondsTicks(seconds);

    List<String> labels = Arrays.stream(ticks).mapToObj(tick -> RateGraph.tickLabel(tick, ticks[1])).toList();

    assertThat(String.join(" ", labels)).isEqualTo(expected);
    assertThat(ticks[ticks.length - 1]).isGreaterThanOrEqualTo(seconds);
  }
}
