package dev.custos.acquire;

import dev.custos.digest.PieceAlgorithm;
import dev.custos.digest.PieceDigest;
import dev.custos.digest.PieceListener;
import dev.custos.evidence.Manifest;
import dev.custos.io.EvidenceFile;
import dev.custos.io.NotEvidenceFileException;
import dev.custos.io.ReadLimit;
import dev.custos.io.SourceFileKey;
import dev.custos.io.WriteOnce;
import dev.custos.rescue.Area;
import dev.custos.source.BadSectorMap;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The progress record of an acquisition, {@code acquisition-progress.jsonl}: what {@code acquire
 * resume} needs after a crash that left no manifest. A first line names the piece digest, the
 * piece size and the source size; then one line a piece, as its digest completes, with the
 * unreadable sectors found in it; {@link ProgressRecordFormat} holds the lines' format and reads them.
 *
 * <p>Lines are written with one {@code write} each and without fsync: a process killed with
 * {@code kill -9} keeps every line it wrote, and nothing on the read path waits for a disk flush.
 * After a power loss a line may be missing, or ahead of the image bytes it describes; that costs a
 * re-read, never a wrong image, because a resumption re-hashes every recorded piece of the image
 * and reads again from the source from the first piece that does not match (CRC pieces, which an
 * adversary can satisfy, are not trusted: the image is compared with the source instead). The
 * record is not signed: where the interruption wrote a manifest, its pieces must agree with it.
 *
 * <p>While resuming, the first {@code expected} pieces are the ones already recorded: each is
 * compared as it is re-hashed and not written again; the first that differs is remembered ({@link
 * #mismatch()}).
 *
 * <p>Threading: {@link #pieceCompleted} on the piece thread; the rest on the reading thread.
 */
final class ProgressRecord implements PieceListener, Closeable {
  /** The file's name in the evidence directory. */
  static final String FILE = "acquisition-progress.jsonl";

  /**
   * An already-recorded piece that re-hashed to another digest.
   *
   * @param piece its index
   * @param digest what it re-hashed to
   */
  record Mismatch(long piece, PieceDigest digest) {}

  private final Path file;
  private final FileChannel channel;
  private final ProgressRecordFormat.Header header;
  private final BadSectorMap badSectors;
  private final List<PieceDigest> expected;
  private final AtomicReference<Mismatch> firstMismatch = new AtomicReference<>();
  /** Where a stopped stream ends (before the source's end): a piece cut short there is no piece. */
  private volatile OptionalLong streamEnd = OptionalLong.empty();

  private ProgressRecord(Path file, FileChannel channel, ProgressRecordFormat.Header header, BadSectorMap badSectors,
      List<PieceDigest> expected) {
    this.file = file;
    this.channel = channel;
    this.header = header;
    this.badSectors = badSectors;
    this.expected = List.copyOf(expected);
    PieceDigest.requireAll(header.algorithm(), this.expected);
  }

  /**
   * Starts the record of a new acquisition.
   *
   * @throws IOException if the file exists or cannot be written
   */
  static ProgressRecord start(Path directory, PieceAlgorithm algorithm, long pieceSize, long sourceSize, int sectorSize,
      BadSectorMap badSectors) throws IOException {
    return start(directory, new ProgressRecordFormat.Header(algorithm, pieceSize, sourceSize, sectorSize), badSectors);
  }

  private static ProgressRecord start(Path directory, ProgressRecordFormat.Header header, BadSectorMap badSectors)
      throws IOException {
    Path file = directory.resolve(FILE);
    // CREATE_NEW (O_EXCL) never opens an existing file, the source included, nor follows a link;
    // through the one rule for every write in DIR all the same.
    FileChannel channel = EvidenceFile.openToWrite(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    ProgressRecord record = new ProgressRecord(file, channel, header, badSectors, List.of());
    record.writeLine(ProgressRecordFormat.line(header));
    return record;
  }

  /**
   * Continues the record of a resumed acquisition: the first {@code expected.size()} pieces are
   * checked, not written.
   *
   * @param expected the recorded pieces' digests, of {@code algorithm}
   * @throws IOException if the file cannot be opened for appending; a missing one is begun anew
   *     when no recorded piece is to be checked
   * @throws IllegalArgumentException if an expected digest is not one of {@code algorithm}
   */
  static ProgressRecord resume(Path directory, PieceAlgorithm algorithm, long pieceSize, long sourceSize, int sectorSize,
      BadSectorMap badSectors, List<PieceDigest> expected) throws IOException {
    return resume(directory, algorithm, pieceSize, sourceSize, sectorSize, badSectors, expected, null);
  }

  /**
   * As {@link #resume(Path, PieceAlgorithm, long, long, int, BadSectorMap, List)}, the record
   * proven not to be {@code notSource} before and after it is opened for appending.
   *
   * @throws dev.custos.io.SourceWriteRefusedException if it is the source; nothing was written
   */
  static ProgressRecord resume(Path directory, PieceAlgorithm algorithm, long pieceSize, long sourceSize, int sectorSize,
      BadSectorMap badSectors, List<PieceDigest> expected, SourceFileKey notSource) throws IOException {
    ProgressRecordFormat.Header header = new ProgressRecordFormat.Header(algorithm, pieceSize, sourceSize, sectorSize);
    Path file = directory.resolve(FILE);
    if (expected.isEmpty() && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      // None was left (killed before its first line, or lost in a power cut): begin one, as a new acquisition does.
      return start(directory, header, badSectors);
    }
    FileChannel channel = EvidenceFile.openToWrite(file, notSource, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    return new ProgressRecord(file, channel, header, badSectors, expected);
  }

  /**
   * Says that the stream stops at byte {@code end}, before the source's end (a stop asked for):
   * the piece the pipeline then finishes short is neither compared with its record nor recorded.
   * Call before the pipeline finishes.
   */
  void streamEndsAt(long end) {
    streamEnd = OptionalLong.of(end);
  }

  @Override
  public void pieceCompleted(long index, PieceDigest digest) throws IOException {
    long pieceSize = header.pieceSize();
    OptionalLong end = streamEnd;
    if (end.isPresent() && (index + 1) * pieceSize > end.getAsLong()) {
      return; // cut short by the stop: its digest is of part of a piece
    }
    if (index < expected.size()) {
      if (!expected.get((int) index).equals(digest)) {
        firstMismatch.compareAndSet(null, new Mismatch(index, digest));
      }
      return;
    }
    long firstLba = index * pieceSize / header.sectorSize();
    long endLba = Math.addExact(index, 1) * pieceSize / header.sectorSize();
    writeLine(ProgressRecordFormat.line(index, new ProgressRecordFormat.Piece(digest, badSectors.rangesWithin(firstLba, endLba))));
  }

  /** The first already-recorded piece that re-hashed to another digest, if one did. */
  Optional<Mismatch> mismatch() {
    return Optional.ofNullable(firstMismatch.get());
  }

  /**
   * Records where the rescue of a failing source stands: every area not read yet. Any thread:
   * lines are written whole, one at a time.
   *
   * @throws IOException if the record cannot be written
   */
  void rescue(List<Area> unfinished) throws IOException {
    writeLine(ProgressRecordFormat.line(unfinished));
  }

  /**
   * Records a rate sample of the run that began at {@code run}. Any thread. A sample is no
   * evidence, only how long a run that dies without a record ran: one that cannot be written is
   * left out, and the disk's trouble is reported by the next piece line, which must be written.
   */
  void rateSample(Instant run, Manifest.RateSample sample) {
    try {
      writeLine(ProgressRecordFormat.line(run, sample));
    } catch (IOException e) {
      // Left out, as above.
    }
  }

  private synchronized void writeLine(String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  /** Closes the file, and with {@code seal} flushes it and makes it read-only (a completed acquisition's). */
  void close(boolean seal) throws IOException {
    channel.close();
    if (seal) {
      WriteOnce.seal(file);
    }
  }

  @Override
  public void close() throws IOException {
    close(false);
  }

  /**
   * Reads the progress record of {@code directory} ({@link ProgressRecordFormat#read}).
   *
   * @return what it holds; {@link ProgressRecordFormat.Absent} if there is none, or not even its
   *     first line was completed; {@link ProgressRecordFormat.Unreadable} if its first line is not a
   *     progress record's, or it is larger than {@link ReadLimit#PROGRESS_RECORD}
   * @throws IOException if it cannot be read, or is a symbolic link
   */
  static ProgressRecordFormat.Reading read(Path directory) throws IOException {
    Path file = directory.resolve(FILE);
    byte[] content;
    try {
      if (Files.isSymbolicLink(file)) {
        throw new IOException(file + " is a symbolic link, not Custos's progress record");
      }
      content = EvidenceFile.read(file, ReadLimit.PROGRESS_RECORD);
    } catch (NoSuchFileException e) {
      return new ProgressRecordFormat.Absent();
    } catch (NotEvidenceFileException e) {
      // Larger than Custos reads (or not a file at all): like a damaged record, it costs a re-read.
      return new ProgressRecordFormat.Unreadable(e.getMessage());
    }
    return ProgressRecordFormat.read(file.getFileName().toString(), content);
  }
}
