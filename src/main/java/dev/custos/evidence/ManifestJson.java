package dev.custos.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.image.ImageFile;
import dev.custos.source.HiddenAreas;
import dev.custos.source.Mount;
import dev.custos.source.SectorRange;
import dev.custos.source.SourceIdentity;
import dev.custos.source.WriteBlock;
import java.nio.charset.StandardCharsets;

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
    ObjectNode tool = root.putObject("tool");
    tool.put("name", manifest.tool().name());
    tool.put("version", manifest.tool().version());
    writeCase(root.putObject("case"), manifest.caseInfo());
    ObjectNode host = root.putObject("host");
    host.put("hostname", manifest.host().hostname());
    host.put("os", manifest.host().os());
    host.put("user", manifest.host().user());
    host.put("java", manifest.host().java());
    writeSource(root.putObject("source"), manifest.source());
    writeWriteBlock(root.putObject("writeBlock"), manifest.writeBlock());
    writeParameters(root.putObject("parameters"), manifest);
    writeImage(root.putObject("image"), manifest);
    ObjectNode digests = root.putObject("digests");
    for (Digest digest : manifest.digests()) {
      digests.put(digest.algorithm().id(), digest.hex());
    }
    writePieces(root.putObject("pieces"), manifest.pieces());
    writeBadSectors(root.putObject("badSectors"), manifest.badSectors(), manifest.source().logicalSectorSize());
    ObjectNode timing = root.putObject("timing");
    timing.put("started", EvidenceClock.format(manifest.timing().started()));
    timing.put("ended", EvidenceClock.format(manifest.timing().ended()));
    timing.put("durationMs", manifest.timing().duration().toMillis());
    timing.put("averageBytesPerSecond", manifest.averageBytesPerSecond());
    ArrayNode samples = root.putArray("rateSamples");
    for (Manifest.RateSample sample : manifest.rateSamples()) {
      samples.addObject().put("elapsedMs", sample.elapsedMillis()).put("bytes", sample.bytes());
    }
    ObjectNode outcome = root.putObject("outcome");
    outcome.put("status", manifest.outcome().status().id());
    outcome.put("bytesAcquired", manifest.outcome().bytesAcquired());
    outcome.put("reason", manifest.outcome().reason());
    return root;
  }

  private static void writeCase(ObjectNode node, CaseInfo info) {
    node.put("caseId", info.caseId());
    node.put("evidenceId", info.evidenceId());
    node.put("examiner", info.examiner());
    node.put("description", info.description());
    node.put("notes", info.notes());
  }

  private static void writeSource(ObjectNode node, SourceIdentity source) {
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
  }

  private static void writeWriteBlock(ObjectNode node, WriteBlock writeBlock) {
    node.put("method", writeBlock.method().id());
    node.put("kernelReadOnly", writeBlock.kernelReadOnly());
    node.put("hardwareBlocker", writeBlock.hardwareBlocker());
    node.put("proof", writeBlock.proof());
  }

  private static void writeParameters(ObjectNode node, Manifest manifest) {
    Manifest.Parameters parameters = manifest.parameters();
    node.put("format", parameters.layout().formatName());
    node.put("extension", parameters.layout().extension());
    if (parameters.layout().isSplit()) {
      node.put("segmentSize", parameters.layout().segmentSize());
    } else {
      node.putNull("segmentSize");
    }
    ArrayNode algorithms = node.putArray("algorithms");
    for (HashAlgorithm algorithm : parameters.algorithms()) {
      algorithms.add(algorithm.id());
    }
    node.put("blockSize", parameters.blockSize());
    node.put("pieceSize", manifest.pieces().size());
    node.put("pieceAlgorithm", manifest.pieces().algorithm().id());
    node.put("retries", parameters.retries());
    node.put("errorGranularity", parameters.errorGranularity());
  }

  private static void writeImage(ObjectNode node, Manifest manifest) {
    node.put("format", manifest.parameters().layout().formatName());
    long total = 0;
    ArrayNode files = node.putArray("files");
    for (ImageFile file : manifest.imageFiles()) {
      files.addObject().put("path", file.name()).put("sizeBytes", file.sizeBytes());
      total = Math.addExact(total, file.sizeBytes());
    }
    node.put("sizeBytes", total);
  }

  private static void writePieces(ObjectNode node, Manifest.Pieces pieces) {
    node.put("algorithm", pieces.algorithm().id());
    node.put("size", pieces.size());
    node.put("count", pieces.digests().size());
    ArrayNode digests = node.putArray("digests");
    for (String digest : pieces.digests()) {
      digests.add(digest);
    }
  }

  private static void writeBadSectors(ObjectNode node, Manifest.BadSectors bad, int sectorSize) {
    node.put("sectorCount", bad.sectorCount());
    node.put("recoveredReadErrors", bad.recoveredReadErrors());
    ArrayNode ranges = node.putArray("ranges");
    for (SectorRange range : bad.ranges()) {
      ranges.addObject()
          .put("firstLba", range.firstLba())
          .put("count", range.count())
          .put("bytes", range.bytes(sectorSize));
    }
  }
}
