package dev.custos.acquire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.digest.PieceListener;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.evidence.JsonText;
import dev.custos.io.WriteOnce;
import dev.custos.io.EvidenceFile;
import dev.custos.io.NotEvidenceFileException;
import dev.custos.io.ReadLimit;
import dev.custos.source.BadSectorMap;
import dev.custos.source.SectorRange;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The progress record of an acquisition, {@code acquisition-progress.jsonl}: what {@code acquire
 * resume} needs after a crash that left no manifest. A first line names the piece digest, the
 * piece size and the source size; then one line a piece, as its digest completes, with the
 * unreadable sectors found in it (schema: {@code evidence-schema/acquisition-progress.schema.json}).
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
 * #firstMismatch()}).
 *
 * <p>Threading: {@link #pieceCompleted} on the piece thread; the rest on the reading thread.
 */
final class ProgressRecord implements PieceListener, Closeable {
  /** The file's name in the evidence directory. */
  static final String FILE = "acquisition-progress.jsonl";
  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = JsonText.boundedMapper(ReadLimit.PROGRESS_LINE).build();

  private final Path file;
  private final FileChannel channel;
  private final long pieceSize;
  private final int sectorSize;
  private final BadSectorMap badSectors;
  private final List<String> expected;
  private final AtomicLong firstMismatch = new AtomicLong(-1);
  private volatile String mismatchDigest;
  /** Where a stopped stream ends (before the source's end), or -1: a piece cut short there is no piece. */
  private volatile long streamEnd = -1;

  private ProgressRecord(Path file, FileChannel channel, long pieceSize, int sectorSize, BadSectorMap badSectors,
      List<String> expected) {
    this.file = file;
    this.channel = channel;
    this.pieceSize = pieceSize;
    this.sectorSize = sectorSize;
    this.badSectors = badSectors;
    this.expected = List.copyOf(expected);
  }

  /**
   * Starts the record of a new acquisition.
   *
   * @throws IOException if the file exists or cannot be written
   */
  static ProgressRecord start(Path directory, PieceAlgorithm algorithm, long pieceSize, long sourceSize, int sectorSize,
      BadSectorMap badSectors) throws IOException {
    Path file = directory.resolve(FILE);
    // CREATE_NEW (O_EXCL) never opens an existing file, the source included, nor follows a link;
    // through the one rule for every write in DIR all the same.
    FileChannel channel = EvidenceFile.openToWrite(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    ProgressRecord record = new ProgressRecord(file, channel, pieceSize, sectorSize, badSectors, List.of());
    ObjectNode header = JSON.createObjectNode();
    header.put("formatVersion", FORMAT_VERSION);
    header.put("pieceAlgorithm", algorithm.id());
    header.put("pieceSize", pieceSize);
    header.put("sourceSizeBytes", sourceSize);
    header.put("sectorSize", sectorSize);
    record.writeLine(header);
    return record;
  }

  /**
   * Continues the record of a resumed acquisition: the first {@code expected.size()} pieces are
   * checked, not written.
   *
   * @throws IOException if the file cannot be opened for appending; a missing one is begun anew
   *     when no recorded piece is to be checked
   */
  static ProgressRecord resume(Path directory, PieceAlgorithm algorithm, long pieceSize, long sourceSize, int sectorSize,
      BadSectorMap badSectors, List<String> expected) throws IOException {
    Path file = directory.resolve(FILE);
    if (expected.isEmpty() && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      // None was left (killed before its first line, or lost in a power cut): begin one, as a new acquisition does.
      return start(directory, algorithm, pieceSize, sourceSize, sectorSize, badSectors);
    }
    FileChannel channel = EvidenceFile.openToWrite(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    return new ProgressRecord(file, channel, pieceSize, sectorSize, badSectors, expected);
  }

  /**
   * Says that the stream stops at byte {@code end}, before the source's end (a stop asked for):
   * the piece the pipeline then finishes short is neither compared with its record nor recorded.
   * Call before the pipeline finishes.
   */
  void streamEndsAt(long end) {
    streamEnd = end;
  }

  @Override
  public void pieceCompleted(long index, String digest) throws IOException {
    long end = streamEnd;
    if (end >= 0 && (index + 1) * pieceSize > end) {
      return; // cut short by the stop: its digest is of part of a piece
    }
    if (index < expected.size()) {
      if (!expected.get((int) index).equals(digest) && firstMismatch.compareAndSet(-1, index)) {
        mismatchDigest = digest;
      }
      return;
    }
    long firstLba = index * pieceSize / sectorSize;
    long endLba = Math.addExact(index, 1) * pieceSize / sectorSize;
    ObjectNode line = JSON.createObjectNode();
    line.put("piece", index);
    line.put("digest", digest);
    ArrayNode bad = line.putArray("badSectors");
    for (SectorRange range : badSectors.rangesWithin(firstLba, endLba)) {
      bad.addObject().put("firstLba", range.firstLba()).put("count", range.count());
    }
    writeLine(line);
  }

  /** The first already-recorded piece that re-hashed to another digest, or -1. */
  long firstMismatch() {
    return firstMismatch.get();
  }

  /** The digest the first mismatching piece re-hashed to, or {@code null}. */
  String mismatchDigest() {
    return mismatchDigest;
  }

  private void writeLine(ObjectNode line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
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

  /** One recorded piece: its digest and the unreadable sectors in it. */
  record Piece(String digest, List<SectorRange> badSectors) {}

  /**
   * What a progress record holds, as far as it can be read: a torn or unreadable line ends it (the
   * pieces after it are read again from the source). A later line for a piece replaces the earlier
   * one and every piece after it (a resumption writes again from the first piece it re-reads).
   */
  record Recorded(PieceAlgorithm algorithm, long pieceSize, long sourceSize, int sectorSize, List<Piece> pieces) {
    Recorded {
      pieces = List.copyOf(pieces);
    }
  }

  /** A progress record whose first line cannot be read: it costs a re-read, not a refusal. */
  static final class Unreadable extends IOException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  /**
   * Reads the progress record of {@code directory}.
   *
   * @return what it holds, or {@code null} if there is none
   * @throws Unreadable if its first line is not a progress record's, or it is larger than {@link
   *     ReadLimit#PROGRESS_RECORD}
   * @throws IOException if it cannot be read, or is a symbolic link
   */
  static Recorded read(Path directory) throws IOException {
    Path file = directory.resolve(FILE);
    List<String> lines;
    try {
      if (Files.isSymbolicLink(file)) {
        throw new IOException(file + " is a symbolic link, not Custos's progress record");
      }
      lines = List.of(new String(EvidenceFile.read(file, ReadLimit.PROGRESS_RECORD), StandardCharsets.UTF_8).split("\n", -1));
    } catch (NoSuchFileException e) {
      return null;
    } catch (NotEvidenceFileException e) {
      // Larger than Custos reads (or not a file at all): like a damaged record, it costs a re-read.
      throw new Unreadable(e.getMessage());
    }
    if (lines.size() == 1) {
      return null; // not even the first line was completed: nothing recorded
    }
    JsonNode header = parse(lines.get(0));
    if (header == null || header.path("formatVersion").asInt() != FORMAT_VERSION || !header.has("pieceAlgorithm")
        || !header.path("pieceSize").canConvertToLong() || !header.path("sourceSizeBytes").canConvertToLong()) {
      throw new Unreadable(file.getFileName() + " does not begin as a progress record of format " + FORMAT_VERSION);
    }
    PieceAlgorithm algorithm;
    try {
      algorithm = PieceAlgorithm.byName(header.path("pieceAlgorithm").asText());
    } catch (IllegalArgumentException e) {
      throw new Unreadable(file.getFileName() + ": " + e.getMessage());
    }
    List<Piece> pieces = new ArrayList<>();
    // The last element is what follows the final newline: empty, or a torn line.
    for (String text : lines.subList(1, lines.size() - 1)) {
      JsonNode line = parse(text);
      long index = line == null ? -1 : line.path("piece").asLong(-1);
      Piece piece = line == null ? null : piece(line, index, header.path("pieceSize").asLong(), header.path("sectorSize").asInt());
      if (piece == null || index < 0 || index > pieces.size()) {
        break;
      }
      pieces.subList((int) index, pieces.size()).clear();
      pieces.add(piece);
    }
    return new Recorded(algorithm, header.path("pieceSize").asLong(), header.path("sourceSizeBytes").asLong(),
        header.path("sectorSize").asInt(), pieces);
  }

  /** The line as JSON, if it is a line the schema allows. */
  private static JsonNode parse(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return node != null && node.isObject() && EvidenceSchema.PROGRESS.violations(node).isEmpty() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The piece a line records, or null when its bad ranges do not lie, ascending, within the piece. */
  private static Piece piece(JsonNode line, long index, long pieceSize, int sectorSize) {
    String digest = line.path("digest").asText("");
    // The schema has checked the digest's form and the members' types (parse); what remains spans lines.
    if (index < 0 || pieceSize % sectorSize != 0
        || index > Long.MAX_VALUE / pieceSize - 1) {
      return null;
    }
    long next = index * (pieceSize / sectorSize);
    long end = (index + 1) * (pieceSize / sectorSize);
    List<SectorRange> bad = new ArrayList<>();
    for (JsonNode range : line.path("badSectors")) {
      long first = range.path("firstLba").asLong(-1);
      long count = range.path("count").asLong(0);
      if (first < next || count < 1 || count > end - first) {
        return null;
      }
      bad.add(new SectorRange(first, count));
      next = first + count + 1; // merged ranges are never adjacent
    }
    return new Piece(digest, bad);
  }
}
