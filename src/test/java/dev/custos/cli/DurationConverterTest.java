package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** --rescue-time-limit as examiners write it, and one clear line, exit 2, for what is not a duration. */
class DurationConverterTest {
  private final DurationConverter converter = new DurationConverter();

  @TempDir Path temp;

  @Test
  void convert_shortAndIsoForms() {
    assertThat(converter.convert("45s")).isEqualTo(Duration.ofSeconds(45));
    assertThat(converter.convert("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(converter.convert("2H")).isEqualTo(Duration.ofHours(2));
    assertThat(converter.convert("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void convert_notADuration_refusedWithExamples() {
    assertThatThrownBy(() -> converter.convert("soon")).isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("examples: 45s, 30m, 2h");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "soon", "999999999999h"})
  void image_rescueTimeLimitOutOfRange_exit2WithOneLine_nothingWritten(String limit) throws Exception {
    Path out = temp.resolve("ev");
    Cli.Run run = Cli.run("acquire", "image", Files.createFile(temp.resolve("source.img")).toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned", "--rescue-time-limit", limit);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
  }
}
