package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ExternalTool;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usage lines name the launcher as the examiner typed it. Runs the real {@code acquire} and
 * {@code report} scripts (and the {@code .custos-launch} they share), copied beside a {@code
 * target/custos.jar} that runs the classes under test: a jar of a manifest only, whose class path
 * is this test's, so the scripts find it up to date and build nothing.
 */
class LauncherUsageTest {
  @TempDir Path checkout;

  @BeforeEach
  void launchersBesideAJarOfTheClassesUnderTest() throws IOException {
    for (String script : List.of("acquire", "report", ".custos-launch")) {
      Files.copy(Path.of(script), checkout.resolve(script), StandardCopyOption.COPY_ATTRIBUTES);
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath().toUri().toString()).collect(Collectors.joining(" ")));
    Files.createDirectory(checkout.resolve("target"));
    try (OutputStream jar = new JarOutputStream(Files.newOutputStream(checkout.resolve("target/custos.jar")), manifest)) {
      jar.flush();
    }
  }

  /** {@code ./LAUNCHER args…} run by bash in the copied checkout, as an examiner types it there. */
  private ExternalTool.Result typed(String launcher, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("./" + launcher));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("CUSTOS_NO_CDS", "1");
    Path out = Files.createTempFile(checkout, "out", ".txt");
    Path err = Files.createTempFile(checkout, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("./" + launcher + " did not end within two minutes");
    }
    return new ExternalTool.Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void acquireImageHelp_throughTheLauncher_usageLineSaysDotSlashAcquire() throws Exception {
    ExternalTool.Result help = typed("acquire", "image", "--help");

    assertThat(help.exitCode()).as(help.stderr()).isZero();
    assertThat(help.stdout()).startsWith("Usage: ./acquire image [-hV] [--debug]").doesNotContain("custos acquire");
    assertThat(help.stdout().lines().skip(1).findFirst().orElseThrow())
        .as("wrapped options stay under the first one").startsWith(" ".repeat("Usage: ./acquire image ".length()) + "[");
  }

  @Test
  void reportVerifyHelp_throughTheLauncher_usageLineSaysDotSlashReport() throws Exception {
    ExternalTool.Result help = typed("report", "verify", "--help");

    assertThat(help.exitCode()).as(help.stderr()).isZero();
    assertThat(help.stdout()).startsWith("Usage: ./report verify [-hV]").doesNotContain("custos report");
  }

  @Test
  void launcherHelp_listsItsCommandsUnderItsTypedName() throws Exception {
    ExternalTool.Result help = typed("acquire", "--help");

    assertThat(help.exitCode()).as(help.stderr()).isZero();
    assertThat(help.stdout()).startsWith("Usage: ./acquire [-hV] [COMMAND]").contains("  image    Acquire SOURCE");
  }

  @Test
  void refusal_throughTheLauncher_keepsItsOneLineAndExitCode() throws Exception {
    ExternalTool.Result refused = typed("acquire", "image", "--no-such-option");

    assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.stderr().strip().lines()).hasSize(1);
    assertThat(refused.stderr()).startsWith("acquire image: ").contains("(see --help)");
  }
}
