package dev.custos.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs tools nobody here wrote (md5sum, cmp, losetup, …) and returns what they print. */
public final class ExternalTool {
  private ExternalTool() {}

  /** Result of a command. */
  public record Result(int exitCode, String output) {}

  /** Runs {@code command}; stdout and stderr merged. */
  public static Result run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Runs {@code command} and fails the test unless it exits 0. */
  public static String ok(String... command) {
    Result result = run(List.of(command));
    if (result.exitCode() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed (" + result.exitCode() + "): " + result.output());
    }
    return result.output();
  }

  /** The digest {@code tool} (md5sum, sha1sum, sha256sum, sha512sum) prints for {@code file}. */
  public static String digestOf(String tool, Path file) {
    return ok(tool, file.toString()).split("\\s+")[0];
  }

  /** Whether {@code cmp} finds the two files byte for byte equal. */
  public static boolean identical(Path a, Path b) {
    return run(List.of("cmp", a.toString(), b.toString())).exitCode() == 0;
  }

  /** Skips the test, saying why, unless {@code tool} is on the PATH. */
  public static void assumeInstalled(String tool) {
    assumeTrue(installed(tool), tool + " is not installed: skipping");
  }

  public static boolean installed(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
  }

  /** Skips the test unless running as root (loop devices, mounts). */
  public static void assumeRoot() {
    assumeTrue("root".equals(System.getProperty("user.name")), "not root: loop devices and mounts need root; skipping");
  }

  /** A command line, for readability. */
  public static List<String> command(String... parts) {
    return new ArrayList<>(List.of(parts));
  }
}
