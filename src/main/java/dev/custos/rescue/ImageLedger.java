package dev.custos.rescue;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a rescue wrote into the image, held in memory as SHA-256 digests, so that the image read
 * back for the digests' catch-up is proven to be what was read from the source. Once a block has
 * failed, the whole-image digests are computed over the image after the rescue ({@code
 * digest-catch-up}); without this ledger, bytes changed in the image file while the rescue ran (by
 * a failing disk or by anyone who can write to it) would be digested and signed as read from the
 * source.
 *
 * <p>Two digests: one over every byte the copy pass wrote from the first block not read whole on
 * (zeros where it read nothing), and one for each run of bytes a later phase wrote over those
 * zeros ({@link #patched}). A run is one write, or consecutive writes of single sectors going
 * forwards or (up to {@link #BACKWARD_RUN_LIMIT}) backwards, so the runs stay as few as the
 * damage's edges. Checking ({@link Check}) reads the image once, in order, as the catch-up does:
 * the image with every run zeroed must give the copy digest, each run its own digest. Memory:
 * about 150 bytes a run (its place and its 32-byte digest), and one backward run's bytes (at most
 * 1 MiB) while it is checked.
 *
 * <p>Threading: confined to the reader thread.
 */
public final class ImageLedger {
  /** The most bytes a run of single sectors written backwards may hold: checking buffers one. */
  static final int BACKWARD_RUN_LIMIT = 1 << 20;

  private final long from;
  private final int unit;
  private final MessageDigest copy = sha256();
  private long copiedTo;
  private final TreeMap<Long, Run> runs = new TreeMap<>();
  private Run last;

  /** A run of bytes written over the copy pass's zeros, and the SHA-256 of them in the order they were written. */
  private static final class Run {
    long position;
    long end;
    final boolean singleUnits;
    boolean backward;
    /** While the run is open; dropped once it closes, so a closed run holds 32 bytes of digest. */
    MessageDigest digest = sha256();
    byte[] expected;

    void close() {
      expected = digest.digest();
      digest = null;
    }

    Run(long position, long end, boolean singleUnits) {
      this.position = position;
      this.end = end;
      this.singleUnits = singleUnits;
    }
  }

  /**
   * @param from the first byte of the first block not read whole: the ledger covers the image from there
   * @param unit the source's error unit, the size of a single-sector write
   */
  public ImageLedger(long from, int unit) {
    this.from = from;
    this.unit = unit;
    this.copiedTo = from;
  }

  /** The copy pass wrote {@code data[0, length)} at {@code offset}, the next bytes from {@link #from} on, in order. */
  public void copied(long offset, byte[] data, int length) {
    if (offset != copiedTo) {
      throw new IllegalStateException("the copy pass wrote byte " + offset + ", the ledger expected byte " + copiedTo);
    }
    copy.update(data, 0, length);
    copiedTo += length;
  }

  /** A later phase wrote {@code data[offset, offset + length)} at byte {@code position} of the image, over zeros. */
  public void patched(long position, byte[] data, int offset, int length) {
    if (position < from || length <= 0) {
      throw new IllegalArgumentException("a rescue wrote " + length + " bytes at byte " + position + ", before byte " + from);
    }
    boolean single = length == unit;
    if (last != null && single && last.singleUnits && last.expected == null) {
      boolean forwards = !last.backward && position == last.end;
      boolean backwards = (last.backward || last.end - last.position == unit) && position + length == last.position
          && last.end - position <= BACKWARD_RUN_LIMIT;
      if (forwards || backwards) {
        runs.remove(last.position);
        if (forwards) {
          last.end += length;
        } else {
          last.backward = true;
          last.position = position;
        }
        last.digest.update(data, offset, length);
        put(last);
        return;
      }
    }
    if (last != null && last.expected == null) {
      last.close();
    }
    last = new Run(position, position + length, single);
    last.digest.update(data, offset, length);
    put(last);
  }

  private void put(Run run) {
    Map.Entry<Long, Run> before = runs.floorEntry(run.position);
    Map.Entry<Long, Run> after = runs.ceilingEntry(run.position);
    if (before != null && before.getValue() != run && before.getValue().end > run.position
        || after != null && after.getValue() != run && after.getKey() < run.end) {
      throw new IllegalStateException("bytes " + run.position + "-" + (run.end - 1) + " of the image were written twice by the rescue");
    }
    runs.put(run.position, run);
  }

  /** A check of the image, read back in order from {@link #from} to the end of the copy pass's writes. */
  public Check check() {
    if (last != null && last.expected == null) {
      last.close();
    }
    return new Check();
  }

  /**
   * Checks the image as the catch-up reads it: feed every block from the ledger's first byte on, in
   * order ({@link #feed}), then ask for the verdict ({@link #finish}).
   */
  public final class Check {
    private final MessageDigest zeroed = sha256();
    private final List<Run> ordered = new ArrayList<>(runs.values());
    private byte[] work = new byte[0];
    private int next;
    private long at = from;
    private Optional<String> problem = Optional.empty();
    private MessageDigest running;
    private byte[] backwardBytes;

    private Check() {}

    /** The image's bytes {@code [offset, offset + length)}, the next in order. */
    public void feed(long offset, byte[] data, int length) {
      if (offset != at) {
        throw new IllegalStateException("the check read byte " + offset + ", expected byte " + at);
      }
      if (work.length < length) {
        work = new byte[length];
      }
      System.arraycopy(data, 0, work, 0, length);
      long end = offset + length;
      for (int i = next; i < ordered.size() && ordered.get(i).position < end; i++) {
        Run run = ordered.get(i);
        long start = Math.max(run.position, offset);
        long stop = Math.min(run.end, end);
        if (start >= stop) {
          continue;
        }
        take(run, data, (int) (start - offset), (int) (stop - start));
        Arrays.fill(work, (int) (start - offset), (int) (stop - offset), (byte) 0);
        if (stop == run.end) {
          settle(run);
          next = i + 1;
        }
      }
      zeroed.update(work, 0, length);
      at = end;
    }

    private void take(Run run, byte[] data, int offset, int length) {
      if (!run.backward) {
        if (running == null) {
          running = sha256();
        }
        running.update(data, offset, length);
        return;
      }
      if (backwardBytes == null) {
        backwardBytes = new byte[0];
      }
      byte[] grown = Arrays.copyOf(backwardBytes, backwardBytes.length + length);
      System.arraycopy(data, offset, grown, backwardBytes.length, length);
      backwardBytes = grown;
    }

    private void settle(Run run) {
      byte[] digest;
      if (run.backward) {
        MessageDigest descending = sha256();
        for (int sector = backwardBytes.length - unit; sector >= 0; sector -= unit) {
          descending.update(backwardBytes, sector, unit);
        }
        digest = descending.digest();
        backwardBytes = null;
      } else {
        digest = running.digest();
        running = null;
      }
      if (problem.isEmpty() && !MessageDigest.isEqual(digest, run.expected)) {
        problem = Optional.of("bytes " + run.position + "-" + (run.end - 1) + " of the image are not what the rescue read and wrote there");
      }
    }

    /**
     * The verdict, once every byte to the end of the copy pass's writes was fed.
     *
     * @return what differs, or empty when the image is what the acquisition read and wrote
     */
    public Optional<String> finish() {
      if (at != copiedTo) {
        throw new IllegalStateException("the check ended at byte " + at + ", the copy pass wrote to byte " + copiedTo);
      }
      if (problem.isEmpty() && !MessageDigest.isEqual(zeroed.digest(), copy.digest())) {
        problem = Optional.of("the image from byte " + from + " on is not what the copy pass read and wrote there");
      }
      return problem;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
