package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.Identities;
import dev.custos.testing.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paths with spaces, quotes, shell syntax, line breaks, control characters, {@code ..} segments and
 * bytes that are not UTF-8, as the source and as the evidence directory of every command: the
 * image is the source byte for byte, the records hold the name as it is, what is printed cannot
 * steer a terminal, and nothing is written outside the directory, or a name Custos cannot use is
 * refused with one line, exit 2.
 */
class HostileNamesTest {
  /** Anything but line feeds that a terminal would act on: C0 and C1 controls, DEL, bidi controls. */
  static final Pattern STEERS_A_TERMINAL = Pattern.compile("[\\x00-\\x09\\x0B-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");

  @TempDir Path temp;

  @ParameterizedTest(name = "{index}")
  @ValueSource(strings = {
      "a name with spaces, \"double\" and 'single' quotes, \\back\\slashes, $(touch pwned) `touch pwned2`; | & * ? ü 证据 🔒",
      "line\nbreak, tab\tand carriage\rreturn, ESC\u001b[2J and \u202Eoverride"})
  void everyCommand_onHostileNames_imageExact_namesRecordedAsTheyAre_nothingWrittenOutside(String name) throws IOException {
    Path source = Files.copy(Evidence.FLOPPY, temp.resolve("source " + name + ".ima"));
    Path dir = temp.resolve("evidence " + name);
    Identities.KeyFile key = Identities.keygen(Files.createDirectories(temp.resolve("keys")), "jane", "Jane Doe");
    List<String> before = Trees.snapshot(temp, temp.relativize(dir).toString());

    Cli.Run acquired = Cli.run("acquire", "image", source.toString(), "--out", dir.toString(), "--case", "2026-0142",
        "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned");

    assertThat(acquired.exitCode()).as(acquired.err()).isZero();
    assertThat(ExternalTool.identical(source, dir.resolve("image.ima"))).isTrue();
    assertThat(ExternalTool.digestOf("md5sum", dir.resolve("image.ima"))).isEqualTo(ExternalTool.digestOf("md5sum", source));
    JsonNode manifest = Evidence.manifest(dir);
    assertThat(manifest.path("source").path("path").asText()).isEqualTo(source.toString());
    assertThat(Evidence.custodyEvents(dir).get(0).path("data").path("source").path("path").asText()).isEqualTo(source.toString());
    assertThat(acquired.out()).contains("-> " + TerminalText.escape(dir.toString()));
    assertPrintedSafely(acquired);

    List<Cli.Run> runs = new ArrayList<>();
    runs.add(Cli.run("report", "custody", dir.toString()));
    runs.add(Cli.run("report", "custody", dir.toString(), "--json"));
    runs.add(Cli.run(Cli.join(new String[] {"report", "note", dir.toString(), "note on " + name.replaceAll("[\\r\\u001b\\u202e]", "")},
        key.options())));
    runs.add(Cli.run(Cli.join(new String[] {"report", "transfer", dir.toString(), "--to", "Evidence store", "--location", "Room 1"},
        key.options())));
    runs.add(Cli.run(Cli.join(new String[] {"report", "render", dir.toString()}, key.options())));
    runs.add(Cli.run(Cli.join(new String[] {"report", "verify", dir.toString()}, key.options())));
    runs.add(Cli.run("report", "verify", dir.toString(), "--json", "--no-record"));

    for (Cli.Run run : runs) {
      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      assertPrintedSafely(run);
    }
    assertThat(Evidence.manifest(dir).path("source").path("path").asText()).isEqualTo(source.toString());
    assertThat(Evidence.custodyEvents(dir)).extracting(event -> event.path("type").asText())
        .containsExactly("acquisition-started", "acquisition-completed", "report-rendered", "note", "transfer", "report-rendered",
            "verification");
    JsonNode custodyJson = new com.fasterxml.jackson.databind.ObjectMapper().readTree(runs.get(1).out());
    assertThat(custodyJson.path("events").get(0).path("data").path("source").path("path").asText()).isEqualTo(source.toString());
    assertThat(ExternalTool.ok("qpdf", "--check", dir.resolve("report-2.pdf").toString())).contains("No syntax or stream encoding errors");
    assertThat(ExternalTool.ok("pdftotext", dir.resolve("report-2.pdf").toString(), "-")).contains("2026-0142");
    assertThat(Trees.snapshot(temp, temp.relativize(dir).toString())).as("nothing written outside the evidence directory")
        .isEqualTo(before);
    assertThat(Trees.snapshot(dir)).allSatisfy(entry -> assertThat(entry).doesNotContain("pwned"));
  }

  @Test
  void dotDotSegments_meanWhatTheKernelMeans_orAreRefusedWhenALinkMakesThemAmbiguous() throws IOException {
    Path sub = Files.createDirectories(temp.resolve("sub"));
    Files.copy(Evidence.FLOPPY, temp.resolve("floppy.ima"));
    Path far = Files.createDirectories(temp.resolve("far/inner"));
    Path link = Files.createSymbolicLink(temp.resolve("link"), far);

    Cli.Run plain = Cli.run("acquire", "image", sub + "/../floppy.ima", "--out", sub + "/../evidence",
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned");
    List<String> before = Trees.snapshot(temp);
    Cli.Run ambiguous = Cli.run("acquire", "image", Evidence.FLOPPY.toString(), "--out", link + "/../evidence2",
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned");
    Cli.Run verified = Cli.run("report", "verify", sub + "/../evidence", "--no-record");
    Cli.Run ambiguousVerify = Cli.run("report", "verify", link + "/../../evidence", "--no-record");

    assertThat(plain.exitCode()).as(plain.err()).isZero();
    assertThat(ExternalTool.identical(Evidence.FLOPPY, temp.resolve("evidence/image.ima"))).isTrue();
    assertThat(sub).isEmptyDirectory();
    assertThat(ambiguous.exitCode()).isEqualTo(2);
    assertThat(ambiguous.err()).startsWith("acquire image: output ").contains("'..' after the symbolic link " + link)
        .doesNotContain("Exception").hasLineCount(1);
    assertThat(Trees.snapshot(temp)).as("nothing made: neither %s nor %s", temp.resolve("evidence2"), far.resolveSibling("evidence2"))
        .isEqualTo(before);
    assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
    assertThat(ambiguousVerify.exitCode()).isEqualTo(2);
    assertThat(ambiguousVerify.err()).contains("'..' after the symbolic link").hasLineCount(1);
  }

  @Test
  void outUnderAFile_refusedWithExit2_beforeAnythingIsRead() throws IOException {
    Path file = Files.writeString(temp.resolve("a-file"), "not a directory\n");
    List<String> before = Trees.snapshot(temp);

    Cli.Run run = Evidence.acquireFloppy(file.resolve("evidence"), "--unsigned");

    assertThat(run.exitCode()).as("a usage error, not an I/O failure: %s", run.err()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("acquire image: output " + file.resolve("evidence") + " cannot be created: " + file
        + " is not a directory\n");
    assertThat(Trees.snapshot(temp)).isEqualTo(before);
  }

  /**
   * Names that are not UTF-8 can only be made and passed by a real process: a shell's {@code
   * $'\xff'}. The JVM reads them through its file-name encoding ({@code sun.jnu.encoding}): under
   * UTF-8 the byte becomes U+FFFD, which names another file; under {@code LANG=C} any non-ASCII
   * name is unusable. Each is refused with one line, and nothing is made; a link with a UTF-8 name
   * to such a source works.
   */
  @Test
  void namesThatAreNotUtf8_orNotInTheLocale_refusedWithOneLine_nothingMade_aLinkToTheSourceWorks() throws IOException {
    Path work = Files.createDirectories(temp.resolve("work"));
    String script = String.join("\n",
        "cd \"$1\" || exit 99",
        "J=(\"$2\" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp \"$3\" dev.custos.cli.Main)",
        "C=(--case C-1 --evidence E-1 --examiner 'Jane Doe' --unsigned)",
        "cp \"$4\" $'source\\xff.ima' && cp \"$4\" 'é.ima' && mkdir $'evidence\\xff' && ln -s $'source\\xff.ima' link.ima || exit 98",
        "find . -printf '%P %s %T@\\n' | sort > ../before.txt",
        "LC_ALL=C.UTF-8 \"${J[@]}\" acquire image $'source\\xff.ima' --out out1 \"${C[@]}\" > ../1.out 2> ../1.err; echo $? > ../1.rc",
        "LC_ALL=C.UTF-8 \"${J[@]}\" acquire image link.ima --out $'out\\xff' \"${C[@]}\" > ../2.out 2> ../2.err; echo $? > ../2.rc",
        "LC_ALL=C \"${J[@]}\" acquire image 'é.ima' --out out3 \"${C[@]}\" > ../3.out 2> ../3.err; echo $? > ../3.rc",
        "LC_ALL=C.UTF-8 \"${J[@]}\" report verify $'evidence\\xff' > ../4.out 2> ../4.err; echo $? > ../4.rc",
        "find . -printf '%P %s %T@\\n' | sort > ../after.txt",
        "LC_ALL=C.UTF-8 \"${J[@]}\" acquire image link.ima --out out5 \"${C[@]}\" > ../5.out 2> ../5.err; echo $? > ../5.rc",
        "");
    ExternalTool.Result ran = ExternalTool.run(List.of("bash", "-c", script, "bash", work.toString(),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), System.getProperty("java.class.path"),
        Evidence.FLOPPY.toString()));
    assertThat(ran.exitCode()).as(ran.stderr()).isZero();

    assertThat(result(1)).startsWith("2 acquire image: Invalid value for positional parameter at index 0 (SOURCE): 'source\uFFFD.ima'"
        + " holds bytes that are not UTF-8").hasLineCount(1);
    assertThat(result(2)).startsWith("2 acquire image: Invalid value for option '--out': 'out\uFFFD' holds bytes that are not UTF-8")
        .hasLineCount(1);
    assertThat(result(3)).startsWith("2 acquire image: Invalid value for positional parameter at index 0 (SOURCE): ")
        .contains("cannot be a file name in this locale: the JVM reads file names as ANSI_X3.4-1968; run Custos in a UTF-8 locale")
        .hasLineCount(1);
    assertThat(result(4)).startsWith("2 report verify: Invalid value for positional parameter at index 0 (DIR|IMAGE): ")
        .contains("holds bytes that are not UTF-8").hasLineCount(1);
    assertThat(Files.readString(temp.resolve("after.txt"), StandardCharsets.ISO_8859_1)).as("nothing made by the refused commands")
        .isEqualTo(Files.readString(temp.resolve("before.txt"), StandardCharsets.ISO_8859_1));
    assertThat(Files.readString(temp.resolve("5.rc"), StandardCharsets.UTF_8).strip())
        .as(Files.readString(temp.resolve("5.err"), StandardCharsets.UTF_8)).isEqualTo("0");
    assertThat(ExternalTool.identical(Evidence.FLOPPY, work.resolve("out5/image.ima"))).isTrue();
  }

  /** Exit code, then stderr, of the script's run {@code n}; stdout must be empty. */
  private String result(int n) throws IOException {
    assertThat(Files.readString(temp.resolve(n + ".out"), StandardCharsets.UTF_8)).isEmpty();
    return Files.readString(temp.resolve(n + ".rc"), StandardCharsets.UTF_8).strip() + " "
        + Files.readString(temp.resolve(n + ".err"), StandardCharsets.UTF_8);
  }

  static void assertPrintedSafely(Cli.Run run) {
    assertThat(STEERS_A_TERMINAL.matcher(run.out()).find()).as("stdout steers no terminal: %s", run.out()).isFalse();
    assertThat(STEERS_A_TERMINAL.matcher(run.err()).find()).as("stderr steers no terminal: %s", run.err()).isFalse();
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
