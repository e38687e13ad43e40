package dev.custos.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.crypto.SignerFingerprints;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.SignerCertificateJson;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.evidence.ToolInfo;
import dev.custos.verify.AcquisitionExtent;
import dev.custos.verify.CheckResult;
import dev.custos.verify.DamagedPiece;
import dev.custos.verify.DigestComparison;
import dev.custos.verify.ImageFindings;
import dev.custos.verify.ImageMap;
import dev.custos.verify.Problem;
import dev.custos.verify.SignatureTrust;
import dev.custos.verify.VerificationResult;

/**
 * The {@code --json} form of a verification, as {@code evidence-schema/verification.schema.json}
 * specifies it; checked against that schema before it is printed.
 */
final class VerificationJson {
  /** The format this build writes. */
  static final int FORMAT_VERSION = 1;

  private VerificationJson() {}

  /**
   * @param kind {@code evidence-directory} or {@code image}
   * @param recorded the verification event appended to the custody log, or null
   * @param notRecorded why no event was appended, or null
   */
  static ObjectNode of(VerificationResult result, String kind, CustodyEvent recorded, String notRecorded) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    ToolInfo tool = ToolInfo.current();
    root.set("tool", dev.custos.evidence.ManifestJson.toolTree(tool));
    root.putObject("target").put("kind", kind).put("path", result.target().toString());
    root.put("started", EvidenceClock.format(result.started()));
    root.put("ended", EvidenceClock.format(result.ended()));
    root.put("verified", result.verified());
    root.put("outcome", result.outcome());
    root.set("acquisition", extent(result));
    ArrayNode checks = root.putArray("checks");
    for (CheckResult check : result.checks()) {
      ObjectNode node = checks.addObject();
      node.put("id", check.check().id());
      node.put("title", check.check().title());
      node.put("verdict", check.verdict().id());
      node.put("summary", check.summary());
      ArrayNode problems = node.putArray("problems");
      for (Problem problem : check.problems()) {
        problems.addObject().put("file", problem.file()).put("message", problem.message());
      }
    }
    ArrayNode warnings = root.putArray("warnings");
    for (Problem warning : result.warnings()) {
      warnings.addObject().put("file", warning.file()).put("message", warning.message());
    }
    root.set("image", findings(result.image()));
    root.set("source", findings(result.source()));
    root.put("sourcePath", result.sourcePath() == null ? null : result.sourcePath().toString());
    if (recorded == null) {
      root.putNull("recorded");
    } else {
      root.putObject("recorded").put("seq", recorded.seq()).put("hash", recorded.hash()).put("signed", recorded.signed())
          .put("actor", recorded.actor().name());
    }
    root.put("notRecorded", notRecorded);
    ArrayNode signatures = root.putArray("signatures");
    for (SignatureTrust signature : result.signatures()) {
      ObjectNode node = signatures.addObject();
      node.put("file", signature.file());
      node.put("where", signature.where());
      node.put("signer", signature.signer());
      node.put("trust", signature.trust().level().id());
      node.put("reason", signature.trust().reason());
      node.put("anchorSha256", signature.trust().anchorSha256());
      node.set("certificate", certificate(signature.fingerprints()));
    }
    java.util.List<String> violations = EvidenceSchema.VERIFICATION.violations(root);
    if (!violations.isEmpty()) {
      throw new IllegalStateException("the verification result does not validate against " + EvidenceSchema.VERIFICATION.resource()
          + ": " + violations);
    }
    return root;
  }

  /** The signer's certificate fingerprints, or null. */
  static ObjectNode certificate(SignerFingerprints fingerprints) {
    return SignerCertificateJson.tree(fingerprints);
  }

  /** How much of the source the acquisition got; null for an image from another tool. */
  private static ObjectNode extent(VerificationResult result) {
    AcquisitionExtent extent = result.extent();
    if (extent == null) {
      return null;
    }
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("status", extent.status());
    node.put("complete", extent.complete());
    if (extent.known()) {
      node.put("bytesAcquired", extent.bytesAcquired());
    } else {
      node.putNull("bytesAcquired");
    }
    if (extent.sourceBytes() >= 0) {
      node.put("sourceSizeBytes", extent.sourceBytes());
    } else {
      node.putNull("sourceSizeBytes");
    }
    if (extent.known() && extent.bytesAcquired() < extent.sourceBytes()) {
      long last = extent.sourceBytes() - 1;
      node.putObject("notAcquired").put("firstByte", extent.bytesAcquired()).put("lastByte", last)
          .put("firstLba", extent.bytesAcquired() / extent.sectorSize()).put("lastLba", last / extent.sectorSize());
    } else {
      node.putNull("notAcquired");
    }
    node.put("reason", extent.reason());
    return node;
  }

  private static ObjectNode findings(ImageFindings findings) {
    if (findings == null) {
      return null;
    }
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("of", findings.of().id());
    node.put("sizeBytes", findings.sizeBytes());
    node.put("elapsedMs", findings.elapsedMillis());
    node.put("bytesPerSecond", findings.bytesPerSecond());
    ArrayNode digests = node.putArray("digests");
    for (DigestComparison digest : findings.digests()) {
      digests.addObject().put("algorithm", digest.algorithm().id()).put("recorded", digest.recorded())
          .put("recordedFrom", findings.recordedFrom().id()).put("computed", digest.computed())
          .put("computedOf", findings.of().id()).put("matches", digest.matches());
    }
    node.put("wholeDigestsMatch", findings.wholeDigestsMatch());
    if (findings.pieceAlgorithm() == null) {
      node.putNull("pieces");
      return node;
    }
    ObjectNode pieces = node.putObject("pieces");
    pieces.put("algorithm", findings.pieceAlgorithm().id());
    pieces.put("proves", findings.pieceAlgorithm().proves());
    pieces.put("size", findings.pieceSize());
    pieces.put("compared", findings.piecesCompared());
    pieces.put("summary", findings.piecesSummary());
    ArrayNode damaged = pieces.putArray("damaged");
    for (DamagedPiece piece : findings.damaged()) {
      ImageMap.Span span = piece.span();
      ObjectNode entry = damaged.addObject();
      entry.put("index", piece.index());
      entry.put("state", piece.missing() ? "missing" : "differs");
      entry.put("firstByte", span.firstByte());
      entry.put("lastByte", span.lastByte());
      entry.put("firstLba", span.firstLba());
      entry.put("lastLba", span.lastLba());
      ArrayNode files = entry.putArray("files");
      for (ImageMap.FileSpan file : span.files()) {
        files.addObject().put("file", file.file()).put("firstByte", file.firstByte()).put("lastByte", file.lastByte());
      }
    }
    return node;
  }
}
