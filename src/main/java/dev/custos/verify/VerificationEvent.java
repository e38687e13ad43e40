package dev.custos.verify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.custody.CustodyRecorder;
import dev.custos.evidence.EvidenceClock;

/**
 * The {@code data} of a {@code verification} custody event: the outcome, each check's verdict, the
 * digests computed, and the first problems (every problem is in the command's output; the log
 * keeps its lines short).
 */
final class VerificationEvent {
  /** Problems kept in the event; the count says how many there were. */
  static final int PROBLEMS_KEPT = 20;

  private VerificationEvent() {}

  static ObjectNode data(VerificationResult result) {
    ObjectNode data = CustodyRecorder.newData();
    data.put("outcome", result.outcome());
    if (result.incomplete()) {
      data.put("acquired", result.extent().acquiredText());
    }
    data.put("started", EvidenceClock.format(result.started()));
    data.put("ended", EvidenceClock.format(result.ended()));
    ObjectNode checks = data.putObject("checks");
    for (CheckResult check : result.checks()) {
      checks.put(check.check().id(), check.verdict().id());
    }
    if (result.image() != null) {
      ObjectNode digests = data.putObject("digests");
      result.image().digests().forEach(digest -> digests.put(digest.algorithm().id(), digest.computed()));
      data.put("digestsOf", "image"); // computed now, of the image; the recorded ones are in the manifest
      data.put("piecesDamaged", result.image().damaged().size());
    }
    data.put("source", result.sourcePath() == null ? null : result.sourcePath().toString());
    data.put("problemCount", result.problems().size());
    ArrayNode problems = data.putArray("problems");
    result.problems().stream().limit(PROBLEMS_KEPT)
        .forEach(problem -> problems.add(problem.line()));
    return data;
  }
}
