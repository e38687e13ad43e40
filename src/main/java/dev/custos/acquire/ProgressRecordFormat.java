package dev.custos.acquire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.digest.PieceDigest;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.evidence.Manifest.RateSample;
import dev.custos.evidence.JsonText;
import dev.custos.io.ReadLimit;
import dev.custos.rescue.Area;
import dev.custos.rescue.AreaState;
import dev.custos.source.OsError;
import dev.custos.source.SectorRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The lines of {@code acquisition-progress.jsonl} and the records they hold, both ways: the only
 * code that knows the format's member names (schema: {@code
 * evidence-schema/acquisition-progress.schema.json}). {@link ProgressRecord} writes the lines
 * these records give and reads the file into them; everything else uses the records.
 *
 * <p>Reading validates each line against the schema first, then checks what spans lines (a piece's
 * bad ranges within it); a line that fails either ends the record: the pieces after it are read
 * again from the source.
 */
final class ProgressRecordFormat {
  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = JsonText.boundedMapper(ReadLimit.PROGRESS_LINE).build();

  private ProgressRecordFormat() {}

  /**
   * The first line: what the pieces are of.
   *
   * @param sourceSize the source's size in bytes
   */
  record Header(PieceAlgorithm algorithm, long pieceSize, long sourceSize, int sectorSize) {
    Header {
      Objects.requireNonNull(algorithm, "algorithm");
      if (pieceSize < 1 || sectorSize < 1 || sourceSize < 0) {
        throw new IllegalArgumentException("piece size " + pieceSize + ", sector size " + sectorSize + ", source size "
            + sourceSize + ": not a progress record's");
      }
    }
  }

  /** One recorded piece: its digest and the unreadable sectors in it, ascending and never adjacent. */
  record Piece(PieceDigest digest, List<SectorRange> badSectors) {
    Piece {
      Objects.requireNonNull(digest, "digest");
      badSectors = List.copyOf(badSectors);
    }
  }

  /**
   * What reading a progress record came to: what it holds, nothing, or a first line that is not a
   * progress record's. None of them is a failure: each decides how much a resumption reads again.
   */
  sealed interface Reading permits Recorded, Absent, Unreadable {}

  /**
   * What a progress record holds, as far as it can be read: its header, its pieces from piece 0
   * (a later line for a piece replaces the earlier one and every piece after it: a resumption
   * writes again from the first piece it re-reads), where the rescue of a failing source
   * stood at its last rescue line (the areas not read then; empty when no read failed), and the
   * rate samples of each run, by the time the run began: how long a run that died without a
   * record ran.
   */
  record Recorded(Header header, List<Piece> pieces, List<Area> rescue, Map<Instant, List<RateSample>> rateSamples)
      implements Reading {
    Recorded {
      Objects.requireNonNull(header, "header");
      pieces = List.copyOf(pieces);
      rescue = List.copyOf(rescue);
      rateSamples = Map.copyOf(rateSamples);
    }

    Recorded(Header header, List<Piece> pieces, List<Area> rescue) {
      this(header, pieces, rescue, Map.of());
    }

    /** The rate samples recorded by the run that began at {@code run}, in order; empty when none. */
    List<RateSample> samplesOf(Instant run) {
      return rateSamples.getOrDefault(run, List.of());
    }
  }

  /** No progress record, or not even its first line was completed. */
  record Absent() implements Reading {}

  /**
   * A progress record whose first line cannot be read: it costs a re-read, not a refusal.
   *
   * @param reason why, naming the file
   */
  record Unreadable(String reason) implements Reading {
    Unreadable {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The header's line, with its newline. */
  static String line(Header header) throws IOException {
    ObjectNode line = JSON.createObjectNode();
    line.put("formatVersion", FORMAT_VERSION);
    line.put("pieceAlgorithm", header.algorithm().id());
    line.put("pieceSize", header.pieceSize());
    line.put("sourceSizeBytes", header.sourceSize());
    line.put("sectorSize", header.sectorSize());
    return JSON.writeValueAsString(line) + "\n";
  }

  /** Piece {@code index}'s line, with its newline. */
  static String line(long index, Piece piece) throws IOException {
    ObjectNode line = JSON.createObjectNode();
    line.put("piece", index);
    line.put("digest", piece.digest().hex());
    ArrayNode bad = line.putArray("badSectors");
    for (SectorRange range : piece.badSectors()) {
      bad.addObject().put("firstLba", range.firstLba()).put("count", range.count());
    }
    return JSON.writeValueAsString(line) + "\n";
  }

  /** A rescue line: every area not read yet, ascending, in bytes; with its newline. */
  static String line(List<Area> unfinished) throws IOException {
    ObjectNode line = JSON.createObjectNode();
    ArrayNode areas = line.putArray("rescue");
    for (Area area : unfinished) {
      ObjectNode entry = areas.addObject().put("position", area.position()).put("size", area.size()).put("state", area.state().id());
      area.error().ifPresent(error -> entry.put("error", error.name()).put("errorText", error.text()));
    }
    return JSON.writeValueAsString(line) + "\n";
  }

  /** A rate sample of the run that began at {@code run}, with its newline. */
  static String line(Instant run, RateSample sample) throws IOException {
    ObjectNode line = JSON.createObjectNode();
    line.put("run", EvidenceClock.format(run));
    line.put("elapsedMs", sample.elapsedMillis());
    line.put("bytes", sample.bytes());
    return JSON.writeValueAsString(line) + "\n";
  }

  /**
   * Reads the content of a progress record; what follows its last newline is a line torn by a
   * crash, and is not read.
   *
   * @param name the file's name, for messages
   * @return what it holds; {@link Absent} when not even its first line was completed; {@link
   *     Unreadable} if its first line is not a progress record's header of {@link #FORMAT_VERSION}
   */
  static Reading read(String name, byte[] content) {
    List<String> lines = List.of(new String(content, StandardCharsets.UTF_8).split("\n", -1));
    if (lines.size() == 1) {
      return new Absent();
    }
    Optional<JsonNode> line = valid(lines.get(0));
    OptionalLong pieceSize = line.isEmpty() ? OptionalLong.empty() : integer(line.get(), "pieceSize");
    OptionalLong sourceSize = line.isEmpty() ? OptionalLong.empty() : integer(line.get(), "sourceSizeBytes");
    OptionalLong sectorSize = line.isEmpty() ? OptionalLong.empty() : integer(line.get(), "sectorSize");
    if (line.isEmpty() || line.get().path("formatVersion").asInt() != FORMAT_VERSION || !line.get().has("pieceAlgorithm")
        || pieceSize.isEmpty() || sourceSize.isEmpty() || sectorSize.isEmpty()) {
      return new Unreadable(name + " does not begin as a progress record of format " + FORMAT_VERSION);
    }
    Header header;
    try {
      header = new Header(PieceAlgorithm.byName(line.get().path("pieceAlgorithm").asText()), pieceSize.getAsLong(),
          sourceSize.getAsLong(), Math.toIntExact(sectorSize.getAsLong()));
    } catch (IllegalArgumentException | ArithmeticException e) {
      return new Unreadable(name + ": " + e.getMessage());
    }
    List<String> body = lines.subList(1, lines.size() - 1);
    return new Recorded(header, pieces(body, header), rescue(body, header), rateSamples(body));
  }

  /**
   * The rate samples among {@code lines}, by the start of their run, each run's in order of time;
   * a line that fails is passed over, as it costs nothing but a point of the graph.
   */
  private static Map<Instant, List<RateSample>> rateSamples(List<String> lines) {
    Map<Instant, List<RateSample>> samples = new HashMap<>();
    for (String text : lines) {
      Optional<JsonNode> line = valid(text);
      if (line.isEmpty() || !line.get().has("run")) {
        continue;
      }
      try {
        List<RateSample> run = samples.computeIfAbsent(Instant.parse(line.get().path("run").asText()), key -> new ArrayList<>());
        RateSample sample = new RateSample(line.get().path("elapsedMs").asLong(), line.get().path("bytes").asLong());
        if (run.isEmpty() || run.get(run.size() - 1).elapsedMillis() <= sample.elapsedMillis()) {
          run.add(sample);
        }
      } catch (RuntimeException e) {
        // A time or a number no instant or long holds: not a sample.
      }
    }
    return samples;
  }

  /** The pieces that {@code lines}, the lines after the header, hold up to the first that fails. */
  private static List<Piece> pieces(List<String> lines, Header header) {
    List<Piece> pieces = new ArrayList<>();
    for (String text : lines) {
      Optional<JsonNode> line = valid(text);
      if (line.isPresent() && (line.get().has("rescue") || line.get().has("run"))) {
        continue; // see rescue() and rateSamples()
      }
      OptionalLong index = line.isEmpty() ? OptionalLong.empty() : integer(line.get(), "piece");
      Optional<Piece> piece = index.isEmpty() ? Optional.empty() : piece(line.get(), index.getAsLong(), header);
      if (piece.isEmpty() || index.getAsLong() > pieces.size()) {
        break;
      }
      pieces.subList((int) index.getAsLong(), pieces.size()).clear();
      pieces.add(piece.get());
    }
    return pieces;
  }

  /**
   * Where the rescue stood at the last rescue line among {@code lines} before the first line that
   * fails; empty when there is none.
   */
  private static List<Area> rescue(List<String> lines, Header header) {
    List<Area> rescue = List.of();
    for (String text : lines) {
      Optional<JsonNode> line = valid(text);
      if (line.isEmpty()) {
        break;
      }
      if (line.get().has("rescue")) {
        Optional<List<Area>> areas = areas(line.get().path("rescue"), header.sourceSize());
        if (areas.isEmpty()) {
          break;
        }
        rescue = areas.get();
      }
    }
    return rescue;
  }

  /** The areas of a rescue line, or empty when they do not lie, ascending and apart, within the source. */
  private static Optional<List<Area>> areas(JsonNode node, long sourceSize) {
    List<Area> areas = new ArrayList<>();
    long next = 0;
    for (JsonNode entry : node) {
      OptionalLong position = integer(entry, "position");
      OptionalLong size = integer(entry, "size");
      if (position.isEmpty() || size.isEmpty() || position.getAsLong() < next || size.getAsLong() > sourceSize - position.getAsLong()) {
        return Optional.empty();
      }
      try {
        Optional<OsError> error = entry.has("error")
            ? Optional.of(new OsError(entry.path("error").asText(), entry.path("errorText").asText(""))) : Optional.empty();
        areas.add(new Area(position.getAsLong(), size.getAsLong(), AreaState.byId(entry.path("state").asText()), error));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      next = position.getAsLong() + size.getAsLong();
    }
    return Optional.of(areas);
  }

  /**
   * The piece a line records, or empty when its digest is not one of the header's algorithm or its
   * bad ranges do not lie, ascending and apart, within the piece.
   */
  private static Optional<Piece> piece(JsonNode line, long index, Header header) {
    // The schema has checked the members' types and the digest's form (parse); what remains spans lines.
    long pieceSize = header.pieceSize();
    int sectorSize = header.sectorSize();
    if (pieceSize % sectorSize != 0 || index > Long.MAX_VALUE / pieceSize - 1) {
      return Optional.empty();
    }
    PieceDigest digest;
    try {
      digest = PieceDigest.fromHex(header.algorithm(), line.path("digest").asText(""));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a CRC's length under a SHA-256 header, or the other way round
    }
    long next = index * (pieceSize / sectorSize);
    long end = (index + 1) * (pieceSize / sectorSize);
    List<SectorRange> bad = new ArrayList<>();
    for (JsonNode range : line.path("badSectors")) {
      OptionalLong first = integer(range, "firstLba");
      OptionalLong count = integer(range, "count");
      if (first.isEmpty() || count.isEmpty() || first.getAsLong() < next || count.getAsLong() < 1
          || count.getAsLong() > end - first.getAsLong()) {
        return Optional.empty();
      }
      bad.add(new SectorRange(first.getAsLong(), count.getAsLong()));
      next = first.getAsLong() + count.getAsLong() + 1; // merged ranges are never adjacent
    }
    return Optional.of(new Piece(digest, bad));
  }

  /** The line as JSON, if it is a line the schema allows. */
  private static Optional<JsonNode> valid(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return node != null && node.isObject() && EvidenceSchema.PROGRESS.violations(node).isEmpty()
          ? Optional.of(node) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static OptionalLong integer(JsonNode node, String member) {
    JsonNode value = node.path(member);
    return value.isIntegralNumber() && value.canConvertToLong() ? OptionalLong.of(value.asLong()) : OptionalLong.empty();
  }
}
