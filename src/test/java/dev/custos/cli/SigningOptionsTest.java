package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of {@code --key | --unsigned, [--tsa]} ({@link SigningOptions}), the same in both
 * acquisitions: each refusal one line, said once, exit 2, before anything is read or written.
 */
class SigningOptionsTest {
  @TempDir Path temp;

  /** {@code acquire image} or {@code acquire resume} with {@code signing}, seeing no $CUSTOS_KEY. */
  private Cli.Run acquisition(String command, String... signing) {
    Path out = temp.resolve("evidence");
    List<String> args = new java.util.ArrayList<>(command.equals("image")
        ? List.of("acquire", "image", Evidence.FLOPPY.toString(), "--out", out.toString(), "--case", "C-1", "--evidence", "E-1",
            "--examiner", "Jane Doe")
        : List.of("acquire", "resume", out.toString()));
    args.addAll(List.of(signing));
    return Cli.runWith(Map.of(), args.toArray(String[]::new));
  }

  private void assertRefusedOnce(Cli.Run run, String command, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().strip().lines()).as("one line: " + run.err()).containsExactly("acquire " + command + ": " + message);
    assertThat(run.out()).isEmpty();
    assertThat(temp.resolve("evidence")).as("nothing written").doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"image", "resume"})
  void tsaWithUnsigned_refusedOnce(String command) {
    Cli.Run run = acquisition(command, "--unsigned", "--tsa", "http://127.0.0.1:9/tsa");

    assertRefusedOnce(run, command, "--tsa timestamps the report's signature: it needs --key, not --unsigned");
  }

  @ParameterizedTest
  @ValueSource(strings = {"image", "resume"})
  void keyAndUnsigned_refusedAsExclusive(String command) {
    Cli.Run run = acquisition(command, "--key", temp.resolve("jane.p12").toString(), "--unsigned");

    assertRefusedOnce(run, command, "--unsigned and --key contradict each other: give one");
  }

  /** {@code acquire resume} signs as the acquisition began: {@link AcquireResumeSigningTest}. */
  @ParameterizedTest
  @ValueSource(strings = {"image"})
  void neitherKeyNorUnsigned_refusedSayingHowToGiveOne(String command) {
    Cli.Run run = acquisition(command, "--tsa", "http://127.0.0.1:9/tsa");

    assertRefusedOnce(run, command, "acquire " + command + " signs the custody log with the examiner's key: give --key FILE"
        + " or set $CUSTOS_KEY (make a key with: report keygen --name \"Your Name\" --out you.p12), or give --unsigned to"
        + " record an unsigned log");
  }

  @ParameterizedTest
  @ValueSource(strings = {"image", "resume"})
  void tsaNotAUrl_refusedBeforeTheKeyRule(String command) {
    Cli.Run run = acquisition(command, "--unsigned", "--tsa", "ftp://127.0.0.1/tsa");

    assertRefusedOnce(run, command, "--tsa must be an http or https URL, got 'ftp://127.0.0.1/tsa'");
  }
}
