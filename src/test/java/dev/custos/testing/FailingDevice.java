package dev.custos.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real failing block device: a FUSE file returning EIO for chosen byte ranges, attached
 * read-only to a loop device ({@code test-fixtures/failing-device/}). Reading it fails at those
 * sectors as a dying drive does; it can also be slow, vanish as a whole and come back, or lose its
 * daemon for good.
 */
public final class FailingDevice implements AutoCloseable {
  private static final Path SCRIPTS = Path.of("test-fixtures/failing-device").toAbsolutePath();

  private final Path workDir;
  private final Path device;

  private FailingDevice(Path workDir, Path device) {
    this.workDir = workDir;
    this.device = device;
  }

  /**
   * Attaches {@code backing} with reads failing in each {@code start:length} byte range.
   * Skips the test, saying why, where root, loop devices or FUSE are missing.
   */
  public static FailingDevice attach(Path backing, Path workDir, List<String> badRanges) {
    List<String> options = new ArrayList<>();
    for (String range : badRanges) {
      options.add("--bad");
      options.add(range);
    }
    return attachWith(backing, workDir, options.toArray(String[]::new));
  }

  /**
   * Attaches {@code backing} with {@code failing_file.py}'s options as given ({@code --bad},
   * {@code --delay-ms}, {@code --read-delay-ms}, {@code --vanish-at}, …); {@link #goneFile()},
   * the busy file and {@link #readLog()} are always passed. Skips the test, saying why, where root, loop devices or
   * FUSE are missing.
   */
  public static FailingDevice attachWith(Path backing, Path workDir, String... fixtureOptions) {
    ExternalTool.Result prereqs = ExternalTool.run(List.of(SCRIPTS.resolve("check-prereqs.sh").toString()));
    assumeTrue(prereqs.exitCode() == 0, "no failing device here: " + prereqs.output().strip());
    Path absolute = workDir.toAbsolutePath();
    List<String> command = ExternalTool.command(SCRIPTS.resolve("attach.sh").toString(), backing.toString(), absolute.toString(),
        "--gone-file", absolute.resolve("gone").toString(), "--busy-file", absolute.resolve("busy").toString(),
        "--log", absolute.resolve("reads.log").toString());
    command.addAll(List.of(fixtureOptions));
    String output = ExternalTool.ok(command.toArray(String[]::new)).strip();
    String[] lines = output.split("\n");
    return new FailingDevice(absolute, Path.of(lines[lines.length - 1].strip()));
  }

  public Path path() {
    return device;
  }

  /** The FUSE file behind the loop device: a regular file whose reads fail as the device's do. */
  public Path fuseFile() {
    return workDir.resolve("mnt").resolve("disk.img");
  }

  /**
   * From now on every open of {@link #fuseFile()} fails with EBUSY, as a file system answers for a
   * file another program holds exclusively; the loop device, already attached, keeps reading.
   */
  public void holdBusy() {
    try {
      Files.writeString(workDir.resolve("busy"), "", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** While this file exists, every read of the device fails: it has vanished. */
  public Path goneFile() {
    return workDir.resolve("gone");
  }

  /** Makes the whole device vanish: every read fails from now on, also of what read fine before. */
  public void vanish() {
    try {
      Files.writeString(goneFile(), "", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the device has vanished (by {@link #vanish()} or {@code --vanish-at}). */
  public boolean hasVanished() {
    return Files.exists(goneFile());
  }

  /** Brings a vanished device back, unchanged. */
  public void comeBack() {
    try {
      Files.deleteIfExists(goneFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills the FUSE daemon (SIGKILL): the device is gone for good, its reads fail with EIO. */
  public void killDaemon() {
    try {
      String pid = Files.readString(workDir.resolve("fuse.pid"), StandardCharsets.UTF_8).strip();
      ExternalTool.ok("kill", "-KILL", pid);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The read requests the daemon received, one {@code offset size OK|EIO} a line. */
  public List<String> readLog() {
    try {
      Path log = workDir.resolve("reads.log");
      return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many read requests the daemon failed. */
  public long failedReads() {
    return readLog().stream().filter(line -> line.endsWith(" EIO")).count();
  }

  @Override
  public void close() {
    ExternalTool.run(List.of(SCRIPTS.resolve("detach.sh").toString(), workDir.toString()));
  }
}
