package dev.custos.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar names the source it was built from and itself: run as the launchers run it ({@code java
 * -jar target/custos.jar}, a child process), every tool block it writes holds {@code git rev-parse
 * HEAD} (with {@code -dirty} when {@code git status} shows changes) and what {@code sha256sum}
 * computes for the jar. Runs after the package phase (failsafe).
 */
class BuildIdentityIT {
  private static final Path JAR = Path.of("target/custos.jar").toAbsolutePath();

  @TempDir Path temp;

  /** What git says the jar was built from: HEAD, -dirty for any change; unknown outside a git work tree. */
  private static String expectedCommit() {
    ExternalTool.Result head = ExternalTool.run(List.of("git", "rev-parse", "--verify", "HEAD"));
    ExternalTool.Result prefix = ExternalTool.run(List.of("git", "rev-parse", "--show-prefix"));
    if (head.exitCode() != 0 || prefix.exitCode() != 0 || !prefix.stdout().isBlank()) {
      return "unknown";
    }
    String changes = ExternalTool.ok("git", "status", "--porcelain");
    return head.stdout().strip() + (changes.isBlank() ? "" : "-dirty");
  }

  private static ExternalTool.Result custos(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return ExternalTool.run(command);
  }

  @Test
  void builtJar_recordsGitHeadAndItsSha256_inManifestCustodyEventsReportAndVersion() throws Exception {
    assertThat(JAR).as("run mvn package first: this test checks the jar as built").exists();
    String commit = expectedCommit();
    String jarSha256 = ExternalTool.digestOf("sha256sum", JAR);
    Path out = temp.resolve("evidence");

    ExternalTool.Result run = custos("acquire", "image", Evidence.FLOPPY.toString(), "--out", out.toString(),
        "--case", "2026-0142", "--evidence", "FLOPPY-01", "--examiner", "Jane Doe", "--unsigned");

    assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
    JsonNode tool = Evidence.manifest(out).get("tool");
    assertThat(tool.get("commit").asText()).isEqualTo(commit);
    assertThat(tool.get("jarSha256").asText()).isEqualTo(jarSha256);
    assertThat(Evidence.custodyEvents(out)).isNotEmpty().allSatisfy(event -> {
      assertThat(event.get("tool").get("commit").asText()).isEqualTo(commit);
      assertThat(event.get("tool").get("jarSha256").asText()).isEqualTo(jarSha256);
    });
    Evidence.assertValidWithPythonJsonSchema(out.resolve("acquisition.json"));
    String report = Normalizer.normalize(ExternalTool.ok("pdftotext", out.resolve("report.pdf").toString(), "-"),
        Normalizer.Form.NFKC).replaceAll("\\s+", "");
    assertThat(report).contains(commit).contains(jarSha256);

    for (String launcher : List.of("acquire", "report")) {
      ExternalTool.Result version = custos(launcher, "--version");
      assertThat(version.exitCode()).as(version.stderr()).isZero();
      assertThat(version.stdout().lines().toList())
          .containsExactly("custos " + tool.get("version").asText(), "commit " + commit, "jar SHA-256 " + jarSha256);
    }
    assertThat(Files.readString(out.resolve("acquisition.json"))).contains(commit);
  }
}
