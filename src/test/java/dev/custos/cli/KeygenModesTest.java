package dev.custos.cli;

import static dev.custos.cli.KeygenCommandTest.WITH_PASSWORD;
import static dev.custos.cli.KeygenCommandTest.assertRefused;
import static dev.custos.cli.KeygenCommandTest.keygen;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * keygen's three modes (issue, --csr request, --import completion): options of two modes
 * together are refused with one line, before any password is asked or any file written.
 */
class KeygenModesTest {
  @TempDir Path temp;

  private void assertNothingWritten() throws IOException {
    try (var files = Files.list(temp)) {
      assertThat(files.filter(file -> !file.getFileName().toString().equals("cert.pem"))).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--name=Jane Doe", "--email=jane@example.org", "--org=Lab", "--csr", "--validity-days=10",
      "--lab-ca=lab.p12"})
  void import_withAnIssuingOrRequestOption_refused(String option) throws IOException {
    Path cert = Files.writeString(temp.resolve("cert.pem"), "not read");

    Cli.Run run = keygen(WITH_PASSWORD, "--import", cert.toString(), "--key-from", temp.resolve("jane.p12").toString(),
        "--out", temp.resolve("new.p12").toString(), option);

    assertRefused(run, "--import takes the name and validity from the certificate; drop --name, --email, --org, --csr,"
        + " --lab-ca and --validity-days");
    assertNothingWritten();
  }

  @Test
  void keyFrom_withoutImport_refused() throws IOException {
    Cli.Run run = keygen(WITH_PASSWORD, "--key-from", temp.resolve("jane.p12").toString(), "--out", temp.resolve("new.p12").toString());

    assertRefused(run, "--import CERT and --key-from FILE go together");
    assertNothingWritten();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--validity-days=10", "--lab-ca=lab.p12"})
  void csr_withAnIssuingOption_refused(String option) throws IOException {
    Cli.Run run = keygen(WITH_PASSWORD, "--name", "Jane Doe", "--csr", "--out", temp.resolve("jane.p12").toString(), option);

    assertRefused(run, "--csr makes a request for the lab's own CA; --lab-ca and --validity-days do not apply");
    assertNothingWritten();
  }

  @Test
  void noName_refusedSayingWhatElseWouldDo() throws IOException {
    Cli.Run run = keygen(WITH_PASSWORD, "--org", "Lab", "--out", temp.resolve("jane.p12").toString());

    assertRefused(run, "--name is required (or --import with --key-from to complete a request)");
    assertNothingWritten();
  }

  @Test
  void help_showsTheModesAsGroups() {
    Cli.Run help = keygen(WITH_PASSWORD, "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).containsSubsequence("The examiner", "--name=NAME", "Issued by the lab CA", "--lab-ca=FILE",
        "Or a request for a lab's own CA", "--csr", "Or completing a request", "--import=CERT", "--key-from=FILE");
  }
}
