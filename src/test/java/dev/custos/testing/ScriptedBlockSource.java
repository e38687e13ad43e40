package dev.custos.testing;

import dev.custos.source.BlockSource;
import dev.custos.source.HiddenAreas;
import dev.custos.source.ReadOutcome;
import dev.custos.source.SourceIdentity;
import dev.custos.source.SourceKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link BlockSource} in memory that fails where it is told: byte ranges that fail with a given
 * message (for ever, or a given number of times and then read), a drive that vanishes after a
 * number of reads (every read fails from then on, also of what read fine before, as a pulled drive
 * answers through a loop device), a node that changes, a source that ends before its size. It
 * logs every read, so a test can count the tries. A read fails when it overlaps a failing range,
 * as a kernel read of a block holding a bad sector does.
 */
public final class ScriptedBlockSource implements BlockSource {
  /** The message of EIO, as Java gives it. */
  public static final String EIO = "Input/output error";

  private final SourceIdentity identity;
  private final byte[] content;
  private final int errorUnit;
  private final List<Fault> faults = new ArrayList<>();
  private final List<String> log = new ArrayList<>();
  private long vanishAfterReads = Long.MAX_VALUE;
  private long endsAt;
  private Optional<String> changedOnceVanished = Optional.empty();
  private long hookAt = -1;
  private Runnable hook = () -> { };

  /** A failing byte range {@code [start, end)}, failing {@code remaining} more reads. */
  private static final class Fault {
    final long start;
    final long end;
    final String message;
    final long fromRead;
    long remaining;

    Fault(long start, long end, String message, long remaining, long fromRead) {
      this.start = start;
      this.end = end;
      this.message = message;
      this.remaining = remaining;
      this.fromRead = fromRead;
    }
  }

  /**
   * A block device {@code /dev/scripted} holding {@code content}, in sectors of {@code sectorSize},
   * failing in units of {@code errorUnit}.
   */
  public ScriptedBlockSource(byte[] content, int sectorSize, int errorUnit) {
    this(new SourceIdentity(Path.of("/dev/scripted"), SourceKind.BLOCK_DEVICE, null, null, "Scripted", "S-1", content.length,
        sectorSize, sectorSize, false, false, true, HiddenAreas.notAvailable("scripted"), null, List.of(), Set.of()), content, errorUnit);
  }

  /** The source {@code identity} (of {@code content}'s size), holding {@code content}, failing in units of {@code errorUnit}. */
  public ScriptedBlockSource(SourceIdentity identity, byte[] content, int errorUnit) {
    if (identity.sizeBytes() != content.length) {
      throw new IllegalArgumentException("identity of " + identity.sizeBytes() + " bytes for " + content.length + " bytes of content");
    }
    this.identity = identity;
    this.content = content.clone();
    this.errorUnit = errorUnit;
    this.endsAt = content.length;
  }

  /** A regular file's identity: {@code file}, {@code size} bytes, 512-byte sectors. */
  public static SourceIdentity fileIdentity(Path file, long size) {
    return new SourceIdentity(file, SourceKind.FILE, null, null, null, null, size, 512, 512, false, false, false,
        HiddenAreas.notAvailable("a file"), null, List.of(), Set.of());
  }

  /** Every read of {@code [start, start + length)} fails with EIO. */
  public ScriptedBlockSource failing(long start, long length) {
    return failingTimes(start, length, Long.MAX_VALUE);
  }

  /** The first {@code times} reads touching {@code [start, start + length)} fail with EIO; later ones read. */
  public ScriptedBlockSource failingTimes(long start, long length, long times) {
    faults.add(new Fault(start, start + length, EIO, times, 0));
    return this;
  }

  /** Every read of {@code [start, start + length)} fails with {@code message} (e.g. {@code No such device or address}). */
  public ScriptedBlockSource failingWith(long start, long length, String message) {
    faults.add(new Fault(start, start + length, message, Long.MAX_VALUE, 0));
    return this;
  }

  /** From the read after the first {@code reads} on, every read of {@code [start, start + length)} fails with EIO: a region that goes bad. */
  public ScriptedBlockSource failingAfter(long reads, long start, long length) {
    faults.add(new Fault(start, start + length, EIO, Long.MAX_VALUE, reads));
    return this;
  }

  /** After {@code reads} reads every read fails with EIO, as a pulled drive's do. */
  public ScriptedBlockSource vanishingAfter(long reads) {
    this.vanishAfterReads = reads;
    return this;
  }

  /** Once vanished, the node shows it: {@link #whatChanged()} says {@code what}. */
  public ScriptedBlockSource showingOnceVanished(String what) {
    this.changedOnceVanished = Optional.of(what);
    return this;
  }

  /** The source gives nothing from {@code byteOffset} on, although its size says more: it shrank. */
  public ScriptedBlockSource endingAt(long byteOffset) {
    this.endsAt = byteOffset;
    return this;
  }

  /** Runs {@code action} when the block at {@code position} is read (e.g. to signal a stop there). */
  public ScriptedBlockSource onReading(long position, Runnable action) {
    this.hookAt = position;
    this.hook = action;
    return this;
  }

  /** Every read so far: {@code block|unit OFFSET LENGTH ok|MESSAGE}, in order. */
  public List<String> log() {
    return List.copyOf(log);
  }

  /** How many reads of the range {@code [start, start + length)} were asked for, failed or not. */
  public long readsTouching(long start, long length) {
    return log.stream().filter(line -> {
      String[] parts = line.split(" ");
      long at = Long.parseLong(parts[1]);
      return at < start + length && start < at + Long.parseLong(parts[2]);
    }).count();
  }

  @Override
  public SourceIdentity identity() {
    return identity;
  }

  @Override
  public int errorUnit() {
    return errorUnit;
  }

  @Override
  public ReadOutcome read(long position, byte[] destination, int offset, int length) {
    if (position == hookAt) {
      hook.run();
    }
    return answer("block", position, destination, offset, length);
  }

  @Override
  public ReadOutcome readUnit(long position, byte[] destination, int offset) {
    if (position % errorUnit != 0) {
      throw new IllegalArgumentException("unit read off the unit grid at byte " + position);
    }
    return answer("unit", position, destination, offset, (int) Math.min(errorUnit, size() - position));
  }

  @Override
  public Optional<String> whatChanged() {
    return vanished() ? changedOnceVanished : Optional.empty();
  }

  private boolean vanished() {
    return log.size() >= vanishAfterReads;
  }

  private ReadOutcome answer(String what, long position, byte[] destination, int offset, int length) {
    Optional<String> failure = vanished() ? Optional.of(EIO) : failureOf(position, length);
    log.add(what + " " + position + " " + length + " " + failure.orElse("ok"));
    if (failure.isPresent()) {
      // What a failed read leaves in the buffer is undefined: garbage, not zeros.
      Arrays.fill(destination, offset, offset + length, (byte) 0x5A);
      return ReadOutcome.failed(new IOException(failure.get()));
    }
    int read = (int) Math.max(0, Math.min(length, endsAt - position));
    System.arraycopy(content, (int) position, destination, offset, read);
    return ReadOutcome.of(read, length);
  }

  private Optional<String> failureOf(long position, int length) {
    Optional<String> failure = Optional.empty();
    for (Fault fault : faults) {
      if (position < fault.end && fault.start < position + length && fault.remaining > 0 && log.size() >= fault.fromRead) {
        fault.remaining--;
        failure = failure.or(() -> Optional.of(fault.message));
      }
    }
    return failure;
  }
}
