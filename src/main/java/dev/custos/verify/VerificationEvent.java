package dev.custos.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.custody.CheckEvent;
import dev.custos.custody.CheckEventJson;
import java.util.LinkedHashMap;
import java.util.Map;

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
    Map<String, String> checks = new LinkedHashMap<>();
    for (CheckResult check : result.checks()) {
      checks.put(check.check().id(), check.verdict().id());
    }
    Map<String, String> digests = null;
    Long damaged = null;
    if (result.image() != null) {
      digests = new LinkedHashMap<>();
      for (DigestComparison digest : result.image().digests()) {
        digests.put(digest.algorithm().id(), digest.computed());
      }
      damaged = (long) result.image().damaged().size();
    }
    return CheckEventJson.verification(new CheckEvent.Verification(result.outcome(),
        result.incomplete() ? result.extent().acquiredText() : null, result.started(), result.ended(), checks, digests, damaged,
        result.sourcePath() == null ? null : result.sourcePath().toString(), result.problems().size(),
        result.problems().stream().limit(PROBLEMS_KEPT).map(Problem::line).toList()));
  }
}
