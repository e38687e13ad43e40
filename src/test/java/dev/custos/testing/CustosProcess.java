package dev.custos.testing;

import dev.custos.cli.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Custos as a real child process (its own JVM, the launcher's memory settings), for what only a
 * real process shows: a signal, {@code kill -9}, a lock held by another process.
 */
public final class CustosProcess {
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private CustosProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Starts {@code custos args…}, its output going to {@code logs/NAME.out} and {@code .err}. */
  public static CustosProcess start(Path logs, String name, String... args) {
    return startMain(logs, name, Main.class, args);
  }

  /**
   * Starts {@code custos args…} as {@link #start} does, in {@code workingDirectory}, with {@code
   * variables} set in its environment ({@code TZ=Europe/Berlin}, say) over the inherited ones.
   */
  public static CustosProcess startIn(Path workingDirectory, java.util.Map<String, String> variables, Path logs, String name,
      String... args) {
    return start(builder -> {
      builder.directory(workingDirectory.toFile());
      builder.environment().putAll(variables);
    }, logs, name, Main.class, args);
  }

  /** Starts {@code main} of another class on the test class path ({@code main args…}), as {@link #start} does Custos's. */
  public static CustosProcess startMain(Path logs, String name, Class<?> main, String... args) {
    return start(builder -> { }, logs, name, main, args);
  }

  private static CustosProcess start(java.util.function.Consumer<ProcessBuilder> setUp, Path logs, String name, Class<?> main,
      String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-Xms64m", "-Xmx192m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Path out = logs.resolve(name + ".out");
    Path err = logs.resolve(name + ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      setUp.accept(builder);
      return new CustosProcess(builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Sends {@code signal} ({@code KILL}, {@code TERM}, {@code INT}) with the real {@code kill}. */
  public void signal(String signal) {
    ExternalTool.run(List.of("kill", "-" + signal, Long.toString(process.pid())));
  }

  /**
   * Waits until {@code file} holds at least {@code bytes} bytes, or the process has ended.
   *
   * @return whether the file got there while the process ran
   */
  public boolean awaitFileSize(Path file, long bytes) throws InterruptedException {
    while (process.isAlive()) {
      try {
        if (Files.exists(file) && Files.size(file) >= bytes) {
          return true;
        }
      } catch (IOException e) {
        // Not there yet.
      }
      Thread.sleep(2);
    }
    return false;
  }

  /**
   * Waits until the process's standard error holds {@code text}, or the process has ended.
   *
   * @return whether it got there while the process ran
   */
  public boolean awaitError(String text) throws InterruptedException {
    while (process.isAlive()) {
      if (stderr().contains(text)) {
        return true;
      }
      Thread.sleep(5);
    }
    return false;
  }

  /**
   * Sends {@code signal} once {@code file} holds at least {@code bytes} bytes, and waits for the end.
   *
   * @return the exit status
   * @throws AssertionError if the process ended before the file got there
   */
  public int signalAt(Path file, long bytes, String signal) throws InterruptedException {
    if (!awaitFileSize(file, bytes)) {
      throw new AssertionError("custos ended before " + file + " held " + bytes + " bytes: " + stderr());
    }
    signal(signal);
    return exitCode();
  }

  /** Waits for the end (at most two minutes) and returns the exit status. */
  public int exitCode() throws InterruptedException {
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("custos did not end within two minutes: " + stderr());
    }
    return process.exitValue();
  }

  public String stdout() {
    return read(stdout);
  }

  public String stderr() {
    return read(stderr);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
