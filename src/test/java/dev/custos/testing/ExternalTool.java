package dev.custos.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs tools nobody here wrote ({@code md5sum}, {@code cmp}, {@code losetup}, {@code python3}, …)
 * so tests check the code against an independent implementation, never against itself. A test
 * whose tool is missing is skipped, with the reason printed.
 */
public final class ExternalTool {
  private static final long TIMEOUT_SECONDS = 120;

  private ExternalTool() {}

  /** What a finished tool said. */
  public record Result(int exitCode, String stdout, String stderr) {
    /** Both streams, for messages. */
    public String output() {
      return stdout + stderr;
    }
  }

  /** The executable {@code tool} on the PATH (or in /usr/sbin, /sbin), if there is one. */
  public static Optional<Path> find(String tool) {
    List<String> directories = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    directories.addAll(List.of("/usr/sbin", "/sbin"));
    for (String directory : directories) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, tool);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Skips the calling test, saying why, when {@code tool} is not installed. */
  public static void assumeInstalled(String tool) {
    boolean available = find(tool).isPresent();
    if (!available) {
      System.err.println("skipped: '" + tool + "' is not installed; the test compares against it");
    }
    assumeTrue(available, () -> "'" + tool + "' is not installed");
  }

  /** Skips the test unless running as root (loop devices, mounts). */
  public static void assumeRoot() {
    assumeTrue("root".equals(System.getProperty("user.name")), "not root: loop devices and mounts need root; skipping");
  }

  /** Debian's Python 3 (which sees Debian's python3-* packages); skips the test when there is none. */
  public static String python3() {
    Path system = Path.of("/usr/bin/python3");
    if (Files.isExecutable(system)) {
      return system.toString();
    }
    assumeInstalled("python3");
    return "python3";
  }

  /** Runs {@code command} (the first element a tool; the test is skipped when it is missing) and waits for it. */
  public static Result run(List<String> command) {
    if (!command.get(0).contains("/")) {
      assumeInstalled(command.get(0));
    }
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("custos-tool-", ".out");
      err = Files.createTempFile("custos-tool-", ".err");
      Process process = new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command, e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  /** Runs {@code command}, requires exit code 0, and returns its standard output. */
  public static String ok(String... command) {
    Result result = run(List.of(command));
    assertThat(result.exitCode()).as("exit code of %s (stderr: %s)", List.of(command), result.stderr()).isZero();
    return result.stdout();
  }

  /** The lowercase hex digest {@code tool} (md5sum, sha1sum, sha256sum, sha512sum) prints for {@code file}. */
  public static String digestOf(String tool, Path file) {
    String line = ok(tool, "--binary", file.toString());
    return line.substring(0, line.indexOf(' '));
  }

  /** Whether {@code cmp} finds the two files byte-identical; fails on any other trouble. */
  public static boolean identical(Path expected, Path actual) {
    Result result = run(List.of("cmp", expected.toString(), actual.toString()));
    assertThat(result.exitCode()).as("cmp exit code (0 identical, 1 different, 2 trouble): %s", result.stderr()).isIn(0, 1);
    return result.exitCode() == 0;
  }

  /** The lines of {@code text}, without line breaks. */
  public static List<String> lines(String text) {
    return text.lines().toList();
  }

  /** A mutable command line, for readability. */
  public static List<String> command(String... parts) {
    return new ArrayList<>(List.of(parts));
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temporary file of a test tool run; the OS cleans /tmp
    }
  }
}
