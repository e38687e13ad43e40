package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.evidence.Invocation;
import dev.custos.testing.CustosProcess;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line an acquisition was typed as, where, and the evidence directory it went to:
 * recorded word for word, the directory as {@code realpath} resolves it, shown in the summary and
 * the report so that it can be pasted back (bash reads the pasted line as the words typed).
 */
class RecordedCommandLineTest {
  /** The launchers' {@code -Dcustos.program}: the name the examiner called them by. */
  private static final Map<String, String> LAUNCHED_AS = Map.of("JAVA_TOOL_OPTIONS", "-Dcustos.program=./acquire");

  @TempDir Path temp;

  /** A working directory in which {@code link} leads, through a symbolic link, to {@code real cases}. */
  private Path workstation() throws Exception {
    Path cwd = Files.createDirectories(temp.resolve("home jane"));
    Files.createDirectories(temp.resolve("real cases"));
    Files.createSymbolicLink(cwd.resolve("link"), temp.resolve("real cases"));
    return cwd;
  }

  private static List<String> words(JsonNode array) {
    List<String> words = new ArrayList<>();
    array.forEach(word -> words.add(word.asText()));
    return words;
  }

  private static String realpath(Path path) {
    return ExternalTool.ok("realpath", "-e", path.toString()).strip();
  }

  /** The words bash reads from {@code line}. */
  private static List<String> bashWords(String line) {
    String out = ExternalTool.run(List.of("bash", "-c", "printf '%s\\0' " + line)).stdout();
    return List.of(out.substring(0, out.length() - 1).split("\0", -1));
  }

  @Test
  void acquire_argumentFile_recordsTheWordsThatRanNotTheFilesName() throws Exception {
    // picocli reads @FILE as more arguments: "acquire image @FILE" pasted back runs whatever FILE holds by then.
    Path out = temp.resolve("evidence");
    List<String> ran = List.of(Evidence.FLOPPY.toString(), "--out", out.toString(), "--case", "2026-0142", "--evidence",
        "FLOPPY-01", "--examiner", "Doe", "--unsigned");
    Path argumentFile = Files.write(temp.resolve("arguments"), ran);

    dev.custos.testing.Cli.Run run = dev.custos.testing.Cli.run("acquire", "image", "@" + argumentFile);

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("acquisition.json").toFile());
    List<String> expected = new ArrayList<>(List.of("acquire", "image"));
    expected.addAll(ran);
    assertThat(words(manifest.path("invocation").path("commandLine"))).isEqualTo(expected);
  }

  @Test
  void acquire_relativeOutThroughALink_recordsArgvWorkingDirectoryAndRealDestination() throws Exception {
    Path cwd = workstation();
    String[] argv = {"acquire", "image", Evidence.FLOPPY.toString(), "--out", "link/HDD 01", "--case", "2026-0142",
        "--evidence", "FLOPPY-01", "--examiner", "Jane O'Doe", "--notes", "seized at 10:15; bag #7", "--unsigned"};
    List<String> typed = new ArrayList<>(List.of(argv));
    typed.set(0, "./acquire");

    CustosProcess acquire = CustosProcess.startIn(cwd, LAUNCHED_AS, temp, "acquire", argv);
    assertThat(acquire.exitCode()).as(acquire.stderr()).isZero();
    Path out = cwd.resolve("link/HDD 01");
    JsonNode invocation = Evidence.manifest(out).path("invocation");

    assertThat(words(invocation.path("commandLine"))).isEqualTo(typed);
    assertThat(invocation.path("workingDirectory").asText()).isEqualTo(realpath(cwd));
    assertThat(invocation.path("destination").asText()).isEqualTo(realpath(out)).startsWith("/").contains("/real cases/HDD 01")
        .doesNotContain("link");
    assertThat(Evidence.custodyEvents(out).get(0).path("data").path("invocation")).as("the signed log holds it too")
        .isEqualTo(invocation);
    Evidence.assertValidWithPythonJsonSchema(out.resolve("acquisition.json"));

    String command = acquire.stdout().lines().filter(line -> line.startsWith("  command ")).findFirst().orElseThrow()
        .substring("  command ".length()).strip();
    assertThat(bashWords(command)).as("the summary's command line, pasted into bash").isEqualTo(typed);
    assertThat(acquire.stdout()).containsPattern("(?m)^  destination +" + java.util.regex.Pattern.quote(realpath(out)) + "$")
        .containsPattern("(?m)^  working dir +" + java.util.regex.Pattern.quote(realpath(cwd)) + "$");

    String report = ExternalTool.ok("pdftotext", "-raw", out.resolve("report.pdf").toString(), "-").replaceAll("\\s+", " ");
    assertThat(report).contains("Command line " + new Invocation(typed, "/", null).shellQuoted())
        .contains("Evidence directory " + realpath(out) + " (its real path");
  }

  @Test
  void resume_recordsItsOwnCommandLineBesideTheFirst() throws Exception {
    Path cwd = workstation();
    Path source = Evidence.randomFile(temp.resolve("source.bin"), 96L << 20, 11);
    String[] first = {"acquire", "image", source.toString(), "--out", "link/HDD 01", "--case", "2026-0142", "--evidence", "HDD-01",
        "--examiner", "Jane Doe", "--piece-size", "4MiB", "--unsigned"};
    Path out = cwd.resolve("link/HDD 01");
    CustosProcess acquire = CustosProcess.startIn(cwd, Map.of(), temp, "acquire", first);
    assertThat(acquire.signalAt(out.resolve("image.ima"), 8L << 20, "KILL")).isEqualTo(137);

    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
    String[] again = {"acquire", "resume", out.toString(), "--unsigned"};
    CustosProcess resume = CustosProcess.startIn(elsewhere, LAUNCHED_AS, temp, "resume", again);
    assertThat(resume.exitCode()).as(resume.stderr()).isZero();
    JsonNode manifest = Evidence.manifest(out);

    assertThat(words(manifest.path("invocation").path("commandLine"))).as("the first run's, from the signed log")
        .isEqualTo(List.of(first));
    JsonNode resumedBy = manifest.path("resumptions").get(0).path("invocation");
    assertThat(words(resumedBy.path("commandLine"))).isEqualTo(List.of("./acquire", "resume", out.toString(), "--unsigned"));
    assertThat(resumedBy.path("workingDirectory").asText()).isEqualTo(realpath(elsewhere));
    assertThat(resumedBy.path("destination").asText()).isEqualTo(realpath(out));
    assertThat(Evidence.custodyEvents(out).stream().filter(event -> event.path("type").asText().equals("acquisition-resumed"))
        .findFirst().orElseThrow().path("data").path("invocation")).as("the signed log holds it too").isEqualTo(resumedBy);
    assertThat(resume.stdout()).contains("  command      ./acquire resume '" + out + "' --unsigned");
    Evidence.assertValidWithPythonJsonSchema(out.resolve("acquisition.json"));
    String report = ExternalTool.ok("pdftotext", "-raw", out.resolve("report.pdf").toString(), "-").replaceAll("\\s+", " ");
    assertThat(report).contains("Resumed by ./acquire resume '" + out + "' --unsigned");
  }
}
