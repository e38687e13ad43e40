package dev.custos.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.digest.PieceDigest;
import dev.custos.source.HiddenAreas;
import dev.custos.source.SectorRange;
import dev.custos.source.WriteBlock;
import dev.custos.source.WriteBlockMethod;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads {@code acquisition.json} into a {@link RecordedManifest}: the reading half of {@link
 * ManifestJson}, and with it the only code that knows the manifest's member names.
 *
 * <p>Run it on a tree that has passed {@link EvidenceSchema#MANIFEST}: it then refuses only values
 * the schema allows and no long or instant holds. On any other tree it refuses with an unchecked
 * exception and never guesses a missing value. Numbers are read exactly: JSON allows integers no
 * long holds, and reading only their low bits would check an image against a number nobody wrote.
 */
public final class ManifestReader {
  private ManifestReader() {}

  /**
   * The manifest {@code tree} records.
   *
   * @throws IllegalArgumentException naming the member, if a member is missing, of the wrong type
   *     or holds a value out of range (the schema refuses most; this also refuses what it allows
   *     and a long or an instant does not hold)
   */
  public static RecordedManifest read(JsonNode tree) {
    return new RecordedManifest((int) count(tree.path("formatVersion"), "the format version", 1, Integer.MAX_VALUE),
        tool(tree.path("tool")), caseInfo(tree.path("case")), host(tree.path("host")), source(tree),
        writeBlock(tree.path("writeBlock")), parameters(tree.path("parameters")), image(tree.path("image")),
        digests(tree.path("digests")), piecesOf(tree.path("pieces")), badSectors(tree.path("badSectors")),
        timing(tree.path("timing")), rateSamples(tree.path("rateSamples")), outcome(tree), resumptions(tree.path("resumptions")),
        RescueJson.read(tree.path("rescue"), sectorSize(tree.path("source").path("logicalSectorSize"))),
        provenance(tree.path("provenance")), PartitionJson.read(tree.path("partitions")), InvocationJson.read(tree.path("invocation")),
        DriveIdentityJson.read(tree.path("driveIdentity")));
  }


  private static Optional<Manifest.Provenance> provenance(JsonNode node) {
    if (node.isMissingNode()) {
      return Optional.empty();
    }
    JsonNode equal = node.path("digestsEqual");
    return Optional.of(new Manifest.Provenance(text(node.path("directory"), "the provenance's directory"),
        text(node.path("imageFile"), "the provenance's image file"), text(node.path("manifestSha256"), "the provenance's manifest"),
        text(node.path("status"), "the provenance's status"), digests(node.path("recordedDigests")),
        equal.isBoolean() ? Optional.of(equal.asBoolean()) : Optional.empty()));
  }

  /**
   * Only how far the acquisition got: the outcome, the source's size and its sector size (512 when
   * the manifest lacks it). For a reader that must know the extent of an acquisition whose manifest
   * fails its schema elsewhere.
   *
   * @throws IllegalArgumentException as {@link #read}, for these members
   */
  public static RecordedManifest.Extent extent(JsonNode tree) {
    JsonNode source = tree.path("source");
    JsonNode sectorSize = source.path("logicalSectorSize");
    return new RecordedManifest.Extent(outcome(tree), count(source.path("sizeBytes"), "the source's size", 0, Long.MAX_VALUE),
        sectorSize.isMissingNode() ? 512 : sectorSize(sectorSize));
  }

  /**
   * Only the drive identity queries: for a resumption, carrying an interruption's transcripts into
   * the manifest of the acquisition it ends.
   *
   * @throws IllegalArgumentException as {@link #read}, for this member
   */
  public static List<dev.custos.source.driveidentity.Transcript> driveIdentity(JsonNode tree) {
    return DriveIdentityJson.read(tree.path("driveIdentity"));
  }

  /**
   * Only the piece digests: for a reader that needs no more of a manifest whose bytes it has
   * checked against their recorded SHA-256 (a resumption, vouching for the pieces it keeps).
   *
   * @throws IllegalArgumentException as {@link #read}, for these members
   */
  public static RecordedManifest.Pieces pieces(JsonNode tree) {
    return piecesOf(tree.path("pieces"));
  }

  private static RecordedManifest.Source source(JsonNode tree) {
    JsonNode node = tree.path("source");
    List<RecordedManifest.Mount> mounts = new ArrayList<>();
    for (JsonNode mount : array(node.path("mounts"), "source mounts")) {
      mounts.add(new RecordedManifest.Mount(text(mount.path("device"), "a mount's device"),
          text(mount.path("mountPoint"), "a mount point"), text(mount.path("fileSystemType"), "a mount's file system"),
          bool(mount.path("readOnly"), "a mount's read-only flag")));
    }
    JsonNode hidden = node.path("hiddenAreas");
    HiddenAreas hiddenAreas = new HiddenAreas(bool(hidden.path("available"), "hidden areas available"),
        countOrNull(hidden.path("hpaHiddenSectors"), "the HPA's hidden sectors"),
        countOrNull(hidden.path("dcoHiddenSectors"), "the DCO's hidden sectors"), text(hidden.path("detail"), "hidden areas detail"));
    return new RecordedManifest.Source(text(node.path("path"), "the source's path"), text(node.path("kind"), "the source's kind"),
        textOrNull(node.path("deviceNumber")), textOrNull(node.path("vendor")), textOrNull(node.path("model")),
        textOrNull(node.path("serial")), count(node.path("sizeBytes"), "the source's size", 0, Long.MAX_VALUE),
        count(node.path("sectorCount"), "the source's sector count", 0, Long.MAX_VALUE), sectorSize(node.path("logicalSectorSize")),
        sectorSize(node.path("physicalSectorSize")), bool(node.path("removable"), "removable"),
        bool(node.path("rotational"), "rotational"), bool(node.path("kernelReadOnly"), "the source's kernel read-only flag"),
        textOrNull(node.path("backingFile")), hiddenAreas, mounts);
  }

  private static Manifest.Outcome outcome(JsonNode tree) {
    JsonNode node = tree.path("outcome");
    String status = text(node.path("status"), "the outcome's status");
    for (Manifest.Status known : Manifest.Status.values()) {
      if (known.id().equals(status)) {
        return new Manifest.Outcome(known, count(node.path("bytesAcquired"), "the bytes acquired", 0, Long.MAX_VALUE),
            textOrNull(node.path("reason")));
      }
    }
    throw new IllegalArgumentException("the outcome's status is '" + status + "', not completed, interrupted or failed");
  }

  private static RecordedManifest.Tool tool(JsonNode node) {
    return new RecordedManifest.Tool(text(node.path("name"), "the tool's name"), text(node.path("version"), "the tool's version"),
        textOrNull(node.path("commit")), textOrNull(node.path("jarSha256")));
  }

  private static RecordedManifest.Case caseInfo(JsonNode node) {
    return new RecordedManifest.Case(text(node.path("caseId"), "the case id"), text(node.path("evidenceId"), "the evidence id"),
        text(node.path("examiner"), "the examiner"), textOrNull(node.path("description")), textOrNull(node.path("notes")));
  }

  private static HostInfo host(JsonNode node) {
    return new HostInfo(text(node.path("hostname"), "the host name"), text(node.path("os"), "the host's OS"),
        text(node.path("user"), "the host's user"), text(node.path("java"), "the host's Java"), textOrNull(node.path("timeZone")));
  }

  private static WriteBlock writeBlock(JsonNode node) {
    String method = text(node.path("method"), "the write block method");
    for (WriteBlockMethod known : WriteBlockMethod.values()) {
      if (known.id().equals(method)) {
        return new WriteBlock(known, bool(node.path("kernelReadOnly"), "the write block's kernel read-only flag"),
            textOrNull(node.path("hardwareBlocker")), text(node.path("proof"), "the write block's proof"));
      }
    }
    throw new IllegalArgumentException("the write block method '" + method + "' is not one Custos records");
  }

  private static RecordedManifest.Parameters parameters(JsonNode node) {
    List<HashAlgorithm> algorithms = new ArrayList<>();
    for (JsonNode algorithm : array(node.path("algorithms"), "the algorithms")) {
      algorithms.add(HashAlgorithm.byName(text(algorithm, "an algorithm")));
    }
    return new RecordedManifest.Parameters(text(node.path("format"), "the format"), textOrNull(node.path("extension")),
        countOrNull(node.path("segmentSize"), "the segment size"), algorithms,
        count(node.path("blockSize"), "the block size", 1, Long.MAX_VALUE),
        count(node.path("pieceSize"), "the parameters' piece size", 1, Long.MAX_VALUE),
        PieceAlgorithm.byName(text(node.path("pieceAlgorithm"), "the piece algorithm")),
        count(node.path("retries"), "the retries", 0, Long.MAX_VALUE),
        count(node.path("errorGranularity"), "the error granularity", 1, Long.MAX_VALUE), textOrNull(node.path("compression")));
  }

  private static RecordedManifest.Image image(JsonNode node) {
    List<RecordedManifest.File> files = new ArrayList<>();
    for (JsonNode file : array(node.path("files"), "the image files")) {
      files.add(new RecordedManifest.File(text(file.path("path"), "an image file's path"),
          count(file.path("sizeBytes"), "an image file's size", 0, Long.MAX_VALUE)));
    }
    JsonNode e01 = node.path("e01");
    Optional<Manifest.E01Content> content = e01.isMissingNode() ? Optional.empty()
        : Optional.of(new Manifest.E01Content(count(e01.path("mediaSizeBytes"), "the E01 media size", 0, Long.MAX_VALUE),
            (int) count(e01.path("chunkSize"), "the E01 chunk size", 512, Integer.MAX_VALUE),
            count(e01.path("chunks"), "the E01 chunk count", 0, Long.MAX_VALUE),
            count(e01.path("compressedChunks"), "the E01 compressed chunk count", 0, Long.MAX_VALUE)));
    return new RecordedManifest.Image(text(node.path("format"), "the image's format"), files,
        count(node.path("sizeBytes"), "the image's size", 0, Long.MAX_VALUE), content);
  }

  private static List<Digest> digests(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("the digests are " + node + ", not an object");
    }
    List<Digest> digests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      digests.add(Digest.fromHex(HashAlgorithm.byName(entry.getKey()), text(entry.getValue(), "a digest")));
    }
    return digests;
  }

  private static RecordedManifest.Pieces piecesOf(JsonNode node) {
    PieceAlgorithm algorithm = PieceAlgorithm.byName(text(node.path("algorithm"), "the piece algorithm"));
    List<PieceDigest> digests = new ArrayList<>();
    for (JsonNode digest : array(node.path("digests"), "the piece digests")) {
      digests.add(PieceDigest.fromHex(algorithm, text(digest, "a piece digest")));
    }
    return new RecordedManifest.Pieces(algorithm, count(node.path("size"), "the piece size", 1, Long.MAX_VALUE),
        count(node.path("count"), "the piece count", 0, Long.MAX_VALUE), digests);
  }

  private static RecordedManifest.BadSectors badSectors(JsonNode node) {
    List<RecordedManifest.BadRange> ranges = new ArrayList<>();
    for (JsonNode range : array(node.path("ranges"), "the bad ranges")) {
      ranges.add(new RecordedManifest.BadRange(new SectorRange(count(range.path("firstLba"), "a bad range's first LBA", 0, Long.MAX_VALUE),
          count(range.path("count"), "a bad range's count", 1, Long.MAX_VALUE)),
          count(range.path("bytes"), "a bad range's bytes", 0, Long.MAX_VALUE)));
    }
    return new RecordedManifest.BadSectors(count(node.path("sectorCount"), "the bad sector count", 0, Long.MAX_VALUE),
        count(node.path("recoveredReadErrors"), "the recovered read errors", 0, Long.MAX_VALUE), ranges);
  }

  private static RecordedManifest.Timing timing(JsonNode node) {
    List<AcquisitionRun> runs = new ArrayList<>();
    if (!node.path("runs").isMissingNode()) {
      for (JsonNode run : array(node.path("runs"), "the runs")) {
        runs.add(new AcquisitionRun(time(run.path("started"), "a run's start"), time(run.path("ended"), "a run's end"),
            bool(run.path("endRecorded"), "a run's end recorded"), rateSamples(run.path("rateSamples"))));
      }
    }
    return new RecordedManifest.Timing(time(node.path("started"), "the start"), time(node.path("ended"), "the end"),
        count(node.path("durationMs"), "the duration", 0, Long.MAX_VALUE),
        count(node.path("averageBytesPerSecond"), "the average rate", 0, Long.MAX_VALUE), runs);
  }

  private static List<Manifest.RateSample> rateSamples(JsonNode node) {
    List<Manifest.RateSample> samples = new ArrayList<>();
    for (JsonNode sample : array(node, "the rate samples")) {
      samples.add(new Manifest.RateSample(count(sample.path("elapsedMs"), "a rate sample's time", 0, Long.MAX_VALUE),
          count(sample.path("bytes"), "a rate sample's bytes", 0, Long.MAX_VALUE)));
    }
    return samples;
  }

  private static List<Manifest.Resumption> resumptions(JsonNode node) {
    List<Manifest.Resumption> resumptions = new ArrayList<>();
    if (node.isMissingNode()) {
      return resumptions; // absent for an acquisition that ran in one go
    }
    for (JsonNode resumption : array(node, "the resumptions")) {
      Long reread = countOrNull(resumption.path("rereadPiece"), "a re-read piece");
      resumptions.add(new Manifest.Resumption(time(resumption.path("time"), "a resumption's time"),
          count(resumption.path("fromByte"), "a resumption's first byte", 0, Long.MAX_VALUE),
          count(resumption.path("piecesChecked"), "a resumption's pieces checked", 0, Long.MAX_VALUE),
          reread == null ? OptionalLong.empty() : OptionalLong.of(reread),
          bool(resumption.path("interruptionRecorded"), "a resumption's interruption recorded"),
          InvocationJson.read(resumption.path("invocation"))));
    }
    return resumptions;
  }

  private static int sectorSize(JsonNode node) {
    return (int) count(node, "the sector size", 1, Integer.MAX_VALUE);
  }

  static Iterable<JsonNode> array(JsonNode node, String what) {
    if (!node.isArray()) {
      throw new IllegalArgumentException(what + " are " + node + ", not an array");
    }
    return node;
  }

  static long count(JsonNode node, String what, long minimum, long maximum) {
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < minimum || node.longValue() > maximum) {
      throw new IllegalArgumentException(what + " is " + node + ", not an integer from " + minimum + " to " + maximum);
    }
    return node.longValue();
  }

  private static Long countOrNull(JsonNode node, String what) {
    return node.isNull() ? null : count(node, what, 0, Long.MAX_VALUE);
  }

  static String text(JsonNode node, String what) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException(what + " is " + node + ", not a string");
    }
    return node.textValue();
  }

  private static String textOrNull(JsonNode node) {
    return node.isTextual() ? node.textValue() : null;
  }

  static boolean bool(JsonNode node, String what) {
    if (!node.isBoolean()) {
      throw new IllegalArgumentException(what + " is " + node + ", not true or false");
    }
    return node.booleanValue();
  }

  static Instant time(JsonNode node, String what) {
    try {
      return Instant.parse(text(node, what));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(what + " is '" + node.textValue() + "', not a UTC time", e);
    }
  }
}
