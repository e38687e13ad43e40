package dev.custos.report;

import dev.custos.custody.CheckEvent;
import dev.custos.custody.CheckEventJson;
import dev.custos.custody.CustodyEvent;
import java.util.List;

/**
 * The "Verification" section: each check {@code acquire image --verify-image} or {@code
 * --verify-source} recorded in the custody log after the acquisition, its time and its result,
 * as the log records them (the log's chain and signatures are what vouch for them).
 */
final class VerificationSection {
  private VerificationSection() {}

  static void write(PageWriter page, List<CustodyEvent> events, dev.custos.evidence.TimeDisplay times) {
    page.heading("Verification");
    List<CustodyEvent> checks = events.stream()
        .filter(event -> event.type().equals(CheckEvent.IMAGE_VERIFIED) || event.type().equals(CheckEvent.SOURCE_VERIFIED)).toList();
    if (checks.isEmpty()) {
      page.paragraph("No verification after the acquisition is recorded (acquire image --verify-image re-reads the image "
          + "from the disk, --verify-source re-reads the source). report verify re-checks the evidence at any time.", page.body);
      return;
    }
    page.paragraph("Right after the manifest was written, the checks below read the image back from the disk, or the source "
        + "again, and compared the digests with those recorded during the acquisition. Each is a custody event, as recorded "
        + "in the log.", page.body);
    for (CustodyEvent event : checks) {
      CheckEvent.AfterAcquisition check = CheckEventJson.readAfterAcquisition(event.data());
      page.down(3);
      page.field(check.ofSource() ? "Source check" : "Image check", check.matched() ? "MATCHED" : "DOES NOT MATCH",
          check.matched() ? page.bold : page.bold.colored(Style.ALERT));
      page.field("Custody event", Long.toString(event.seq()) + " (" + event.type() + ")");
      page.field("Started", time(times, check.started()));
      page.field("Ended", time(times, check.ended()));
      page.field("Read", check.read());
      page.field("Bytes read", Long.toString(check.bytesRead()));
      Style hex = page.mono.sized(8f);
      for (CheckEvent.DigestCheck digest : check.digests()) {
        String algorithm = digest.algorithm().toUpperCase(java.util.Locale.ROOT);
        page.field(algorithm + (digest.matched() ? " (as recorded)" : " (DIFFERS)"), digest.computed(), hex);
        if (!digest.matched()) {
          page.field(algorithm + " recorded", digest.recorded(), hex);
        }
      }
      page.field("Result", check.summary());
      for (String problem : check.problems()) {
        page.field("Differs", problem, page.body.colored(Style.ALERT));
      }
    }
  }

  /** The line of the custody timeline for an {@code image-verified} or {@code source-verified} event. */
  static String fact(CheckEvent.AfterAcquisition check) {
    return (check.ofSource() ? "Source" : "Image") + " re-read and compared after the acquisition: "
        + (check.matched() ? "matched" : "DOES NOT MATCH (" + check.problemCount() + " problems)");
  }

  private static String time(dev.custos.evidence.TimeDisplay times, java.time.Instant instant) {
    return instant == null ? Formats.NOT_RECORDED : times.of(instant);
  }
}
