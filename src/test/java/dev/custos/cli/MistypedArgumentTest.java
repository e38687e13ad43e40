package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A mistyped command or option: one line naming the nearest valid ones, exit 2, nothing written. */
class MistypedArgumentTest {
  @TempDir Path temp;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "acquire, imgae, image",
      "acquire, devcies, devices",
      "acquire, resum, resume",
      "report, verfy, verify",
      "report, custdy, custody"})
  void command_mistypedSubcommand_suggestsTheNearest(String command, String typed, String nearest) {
    Cli.Run run = Cli.run(command, typed, temp.resolve("evidence").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(command + ": no command '" + typed + "'; did you mean '" + nearest + "'? (see --help)"
        + System.lineSeparator());
    assertThat(run.out()).isEmpty();
    assertThat(temp.resolve("evidence")).doesNotExist();
  }

  @Test
  void acquire_unrelatedSubcommand_suggestsNothing() {
    Cli.Run run = Cli.run("acquire", "xyzzy");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("acquire: no command 'xyzzy' (see --help)" + System.lineSeparator());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "--hahs, --hash",
      "--hahs=md5, --hash",
      "--verfy-image, --verify-image",
      "--formt, --format"})
  void acquireImage_mistypedOption_suggestsTheNearest(String typed, String nearest) throws Exception {
    Path source = Files.write(temp.resolve("source.bin"), new byte[4096]);
    Path out = temp.resolve("evidence");

    Cli.Run run = Cli.run("acquire", "image", source.toString(), "--out", out.toString(), "--case", "C-1", "--evidence", "E-1",
        "--examiner", "Jane Doe", "--unsigned", typed, "md5");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("acquire image: unknown option '" + typed.replaceFirst("=.*", "") + "'; did you mean '"
        + nearest + "'? (see --help)" + System.lineSeparator());
    assertThat(run.out()).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  void acquireImage_mistypedRequiredOption_namesTheTypoNotTheMissingOption() throws Exception {
    Path source = Files.write(temp.resolve("source.bin"), new byte[4096]);
    Path out = temp.resolve("evidence");

    Cli.Run run = Cli.run("acquire", "image", source.toString(), "--out", out.toString(), "--case", "C-1", "--evidence", "E-1",
        "--examinr", "Jane Doe", "--unsigned");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("acquire image: unknown option '--examinr'; did you mean '--examiner'? (see --help)"
        + System.lineSeparator());
    assertThat(out).doesNotExist();
  }

  @ParameterizedTest(name = "{0} to {1}: {2}")
  @CsvSource({"imgae, image, 1", "hahs, hash, 1", "verfy, verify, 1", "image, image, 0", "xyzzy, image, 5"})
  void distance_countsASwapOfNeighboursAsOneEdit(String a, String b, int expected) {
    assertThat(Mistyped.distance(a, b)).isEqualTo(expected);
  }
}
