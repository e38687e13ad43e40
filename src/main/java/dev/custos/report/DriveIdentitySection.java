package dev.custos.report;

import dev.custos.evidence.RecordedManifest;
import dev.custos.source.driveidentity.DriveIdentity;
import java.util.List;

/**
 * "Drive identity": what the drive said about itself before the read and after it, run by run —
 * who it is, its health, every change between the two said plainly, a serial number that
 * disagrees with the kernel's — and "not available (reason)" for each query that gave nothing.
 * The transcripts themselves are in the evidence directory, listed with their SHA-256 in the
 * manifest. Absent for manifests that record no queries (builds before them).
 */
final class DriveIdentitySection {
  private DriveIdentitySection() {}

  static void write(PageWriter page, RecordedManifest manifest, List<DriveIdentity> identities) {
    if (identities.isEmpty()) {
      return;
    }
    page.heading("Drive identity");
    page.paragraph("What the drive said about itself through read-only identity queries: before the read hdparm -I and"
        + " smartctl -x (for NVMe smartctl -x and nvme id-ctrl, id-ns and list-ns), after it smartctl -x again. Each answer"
        + " is kept as printed in the evidence directory (drive-identity-*), its SHA-256 in the manifest.", page.small);
    for (DriveIdentity identity : identities) {
      if (identities.size() > 1) {
        page.paragraph("Run " + identity.run() + (identity.run() == 1 ? "" : " (a resumption)"), page.bold);
      }
      said(page, "Before", identity.before());
      for (String change : identity.sinceEarlierRun()) {
        page.paragraph("Changed since the run before: " + change + ".", page.bold.colored(Style.ALERT));
      }
      if (identity.after().isPresent()) {
        said(page, "After", identity.after().get());
      } else {
        page.field("After", "not asked: the run ended without asking (nothing is claimed of the drive after the read)", page.body);
      }
      if (identity.after().filter(after -> !after.nothing()).isPresent() && !identity.before().nothing()) {
        if (identity.changes().isEmpty()) {
          // "The same" only of what was said on both sides: a health counter said after alone was not compared.
          page.field("Changes", identity.compared().isEmpty() ? "not compared: no fact was said both before and after"
              : identity.notCompared().isEmpty() ? "none: identity and health counters the same before and after"
              : "none in what was said both before and after (" + String.join(", ", identity.compared()) + ")", page.body);
        }
        if (!identity.notCompared().isEmpty()) {
          page.field("Not compared", String.join(", ", identity.notCompared()) + ": said on one side only", page.body);
        }
        for (String change : identity.changes()) {
          page.paragraph("Changed: " + change + ".", page.bold.colored(Style.ALERT));
        }
      }
      for (String disagreement : identity.disagreements()) {
        page.paragraph("Disagrees: " + disagreement + ".", page.bold.colored(Style.ALERT));
      }
    }
  }

  private static void said(PageWriter page, String when, DriveIdentity.Said said) {
    if (said.nothing()) {
      page.field(when, said.oneReason() ? said.notAvailableLine() : "not available:", page.body);
      if (said.oneReason()) {
        return;
      }
    } else {
      page.field(when, said.identityLine(), page.body);
      said.healthLine().ifPresent(health -> page.field("Health", health, page.body));
      said.facts().notes().forEach(note -> page.field("Note", note, page.body));
    }
    for (String reason : said.notAvailable()) {
      page.field("", reason.replaceFirst(": ", ": not available (") + ")", page.small);
    }
  }
}
