package dev.custos.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.digest.PieceDigest;
import dev.custos.image.ImageFile;
import dev.custos.source.HiddenAreas;
import dev.custos.source.Mount;
import dev.custos.source.SectorRange;
import dev.custos.source.SourceIdentity;
import dev.custos.source.SourceState;
import dev.custos.source.WriteBlock;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON form of a {@link Manifest}: UTF-8, two-space indent, members in a fixed order, one
 * array element a line, a final newline. Sizes are exact integers; times are UTC with
 * milliseconds. Unknown facts are {@code null}, never guessed.
 */
public final class ManifestJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ManifestJson() {}

  /** The manifest as the bytes of {@code acquisition.json}. */
  public static byte[] toBytes(Manifest manifest) {
    return JsonText.of(toTree(manifest)).getBytes(StandardCharsets.UTF_8);
  }

  /** The manifest as a JSON tree (for validation and tests). */
  public static ObjectNode toTree(Manifest manifest) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", manifest.formatVersion());
    root.set("tool", toolTree(manifest.tool()));
    root.set("case", caseTree(manifest.caseInfo()));
    ObjectNode host = root.putObject("host");
    host.put("hostname", manifest.host().hostname());
    host.put("os", manifest.host().os());
    host.put("user", manifest.host().user());
    host.put("java", manifest.host().java());
    if (manifest.host().timeZone() != null) {
      // The offset too, as this JDK's zone rules gave it at the start: a reader with other rules can tell.
      host.put("timeZone", manifest.host().timeZone());
      host.put("utcOffsetAtStart", TimeDisplay.offset(java.time.ZoneId.of(manifest.host().timeZone()), manifest.timing().started()));
    }
    manifest.invocation().ifPresent(invocation -> root.set("invocation", InvocationJson.tree(invocation)));
    root.set("source", sourceTree(manifest.source()));
    root.set("writeBlock", writeBlockTree(manifest.writeBlock()));
    root.set("parameters", parametersTree(manifest.parameters(), manifest.pieces().algorithm(), manifest.pieces().size()));
    root.set("image", imageTree(manifest));
    manifest.provenance().ifPresent(provenance -> root.set("provenance", provenanceTree(provenance)));
    root.set("digests", digestsTree(manifest.digests()));
    writePieces(root.putObject("pieces"), manifest.pieces());
    writeBadSectors(root.putObject("badSectors"), manifest.badSectors(), manifest.source().logicalSectorSize());
    ObjectNode timing = root.putObject("timing");
    timing.put("started", EvidenceClock.format(manifest.timing().started()));
    timing.put("ended", EvidenceClock.format(manifest.timing().ended()));
    timing.put("durationMs", manifest.timing().duration().toMillis());
    timing.put("averageBytesPerSecond", manifest.averageBytesPerSecond());
    if (!manifest.timing().runs().isEmpty()) {
      timing.put("spanMs", manifest.timing().span().toMillis());
      timing.put("stoppedMs", manifest.timing().stopped().toMillis());
      ArrayNode runs = timing.putArray("runs");
      for (AcquisitionRun run : manifest.timing().runs()) {
        ObjectNode entry = runs.addObject();
        entry.put("started", EvidenceClock.format(run.started()));
        entry.put("ended", EvidenceClock.format(run.ended()));
        entry.put("durationMs", run.duration().toMillis());
        entry.put("endRecorded", run.endRecorded());
        writeSamples(entry.putArray("rateSamples"), run.rateSamples());
      }
    }
    writeSamples(root.putArray("rateSamples"), manifest.rateSamples());
    ObjectNode outcome = root.putObject("outcome");
    outcome.put("status", manifest.outcome().status().id());
    outcome.put("bytesAcquired", manifest.outcome().bytesAcquired());
    outcome.put("reason", manifest.outcome().reason());
    if (!manifest.resumptions().isEmpty()) {
      ArrayNode resumptions = root.putArray("resumptions");
      for (Manifest.Resumption resumption : manifest.resumptions()) {
        resumptions.add(resumptionTree(resumption));
      }
    }
    if (manifest.sourceStates() != null) {
      ObjectNode states = root.putObject("sourceState");
      states.set("before", sourceStateTree(manifest.sourceStates().before()));
      states.set("after", manifest.sourceStates().after() == null ? null : sourceStateTree(manifest.sourceStates().after()));
      ArrayNode changes = states.putArray("changes");
      manifest.sourceStates().changes().forEach(changes::add);
    }
    manifest.rescue().ifPresent(rescue -> root.set("rescue", RescueJson.tree(rescue, manifest.source().logicalSectorSize())));
    manifest.partitions().ifPresent(partitions -> root.set("partitions", PartitionJson.tree(partitions)));
    if (!manifest.driveIdentity().isEmpty()) {
      root.set("driveIdentity", DriveIdentityJson.tree(manifest.driveIdentity()));
    }
    return root;
  }

  /**
   * The {@code tool} block of every record Custos writes: name, version, the commit it was built
   * from and the SHA-256 of its jar (null when not run from a jar).
   */
  public static ObjectNode toolTree(ToolInfo tool) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", tool.name());
    node.put("version", tool.version());
    node.put("commit", tool.commit());
    node.put("jarSha256", tool.jarSha256());
    return node;
  }

  private static void writeSamples(ArrayNode samples, List<Manifest.RateSample> rateSamples) {
    for (Manifest.RateSample sample : rateSamples) {
      samples.addObject().put("elapsedMs", sample.elapsedMillis()).put("bytes", sample.bytes());
    }
  }

  /** One element of {@code resumptions}, also the data of an {@code acquisition-resumed} event. */
  public static ObjectNode resumptionTree(Manifest.Resumption resumption) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("time", EvidenceClock.format(resumption.time()));
    node.put("fromByte", resumption.fromByte());
    node.put("piecesChecked", resumption.piecesChecked());
    if (resumption.rereadPiece().isPresent()) {
      node.put("rereadPiece", resumption.rereadPiece().getAsLong());
    } else {
      node.putNull("rereadPiece");
    }
    node.put("interruptionRecorded", resumption.interruptionRecorded());
    resumption.invocation().ifPresent(invocation -> node.set("invocation", InvocationJson.tree(invocation)));
    return node;
  }


  /**
   * A source's state: {@code sizeBytes}, the file's stat (or null for a device), a loop device's
   * backing file's stat (or null), model and serial. File times carry the file system's nanoseconds.
   */
  public static ObjectNode sourceStateTree(SourceState state) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("sizeBytes", state.sizeBytes());
    node.set("file", fileStatTree(state.file()));
    node.set("backingFile", fileStatTree(state.backingFile()));
    node.put("model", state.model());
    node.put("serial", state.serial());
    return node;
  }

  private static ObjectNode fileStatTree(SourceState.FileStat stat) {
    if (stat == null) {
      return null;
    }
    return MAPPER.createObjectNode().put("path", stat.path()).put("sizeBytes", stat.sizeBytes())
        .put("modified", SourceState.NANOS.format(stat.modified())).put("changed", SourceState.NANOS.format(stat.changed()))
        .put("inode", Long.toUnsignedString(stat.inode())).put("device", Long.toUnsignedString(stat.device()));
  }

  /** The {@code case} member. */
  public static ObjectNode caseTree(CaseInfo info) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("caseId", info.caseId());
    node.put("evidenceId", info.evidenceId());
    node.put("examiner", info.examiner());
    node.put("description", info.description());
    node.put("notes", info.notes());
    return node;
  }

  /** The {@code digests} member: algorithm id to lowercase hex. */
  public static ObjectNode digestsTree(java.util.List<Digest> digests) {
    ObjectNode node = MAPPER.createObjectNode();
    for (Digest digest : digests) {
      node.put(digest.algorithm().id(), digest.hex());
    }
    return node;
  }

  /** The {@code source} member: the source's identity. */
  public static ObjectNode sourceTree(SourceIdentity source) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("path", source.path().toString());
    node.put("kind", source.kind().id());
    node.put("deviceNumber", source.deviceNumber() == null ? null : source.deviceNumber().toString());
    node.put("vendor", source.vendor());
    node.put("model", source.model());
    node.put("serial", source.serial());
    node.put("sizeBytes", source.sizeBytes());
    node.put("sectorCount", source.sectorCount());
    node.put("logicalSectorSize", source.logicalSectorSize());
    node.put("physicalSectorSize", source.physicalSectorSize());
    node.put("removable", source.removable());
    node.put("rotational", source.rotational());
    node.put("kernelReadOnly", source.kernelReadOnly());
    node.put("backingFile", source.backingFile());
    HiddenAreas hidden = source.hiddenAreas();
    ObjectNode hiddenNode = node.putObject("hiddenAreas");
    hiddenNode.put("available", hidden.available());
    hiddenNode.put("hpaHiddenSectors", hidden.hpaHiddenSectors());
    hiddenNode.put("dcoHiddenSectors", hidden.dcoHiddenSectors());
    hiddenNode.put("detail", hidden.detail());
    ArrayNode mounts = node.putArray("mounts");
    for (Mount mount : source.mounts()) {
      mounts.addObject()
          .put("device", mount.device().toString())
          .put("mountPoint", mount.mountPoint())
          .put("fileSystemType", mount.fileSystemType())
          .put("readOnly", mount.readOnly());
    }
    return node;
  }

  /** The {@code writeBlock} member: how the source was kept from being written, and the proof. */
  public static ObjectNode writeBlockTree(WriteBlock writeBlock) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("method", writeBlock.method().id());
    node.put("kernelReadOnly", writeBlock.kernelReadOnly());
    node.put("hardwareBlocker", writeBlock.hardwareBlocker());
    node.put("proof", writeBlock.proof());
    return node;
  }

  /** The {@code parameters} member: how the acquisition was asked to run. */
  public static ObjectNode parametersTree(Manifest.Parameters parameters, PieceAlgorithm pieceAlgorithm, long pieceSize) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("format", parameters.layout().formatName());
    node.put("extension", parameters.layout().extension());
    if (parameters.layout().isSplit() || parameters.layout().isE01()) {
      node.put("segmentSize", parameters.layout().segmentSize());
    } else {
      node.putNull("segmentSize");
    }
    parameters.layout().compression().ifPresent(compression -> node.put("compression", compression.cliName()));
    ArrayNode algorithms = node.putArray("algorithms");
    for (HashAlgorithm algorithm : parameters.algorithms()) {
      algorithms.add(algorithm.id());
    }
    node.put("blockSize", parameters.blockSize());
    node.put("pieceSize", pieceSize);
    node.put("pieceAlgorithm", pieceAlgorithm.id());
    node.put("retries", parameters.retries());
    node.put("errorGranularity", parameters.errorGranularity());
    return node;
  }

  /** The {@code provenance} member: the evidence directory whose image the source is. */
  public static ObjectNode provenanceTree(Manifest.Provenance provenance) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("directory", provenance.directory());
    node.put("imageFile", provenance.imageFile());
    node.put("manifestSha256", provenance.manifestSha256());
    node.put("status", provenance.status());
    ObjectNode digests = node.putObject("recordedDigests");
    for (Digest digest : provenance.recorded()) {
      digests.put(digest.algorithm().id(), digest.hex());
    }
    provenance.digestsEqual().ifPresent(equal -> node.put("digestsEqual", equal));
    return node;
  }

  /** The {@code image} member: format, files with their sizes, and the total. */
  public static ObjectNode imageTree(Manifest manifest) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("format", manifest.parameters().layout().formatName());
    long total = 0;
    ArrayNode files = node.putArray("files");
    for (ImageFile file : manifest.imageFiles()) {
      files.addObject().put("path", file.name()).put("sizeBytes", file.sizeBytes());
      total = Math.addExact(total, file.sizeBytes());
    }
    node.put("sizeBytes", total);
    manifest.e01().ifPresent(e01 -> node.putObject("e01").put("mediaSizeBytes", e01.mediaSizeBytes())
        .put("chunkSize", e01.chunkSize()).put("chunks", e01.chunks()).put("compressedChunks", e01.compressedChunks()));
    return node;
  }

  private static void writePieces(ObjectNode node, Manifest.Pieces pieces) {
    node.put("algorithm", pieces.algorithm().id());
    node.put("size", pieces.size());
    node.put("count", pieces.digests().size());
    ArrayNode digests = node.putArray("digests");
    for (PieceDigest digest : pieces.digests()) {
      digests.add(digest.hex());
    }
  }

  private static void writeBadSectors(ObjectNode node, Manifest.BadSectors bad, int sectorSize) {
    node.put("sectorCount", bad.sectorCount());
    node.put("recoveredReadErrors", bad.recoveredReadErrors());
    node.set("ranges", rangesTree(bad.ranges(), sectorSize));
  }

  /** Sector ranges as {@code [{firstLba, count, bytes}]}. */
  public static ArrayNode rangesTree(java.util.List<SectorRange> ranges, int sectorSize) {
    ArrayNode node = MAPPER.createArrayNode();
    for (SectorRange range : ranges) {
      node.addObject()
          .put("firstLba", range.firstLba())
          .put("count", range.count())
          .put("bytes", range.bytes(sectorSize));
    }
    return node;
  }
}
