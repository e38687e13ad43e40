package dev.custos.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.custody.CustodyEvent;
import java.util.List;

/**
 * The "Verification" section: each check {@code acquire image --verify-image} or {@code
 * --verify-source} recorded in the custody log after the acquisition, its time and its result,
 * as the log records them (the log's chain and signatures are what vouch for them).
 */
final class VerificationSection {
  private VerificationSection() {}

  static void write(PageWriter page, List<CustodyEvent> events) {
    page.heading("Verification");
    List<CustodyEvent> checks = events.stream()
        .filter(event -> event.type().equals("image-verified") || event.type().equals("source-verified")).toList();
    if (checks.isEmpty()) {
      page.paragraph("No verification after the acquisition is recorded (acquire image --verify-image re-reads the image "
          + "from the disk, --verify-source re-reads the source). report verify re-checks the evidence at any time.", page.body);
      return;
    }
    page.paragraph("Right after the manifest was written, the checks below read the image back from the disk, or the source "
        + "again, and compared the digests with those recorded during the acquisition. Each is a custody event, as recorded "
        + "in the log.", page.body);
    for (CustodyEvent event : checks) {
      JsonNode data = event.data();
      boolean matched = data.path("matched").asBoolean(false);
      page.down(3);
      page.field(title(data), matched ? "MATCHED" : "DOES NOT MATCH", matched ? page.bold : page.bold.colored(Style.ALERT));
      page.field("Custody event", Long.toString(event.seq()) + " (" + event.type() + ")");
      page.field("Started (UTC)", Formats.text(data.path("started")));
      page.field("Ended (UTC)", Formats.text(data.path("ended")));
      page.field("Read", Formats.text(data.path("read")));
      page.field("Bytes read", Formats.text(data.path("bytesRead")));
      Style hex = page.mono.sized(8f);
      for (JsonNode digest : data.path("digests")) {
        String algorithm = Formats.text(digest.path("algorithm")).toUpperCase(java.util.Locale.ROOT);
        boolean same = digest.path("matched").asBoolean(false);
        page.field(algorithm + (same ? " (as recorded)" : " (DIFFERS)"), Formats.text(digest.path("computed")), hex);
        if (!same) {
          page.field(algorithm + " recorded", Formats.text(digest.path("recorded")), hex);
        }
      }
      page.field("Result", Formats.text(data.path("summary")));
      for (JsonNode problem : data.path("problems")) {
        page.field("Differs", Formats.text(problem), page.body.colored(Style.ALERT));
      }
    }
  }

  /** The line of the custody timeline for an {@code image-verified} or {@code source-verified} event. */
  static String fact(JsonNode data) {
    return (data.path("check").asText().equals("source") ? "Source" : "Image") + " re-read and compared after the acquisition: "
        + (data.path("matched").asBoolean(false) ? "matched" : "DOES NOT MATCH (" + Formats.text(data.path("problemCount"))
            + " problems)");
  }

  private static String title(JsonNode data) {
    return data.path("check").asText().equals("source") ? "Source check" : "Image check";
  }
}
