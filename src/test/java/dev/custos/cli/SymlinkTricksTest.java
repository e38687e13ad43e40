package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.Identities;
import dev.custos.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An evidence directory, or a file in it, replaced by a symbolic link to somewhere else: every
 * command refuses with one line and exit 2, and neither the link's target (its bytes, mode and
 * time, as {@code find} lists them) nor the directory changes. Custos follows no link to or out of
 * an evidence directory; links among the directory's parents are resolved as usual.
 */
class SymlinkTricksTest {
  /** The files of an evidence directory, each of which a test replaces by a link. */
  static final List<String> FILES = List.of("custody.jsonl", "acquisition.json", "report.pdf", "examiner.pem", "image.ima",
      ".custody.lock", "certificates");

  @TempDir static Path shared;
  static Path signedEvidence;
  static Identities.KeyFile key;

  @TempDir Path temp;

  @BeforeAll
  static void acquireOnce() throws IOException {
    key = Identities.keygen(Files.createDirectories(shared.resolve("keys")), "jane", "Jane Doe");
    Identities.KeyFile other = Identities.keygen(shared.resolve("keys"), "john", "John Roe");
    signedEvidence = shared.resolve("evidence");
    Cli.Run run = Evidence.acquireFloppy(signedEvidence, key.options());
    assertThat(run.exitCode()).as(run.err()).isZero();
    // A second signer, so that certificates/ exists as well.
    Cli.Run note = Cli.run(Cli.join(new String[] {"report", "note", signedEvidence.toString(), "checked"}, other.options()));
    assertThat(note.exitCode()).as(note.err()).isZero();
    assertThat(signedEvidence.resolve("certificates")).isDirectory();
  }

  /** The report commands on {@code dir}, each as an examiner would run it. */
  static List<String[]> commands(Path dir) {
    return List.of(
        new String[] {"report", "verify", dir.toString()},
        Cli.join(new String[] {"report", "verify", dir.toString()}, key.options()),
        new String[] {"report", "verify", dir.toString(), "--no-record", "--json"},
        new String[] {"report", "custody", dir.toString()},
        new String[] {"report", "custody", dir.toString(), "--json"},
        Cli.join(new String[] {"report", "render", dir.toString()}, key.options()),
        new String[] {"report", "render", dir.toString()},
        Cli.join(new String[] {"report", "note", dir.toString(), "a note"}, key.options()),
        Cli.join(new String[] {"report", "transfer", dir.toString(), "--to", "John Roe"}, key.options()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"custody.jsonl", "acquisition.json", "report.pdf", "examiner.pem", "image.ima", ".custody.lock",
      "certificates"})
  void aFileInTheDirectoryReplacedByALink_everyReportCommandRefuses_targetAndDirectoryUntouched(String file) throws IOException {
    Path dir = copyOfEvidence();
    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
    Path target = elsewhere.resolve(file);
    ExternalTool.ok("cp", "-a", dir.resolve(file).toString(), target.toString());
    ExternalTool.ok("rm", "-rf", dir.resolve(file).toString());
    Files.createSymbolicLink(dir.resolve(file), target);
    List<String> before = Trees.snapshot(temp);

    for (String[] command : commands(dir)) {
      Cli.Run run = Cli.run(command);

      assertThat(run.exitCode()).as("%s: %s%s", String.join(" ", command), run.out(), run.err()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).startsWith(command[0] + " " + command[1] + ": " + dir.resolve(file) + " is a symbolic link (to " + target
          + "); Custos reads and writes evidence only in the directory itself and follows no link out of it").hasLineCount(1);
      assertThat(Trees.snapshot(temp)).as("after %s: the link's target and the directory untouched", String.join(" ", command))
          .isEqualTo(before);
    }
  }

  @Test
  void theDirectoryItselfALink_everyReportCommandRefuses_targetUntouched() throws IOException {
    Path real = copyOfEvidence();
    Path link = Files.createSymbolicLink(temp.resolve("link-to-evidence"), real);
    List<String> before = Trees.snapshot(temp);

    for (String[] command : commands(link)) {
      Cli.Run run = Cli.run(command);

      assertThat(run.exitCode()).as("%s: %s%s", String.join(" ", command), run.out(), run.err()).isEqualTo(2);
      assertThat(run.err()).isEqualTo(command[0] + " " + command[1] + ": evidence directory " + link + " is a symbolic link (to "
          + real + "); Custos follows no link to or out of an evidence directory: give the directory itself\n");
      assertThat(Trees.snapshot(temp)).isEqualTo(before);
    }
    Cli.Run direct = Cli.run("report", "custody", real.toString());
    assertThat(direct.exitCode()).as("the directory itself: %s", direct.err()).isZero();
  }

  @Test
  void aLinkAmongTheParents_isResolvedAsUsual() throws IOException {
    Path real = copyOfEvidence();
    Path parentLink = Files.createSymbolicLink(temp.resolve("parent-link"), real.getParent());

    Cli.Run run = Cli.run("report", "verify", parentLink.resolve(real.getFileName()).toString(), "--no-record");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
  }

  @Test
  void acquireInto_aDirectoryThatIsALink_refused_targetUntouched() throws IOException {
    Path real = Files.createDirectories(temp.resolve("real"));
    Path link = Files.createSymbolicLink(temp.resolve("out-link"), real);
    List<String> before = Trees.snapshot(temp);

    Cli.Run run = Evidence.acquireFloppy(link, "--unsigned");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("acquire image: output " + link + " is a symbolic link (to " + real
        + "); Custos follows no link to or out of an evidence directory: give the directory itself\n");
    assertThat(Trees.snapshot(temp)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"custody.jsonl", "acquisition.json", "image.ima", "image.001", "report.pdf", "examiner.pem",
      ".custody.lock", "certificates", ".acquisition.json.partial", "custody.jsonl.torn-1"})
  void acquireInto_anEmptyDirectoryWithALinkNamedLikeEvidence_refused_targetUntouched(String name) throws IOException {
    Path out = Files.createDirectories(temp.resolve("out"));
    Path existing = Files.writeString(temp.resolve("elsewhere-existing"), "not evidence\n");
    Path dangling = temp.resolve("elsewhere-dangling");
    List<Path> targets = List.of(existing, dangling);
    for (Path target : targets) {
      Path link = Files.createSymbolicLink(out.resolve(name), target);
      List<String> before = Trees.snapshot(temp);

      Cli.Run run = Evidence.acquireFloppy(out, "--unsigned");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).startsWith("acquire image: " + link + " is a symbolic link (to " + target + ")").hasLineCount(1);
      assertThat(Trees.snapshot(temp)).isEqualTo(before);
      assertThat(Files.exists(dangling, LinkOption.NOFOLLOW_LINKS)).as("nothing made at the dangling link's target").isFalse();
      Files.delete(link);
    }
    assertThat(Files.readString(existing)).isEqualTo("not evidence\n");
  }

  private Path copyOfEvidence() {
    Path copy = temp.resolve("evidence");
    ExternalTool.ok("cp", "-a", signedEvidence.toString(), copy.toString());
    return copy;
  }
}
