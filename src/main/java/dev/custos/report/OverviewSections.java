package dev.custos.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The first sections: title, case, tool and host, source, write block, acquisition, digests. */
final class OverviewSections {
  private static final Map<String, String> WRITE_BLOCK = Map.of(
      "kernel-read-only-flag", "the kernel's read-only flag was already set on the device",
      "set-read-only", "Custos set the kernel's read-only flag on the device before reading",
      "hardware-write-blocker", "a hardware write blocker, declared by the examiner",
      "read-only-file", "the source is a file, opened for reading only");

  private OverviewSections() {}

  static void write(PageWriter page, JsonNode manifest, SignatureBlock signature, String renderedAt) {
    JsonNode kase = manifest.path("case");
    Style title = new Style(page.fonts.bold, 20, Style.INK);
    page.line(PageWriter.LEFT, page.y() - title.size(), title, "Acquisition report");
    page.down(title.leading() + 2);
    page.paragraph("Case " + Formats.text(kase.path("caseId")) + " \u00b7 Evidence " + Formats.text(kase.path("evidenceId")),
        new Style(page.fonts.regular, 12, Style.INK));
    page.down(4);
    page.paragraph("This report records how a sector-exact copy (the image) of a storage device was made, the "
        + "digests that identify it, and who has held it since. Anyone can re-check the image by computing its "
        + "digest and comparing it with the value printed here. The manifest (acquisition.json) and the "
        + "chain-of-custody log (custody.jsonl) are attached to this PDF, byte for byte.", page.body);
    page.down(4);
    outcome(page, manifest.path("outcome"), manifest.path("source").path("sizeBytes").asLong(), manifest.path("badSectors"));
    page.field("Report signature", signature.signed() ? "signed by " + signature.signerName() : "UNSIGNED",
        signature.signed() ? page.body : page.bold.colored(Style.ALERT));
    page.field("Rendered", renderedAt + " (UTC)");

    page.heading("Case");
    page.field("Case", Formats.text(kase.path("caseId")));
    page.field("Evidence", Formats.text(kase.path("evidenceId")));
    page.field("Examiner", Formats.text(kase.path("examiner")));
    page.field("Description", Formats.text(kase.path("description")));
    page.field("Notes", Formats.text(kase.path("notes")));
    JsonNode host = manifest.path("host");
    page.field("Tool", Formats.text(manifest.path("tool").path("name")) + " " + Formats.text(manifest.path("tool").path("version")));
    page.field("Tool commit", Formats.text(manifest.path("tool").path("commit")));
    page.field("Tool jar SHA-256", Formats.text(manifest.path("tool").path("jarSha256")));
    page.field("Report by", dev.custos.evidence.ToolInfo.current().describe());
    page.field("Workstation", Formats.text(host.path("hostname")) + ", " + Formats.text(host.path("os"))
        + ", account " + Formats.text(host.path("user")) + ", Java " + Formats.text(host.path("java")));

    source(page, manifest.path("source"), manifest.path("writeBlock"));
    acquisition(page, manifest);
    digests(page, manifest.path("digests"));
  }

  private static void outcome(PageWriter page, JsonNode outcome, long sourceBytes, JsonNode badSectors) {
    String status = Formats.text(outcome.path("status"));
    long acquired = outcome.path("bytesAcquired").asLong();
    boolean completed = "completed".equals(status) && acquired == sourceBytes;
    long bad = badSectors.path("sectorCount").asLong();
    // Completed means every sector was tried, not that every sector was read: unreadable ones are zeros.
    String text = completed && bad == 0 ? "COMPLETED: every sector of the source was read"
        : completed ? "COMPLETED: every sector was tried; " + Formats.plural(bad, "sector", "sectors") + " in "
            + Formats.plural(badSectors.path("ranges").size(), "range", "ranges")
            + " could not be read (zero-filled in the image)"
        : "INCOMPLETE, " + status.toUpperCase(java.util.Locale.ROOT) + ": " + Formats.text(outcome.path("reason"))
            + "; bytes " + acquired + " to " + Math.max(0, sourceBytes - 1) + " of the source were not acquired";
    page.field("Outcome", text, completed ? page.bold : page.bold.colored(Style.ALERT));
  }

  private static void source(PageWriter page, JsonNode source, JsonNode writeBlock) {
    page.heading("Source");
    page.field("Path", Formats.text(source.path("path")) + " (" + Formats.text(source.path("kind")) + ")");
    page.field("Vendor and model", Formats.text(source.path("vendor")) + " / " + Formats.text(source.path("model")));
    page.field("Serial number", Formats.text(source.path("serial")));
    page.field("Size", Formats.sizeInSectors(source.path("sizeBytes").asLong(), source.path("logicalSectorSize").asInt()));
    page.field("Sector size", "logical " + Formats.text(source.path("logicalSectorSize")) + " bytes, physical "
        + Formats.text(source.path("physicalSectorSize")) + " bytes");
    page.field("Removable / rotational", Formats.yesNo(source.path("removable")) + " / " + Formats.yesNo(source.path("rotational")));
    if (source.hasNonNull("deviceNumber")) {
      page.field("Device number", Formats.text(source.path("deviceNumber")));
    }
    if (source.hasNonNull("backingFile")) {
      page.field("Backing file", Formats.text(source.path("backingFile")));
    }
    JsonNode hidden = source.path("hiddenAreas");
    String hiddenText = hidden.path("available").asBoolean()
        ? "HPA: " + sectors(hidden.path("hpaHiddenSectors")) + "; DCO: " + sectors(hidden.path("dcoHiddenSectors"))
        : "not determined";
    page.field("Hidden areas (HPA/DCO)", hiddenText + " (" + Formats.text(hidden.path("detail")) + ")");
    List<String> mounts = new java.util.ArrayList<>();
    source.path("mounts").forEach(mount -> mounts.add(Formats.text(mount.path("device")) + " on "
        + Formats.text(mount.path("mountPoint")) + (mount.path("readOnly").asBoolean() ? " (read-only)" : " (read-write)")));
    page.field("Mounted", mounts.isEmpty() ? "nothing" : String.join("; ", mounts));

    page.heading("Write block");
    String method = Formats.text(writeBlock.path("method"));
    page.field("Method", method + ": " + WRITE_BLOCK.getOrDefault(method, "unknown method"));
    page.field("Kernel read-only flag", Formats.yesNo(writeBlock.path("kernelReadOnly")));
    page.field("Hardware blocker", writeBlock.hasNonNull("hardwareBlocker")
        ? Formats.text(writeBlock.path("hardwareBlocker")) : "none declared");
    page.field("Proof", Formats.text(writeBlock.path("proof")));
  }

  private static String sectors(JsonNode count) {
    if (count.isNull() || count.isMissingNode()) {
      return Formats.NOT_RECORDED;
    }
    return count.asLong() == 0 ? "none (0 hidden sectors)" : Formats.plural(count.asLong(), "hidden sector", "hidden sectors");
  }

  private static void acquisition(PageWriter page, JsonNode manifest) {
    JsonNode timing = manifest.path("timing");
    JsonNode parameters = manifest.path("parameters");
    page.heading("Acquisition");
    page.field("Started", Formats.text(timing.path("started")) + " (UTC)");
    JsonNode resumptions = manifest.path("resumptions");
    boolean crc = manifest.path("pieces").path("algorithm").asText().equals("crc32c");
    for (int i = 0; i < resumptions.size(); i++) {
      JsonNode resumption = resumptions.get(i);
      JsonNode next = resumptions.path(i + 1);
      // After an unrecorded interruption only the unsigned progress record held the digests: compared with the source.
      boolean compared = crc || !resumption.path("interruptionRecorded").asBoolean();
      // A pass that a re-read follows did not find all its pieces as they should be: it must not say they matched.
      String checked = next.path("rereadPiece").isIntegralNumber()
          ? ", with " + Formats.text(resumption.path("piecesChecked")) + " recorded pieces to check; piece "
              + next.path("rereadPiece").asText() + (compared ? " differed from the source" : " no longer matched its digest")
              + ", so the source was read again from there"
          : ", after " + Formats.text(resumption.path("piecesChecked"))
              + (compared ? " pieces of the image were compared with the source byte for byte ("
                  + (crc ? "CRC pieces prove nothing" : "only the unsigned progress record held their digests") + ")"
                  : " recorded pieces of the image were re-hashed and matched the interruption's manifest");
      page.field("Resumed", Formats.text(resumption.path("time")) + " (UTC) from byte " + Formats.text(resumption.path("fromByte"))
          + checked
          + (resumption.path("rereadPiece").isIntegralNumber()
              ? "; piece " + resumption.path("rereadPiece").asText() + " did not and was read again" : "")
          + (resumption.path("interruptionRecorded").asBoolean() ? "" : "; the interruption had not been recorded"));
    }
    page.field("Ended", Formats.text(timing.path("ended")) + " (UTC)");
    page.field("Duration", Formats.duration(timing.path("durationMs").asLong())
        + (manifest.path("resumptions").isEmpty() ? "" : ", from the first start, interruptions included"));
    page.field("Average rate", Formats.rate(timing.path("averageBytesPerSecond").asLong()));
    page.field("Bytes acquired", Formats.bytes(manifest.path("outcome").path("bytesAcquired").asLong()));
    page.field("Outcome", Formats.text(manifest.path("outcome").path("status"))
        + (manifest.path("outcome").hasNonNull("reason") ? ": " + Formats.text(manifest.path("outcome").path("reason")) : ""));
    List<String> algorithms = new java.util.ArrayList<>();
    parameters.path("algorithms").forEach(algorithm -> algorithms.add(algorithm.asText()));
    page.field("Parameters", "image format " + Formats.text(parameters.path("format")) + ", block size "
        + Formats.text(parameters.path("blockSize")) + " bytes, " + Formats.text(parameters.path("retries"))
        + " retries, unreadable areas located to " + Formats.text(parameters.path("errorGranularity"))
        + " bytes, digests " + String.join(", ", algorithms));
    page.down(4);
    Table files = new Table(page, List.of(
        new Table.Column("Image file", page.width() - 160, page.mono),
        new Table.Column("Size in bytes", 160, page.body)));
    manifest.path("image").path("files").forEach(file ->
        files.row(Formats.text(file.path("path")), Formats.bytes(file.path("sizeBytes").asLong())));
    files.row("total", Formats.bytes(manifest.path("image").path("sizeBytes").asLong()));
    files.end();
  }

  private static void digests(PageWriter page, JsonNode digests) {
    page.heading("Digests of the whole image");
    if (digests.isEmpty()) {
      page.paragraph("No whole-image digests: the acquisition did not complete.", page.bold.colored(Style.ALERT));
      return;
    }
    page.paragraph("A digest is a fingerprint of the image: change one bit and it changes completely. To check "
        + "the image, compute the digest again (for example with md5sum or sha256sum over the image files joined "
        + "in order) and compare. Digits are grouped by eight so they can be read aloud.", page.body);
    page.down(4);
    Style digit = page.mono.sized(10);
    for (Map.Entry<String, JsonNode> digest : digests.properties()) {
      page.ensure(page.label.leading() + 2 * digit.leading());
      page.paragraph(digest.getKey().toUpperCase(java.util.Locale.ROOT), page.label);
      page.paragraph(Formats.hexGroups(digest.getValue().asText(), 8), digit);
      page.down(3);
    }
  }
}
