package dev.custos.verify;

import dev.custos.custody.CustodyEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A completed acquisition has its report: a {@code report-rendered} event after the {@code
 * acquisition-completed} event. Without one (the process died between the manifest and the
 * report, or rendering failed) the signed account of the acquisition is missing, and the {@link
 * Check#REPORTS} check fails saying how to make it, rather than passing over an empty directory.
 * An incomplete acquisition is never verified anyway ({@link AcquisitionExtent}), so its report is
 * not required here. Stateless.
 */
final class ReportCoverage {
  private ReportCoverage() {}

  /** {@code reports}, with a problem added when the last acquisition end is a completion no report followed. */
  static CheckResult require(CheckResult reports, List<CustodyEvent> events, Path root) {
    CustodyEvent end = null;
    boolean reported = false;
    for (CustodyEvent event : events) {
      if (event.type().equals("acquisition-completed") || event.type().equals("acquisition-interrupted")) {
        end = event;
        reported = false;
      } else if (event.type().equals(ReportEvent.TYPE) && end != null) {
        reported = true;
      }
    }
    if (end == null || reported || !end.type().equals("acquisition-completed") || reports.verdict() == Verdict.SKIPPED) {
      return reports;
    }
    List<Problem> problems = new ArrayList<>(reports.problems());
    problems.add(new Problem(null, "no report was rendered after the acquisition completed (custody.jsonl seq " + end.seq()
        + "): the signed report of this acquisition is missing; render it with: report render " + root));
    return CheckResult.of(Check.REPORTS, reports.summary(), problems);
  }
}
