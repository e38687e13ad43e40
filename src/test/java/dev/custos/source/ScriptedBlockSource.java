package dev.custos.source;

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
final class ScriptedBlockSource implements BlockSource {
  static final String EIO = "Input/output error";

  private final SourceIdentity identity;
  private final byte[] content;
  private final int errorUnit;
  private final List<Fault> faults = new ArrayList<>();
  private final List<String> log = new ArrayList<>();
  private long vanishAfterReads = Long.MAX_VALUE;
  private long endsAt;
  private Optional<String> changedOnceVanished = Optional.empty();

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

  /** A source holding {@code content}, in sectors of {@code sectorSize}, failing in units of {@code errorUnit}. */
  ScriptedBlockSource(byte[] content, int sectorSize, int errorUnit) {
    this.content = content.clone();
    this.errorUnit = errorUnit;
    this.endsAt = content.length;
    this.identity = new SourceIdentity(Path.of("/dev/scripted"), SourceKind.BLOCK_DEVICE, null, null, "Scripted", "S-1",
        content.length, sectorSize, sectorSize, false, false, true, HiddenAreas.notAvailable("scripted"), null, List.of(), Set.of());
  }

  /** Every read of {@code [start, start + length)} fails with EIO. */
  ScriptedBlockSource failing(long start, long length) {
    return failingTimes(start, length, Long.MAX_VALUE);
  }

  /** The first {@code times} reads touching {@code [start, start + length)} fail with EIO; later ones read. */
  ScriptedBlockSource failingTimes(long start, long length, long times) {
    faults.add(new Fault(start, start + length, EIO, times, 0));
    return this;
  }

  /** Every read of {@code [start, start + length)} fails with {@code message} (e.g. {@code No such device or address}). */
  ScriptedBlockSource failingWith(long start, long length, String message) {
    faults.add(new Fault(start, start + length, message, Long.MAX_VALUE, 0));
    return this;
  }

  /** From the read after the first {@code reads} on, every read of {@code [start, start + length)} fails with EIO: a region that goes bad. */
  ScriptedBlockSource failingAfter(long reads, long start, long length) {
    faults.add(new Fault(start, start + length, EIO, Long.MAX_VALUE, reads));
    return this;
  }

  /** After {@code reads} reads every read fails with EIO, as a pulled drive's do. */
  ScriptedBlockSource vanishingAfter(long reads) {
    this.vanishAfterReads = reads;
    return this;
  }

  /** Once vanished, the node shows it: {@link #whatChanged()} says {@code what}. */
  ScriptedBlockSource showingOnceVanished(String what) {
    this.changedOnceVanished = Optional.of(what);
    return this;
  }

  /** The source gives nothing from {@code byteOffset} on, although its size says more: it shrank. */
  ScriptedBlockSource endingAt(long byteOffset) {
    this.endsAt = byteOffset;
    return this;
  }

  /** Every read so far: {@code block|unit OFFSET LENGTH ok|MESSAGE}, in order. */
  List<String> log() {
    return List.copyOf(log);
  }

  /** How many reads of the range {@code [start, start + length)} were asked for, failed or not. */
  long readsTouching(long start, long length) {
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
