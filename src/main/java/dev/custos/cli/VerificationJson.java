package dev.custos.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.custody.CustodyEvent;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.evidence.ToolInfo;
import dev.custos.verify.CheckResult;
import dev.custos.verify.DamagedPiece;
import dev.custos.verify.DigestComparison;
import dev.custos.verify.ImageFindings;
import dev.custos.verify.ImageMap;
import dev.custos.verify.Problem;
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
    root.putObject("tool").put("name", tool.name()).put("version", tool.version());
    root.putObject("target").put("kind", kind).put("path", result.target().toString());
    root.put("started", EvidenceClock.format(result.started()));
    root.put("ended", EvidenceClock.format(result.ended()));
    root.put("verified", result.verified());
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
    java.util.List<String> violations = EvidenceSchema.VERIFICATION.violations(root);
    if (!violations.isEmpty()) {
      throw new IllegalStateException("the verification result does not validate against " + EvidenceSchema.VERIFICATION.resource()
          + ": " + violations);
    }
    return root;
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
