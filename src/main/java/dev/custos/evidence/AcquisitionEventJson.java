package dev.custos.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.source.SectorRange;
import dev.custos.source.SourceIdentity;
import dev.custos.source.SourceState;
import dev.custos.source.WriteBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data of an acquisition's custody events ({@link AcquisitionEvent}): written here from the
 * acquisition's records, read here into {@link AcquisitionEvent}'s; the only code that knows their
 * member names. The sub-trees the manifest holds too (case, source, write block, parameters, image,
 * digests) are {@link ManifestJson}'s.
 */
public final class AcquisitionEventJson {
  private static final String DRIVE_IDENTITY = "driveIdentity";

  private static final String PREFIX_COMPARED = "comparison-with-source";

  private AcquisitionEventJson() {}

  /** The data of {@code acquisition-started}. */
  public static ObjectNode started(CaseInfo caseInfo, SourceIdentity source, SourceState state, WriteBlock writeBlock,
      Manifest.Parameters parameters, PieceAlgorithm pieceAlgorithm, long pieceSize) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.set("case", ManifestJson.caseTree(caseInfo));
    data.set("source", ManifestJson.sourceTree(source));
    data.set("sourceState", ManifestJson.sourceStateTree(state));
    data.set("writeBlock", ManifestJson.writeBlockTree(writeBlock));
    data.set("parameters", ManifestJson.parametersTree(parameters, pieceAlgorithm, pieceSize));
    return data;
  }

  /**
   * The data of {@code acquisition-resumed}: where reading begins again, how the kept prefix is
   * checked, the interruption's manifest as set aside (null file when there was none), and the
   * source and write block as they are now.
   */
  public static ObjectNode resumed(Manifest.Resumption resumption, PieceAlgorithm pieces, boolean comparedWithSource, String note,
      String previousManifestFile, String previousManifestSha256, SourceIdentity source, WriteBlock writeBlock, SourceState state) {
    ObjectNode data = ManifestJson.resumptionTree(resumption);
    data.remove("time");
    // How the kept prefix is checked: a CRC piece that matches its record proves nothing, nor does a
    // digest only the unsigned progress record holds; "sha256-pieces" are those of the interruption's
    // manifest, whose SHA-256 the signed log holds.
    data.put("prefixCheckedBy", comparedWithSource ? PREFIX_COMPARED : pieces.id() + "-pieces");
    data.put("note", note);
    if (previousManifestFile == null) {
      data.putNull("previousManifest");
    } else {
      data.putObject("previousManifest").put("file", previousManifestFile).put("sha256", previousManifestSha256);
    }
    data.set("source", ManifestJson.sourceTree(source));
    data.set("sourceState", ManifestJson.sourceStateTree(state));
    data.set("writeBlock", ManifestJson.writeBlockTree(writeBlock));
    return data;
  }

  /** The data of {@code read-errors}: the ranges newly found, and the total found so far. */
  public static ObjectNode readErrors(List<SectorRange> fresh, int sectorSize, long totalSectorCount) {
    long count = fresh.stream().mapToLong(SectorRange::count).sum();
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.set("ranges", ManifestJson.rangesTree(fresh, sectorSize));
    data.put("sectorCount", count);
    data.put("bytes", Math.multiplyExact(count, (long) sectorSize));
    data.put("totalSectorCount", totalSectorCount);
    data.put("note", "unreadable after retries; zero-filled in the image");
    return data;
  }

  /** The data of {@code acquisition-completed} or {@code -interrupted}, with the manifest's SHA-256 (or null). */
  public static ObjectNode ended(Manifest manifest, String manifestSha256) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    if (manifest.outcome().status() != Manifest.Status.COMPLETED) {
      data.put("status", manifest.outcome().status().id());
      data.put("reason", manifest.outcome().reason());
    }
    data.put("bytesAcquired", manifest.outcome().bytesAcquired());
    data.set("digests", ManifestJson.digestsTree(manifest.digests()));
    data.set("image", ManifestJson.imageTree(manifest));
    data.putObject("pieces").put("algorithm", manifest.pieces().algorithm().id())
        .put("size", manifest.pieces().size()).put("count", manifest.pieces().digests().size());
    data.putObject("badSectors").put("sectorCount", manifest.badSectors().sectorCount())
        .put("rangeCount", manifest.badSectors().ranges().size());
    data.put("durationMs", manifest.timing().duration().toMillis());
    ObjectNode manifestNode = data.putObject("manifest");
    manifestNode.put("file", EvidenceDirectory.MANIFEST);
    manifestNode.put("sha256", manifestSha256);
    return data;
  }

  /** The {@code sourceState} an {@code acquisition-started} or {@code -resumed} event recorded, as written; null if none. */
  public static JsonNode sourceState(JsonNode data) {
    return data.get("sourceState");
  }

  /** Reads the data of {@code acquisition-started}. */
  public static AcquisitionEvent.Started readStarted(JsonNode data) {
    JsonNode kase = data.path("case");
    return new AcquisitionEvent.Started(text(kase.path("caseId")), text(kase.path("evidenceId")), source(data),
        text(data.path("writeBlock").path("method")));
  }

  /** Reads the data of {@code read-errors}. */
  public static AcquisitionEvent.ReadErrors readReadErrors(JsonNode data) {
    return new AcquisitionEvent.ReadErrors(count(data.path("sectorCount")), data.path("ranges").size());
  }

  /** Reads the data of {@code acquisition-resumed}. */
  public static AcquisitionEvent.Resumed readResumed(JsonNode data) {
    Optional<AcquisitionEvent.PreviousManifest> previous = readPreviousManifest(data);
    return new AcquisitionEvent.Resumed(count(data.path("fromByte")), count(data.path("piecesChecked")),
        PREFIX_COMPARED.equals(data.path("prefixCheckedBy").asText()), count(data.path("rereadPiece")),
        data.path("interruptionRecorded").asBoolean(), previous.map(AcquisitionEvent.PreviousManifest::file).orElse(null),
        previous.map(AcquisitionEvent.PreviousManifest::sha256).orElse(null), source(data), invocation(data));
  }

  /**
   * The {@code invocation} of an {@code acquisition-started} or {@code -resumed} event; empty when
   * it records none, or one not of the form Custos writes (nothing is guessed).
   */
  public static Optional<Invocation> invocation(JsonNode data) {
    try {
      return InvocationJson.read(data.path("invocation"));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads the set-aside manifest the data of {@code acquisition-resumed} records.
   *
   * @return it; empty when the event records none (its {@code previousManifest} is not an object)
   */
  public static Optional<AcquisitionEvent.PreviousManifest> readPreviousManifest(JsonNode data) {
    JsonNode previous = data.path("previousManifest");
    return previous.isObject()
        ? Optional.of(new AcquisitionEvent.PreviousManifest(text(previous.path("file")), text(previous.path("sha256"))))
        : Optional.empty();
  }

  /**
   * Adds to a run's {@code acquisition-started} or {@code -resumed} data what the drive said before
   * the run read it, as the manifest lists it: a run killed before its manifest is written still
   * has its transcripts vouched for by the signed log. Nothing when the run asked nothing.
   */
  public static void putDriveIdentity(ObjectNode data, List<dev.custos.source.driveidentity.Transcript> before) {
    if (!before.isEmpty()) {
      data.set(DRIVE_IDENTITY, DriveIdentityJson.tree(before));
    }
  }

  /**
   * Reads what {@link #putDriveIdentity} added; empty for an event that has none (a build before
   * drive identity was recorded).
   *
   * @throws IllegalArgumentException naming the member, if it is there but not as written
   */
  public static List<dev.custos.source.driveidentity.Transcript> readDriveIdentity(JsonNode data) {
    return DriveIdentityJson.read(data.path(DRIVE_IDENTITY));
  }

  /** Reads the data of {@code acquisition-completed} or {@code -interrupted}. */
  public static AcquisitionEvent.Ended readEnded(JsonNode data) {
    List<Digest> digests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : data.path("digests").properties()) {
      try {
        digests.add(Digest.fromHex(HashAlgorithm.byName(entry.getKey()), entry.getValue().asText()));
      } catch (IllegalArgumentException e) {
        // Not a digest Custos writes: left out rather than printed as one (the chain check judges the event).
      }
    }
    return new AcquisitionEvent.Ended(text(data.path("status")), text(data.path("reason")), count(data.path("bytesAcquired")),
        digests, count(data.path("badSectors").path("sectorCount")), text(data.path("manifest").path("sha256")));
  }

  private static AcquisitionEvent.Source source(JsonNode data) {
    JsonNode source = data.path("source");
    return new AcquisitionEvent.Source(text(source.path("path")), count(source.path("sizeBytes")),
        count(source.path("logicalSectorSize")), text(source.path("model")), text(source.path("serial")));
  }

  private static Long count(JsonNode node) {
    return node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null;
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.textValue() : null;
  }
}
