package dev.custos.report;

import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.evidence.AcquisitionRun;
import dev.custos.evidence.HostInfo;
import dev.custos.evidence.Manifest;
import dev.custos.evidence.RecordedManifest;
import dev.custos.evidence.TimeDisplay;
import dev.custos.source.HiddenAreas;
import dev.custos.source.WriteBlock;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.OptionalLong;

/** The first sections: title, case, tool and host, source, write block, acquisition, digests. */
final class OverviewSections {
  private static final Map<String, String> WRITE_BLOCK = Map.of(
      "kernel-read-only-flag", "the kernel's read-only flag was already set on the device",
      "set-read-only", "Custos set the kernel's read-only flag on the device before reading",
      "hardware-write-blocker", "a hardware write blocker, declared by the examiner",
      "read-only-file", "the source is a file, opened for reading only");

  private OverviewSections() {}

  static void write(PageWriter page, RecordedManifest manifest, SignatureBlock signature, java.time.Instant renderedAt,
      TimeDisplay times) {
    RecordedManifest.Case kase = manifest.caseInfo();
    Style title = new Style(page.fonts.bold, 20, Style.INK);
    page.line(PageWriter.LEFT, page.y() - title.size(), title, "Acquisition report");
    page.down(title.leading() + 2);
    page.paragraph("Case " + kase.caseId() + " \u00b7 Evidence " + kase.evidenceId(),
        new Style(page.fonts.regular, 12, Style.INK));
    page.down(4);
    page.paragraph("This report records how a sector-exact copy (the image) of a storage device was made, the "
        + "digests that identify it, and who has held it since. Anyone can re-check the image by computing its "
        + "digest and comparing it with the value printed here. The manifest (acquisition.json) and the "
        + "chain-of-custody log (custody.jsonl) are attached to this PDF, byte for byte.", page.body);
    page.down(4);
    outcome(page, manifest.outcome(), manifest.source().sizeBytes(), manifest.badSectors(), manifest.rescue());
    page.field("Report signature", signature.signed() ? "signed by " + signature.signerName() : "UNSIGNED",
        signature.signed() ? page.body : page.bold.colored(Style.ALERT));
    page.field("Times", timesNote(manifest.host(), times));
    page.field("Rendered", times.of(renderedAt));

    page.heading("Case");
    page.field("Case", kase.caseId());
    page.field("Evidence", kase.evidenceId());
    page.field("Examiner", kase.examiner());
    page.field("Description", Formats.text(kase.description()));
    page.field("Notes", Formats.text(kase.notes()));
    HostInfo host = manifest.host();
    page.field("Tool", manifest.tool().name() + " " + manifest.tool().version());
    page.field("Tool commit", Formats.text(manifest.tool().commit()));
    page.field("Tool jar SHA-256", Formats.text(manifest.tool().jarSha256()));
    page.field("Report by", dev.custos.evidence.ToolInfo.current().describe());
    page.field("Workstation", host.hostname() + ", " + host.os() + ", account " + host.user() + ", Java " + host.java());

    source(page, manifest.source(), manifest.writeBlock());
    acquisition(page, manifest, times);
    digests(page, manifest.digests());
  }

  /** Says once in which zone the local times are, and why that one; or why there are none. */
  private static String timesNote(HostInfo host, TimeDisplay times) {
    if (times.showsLocal()) {
      return "UTC (ISO 8601, Z); after \"=\" or below it, the same instant in local time in " + times.zoneName()
          + ", the time zone of the acquisition workstation as the manifest records it, with the offset from UTC in force"
          + " at that instant (summer time included); also for custody events recorded on other workstations.";
    }
    if (host.timeZone() == null) {
      return "UTC (ISO 8601, Z) only: the manifest records no time zone of the acquisition workstation (made before Custos"
          + " recorded it, or its TZ was a summer-time rule Java cannot follow).";
    }
    return !isKnownZone(host.timeZone())
        ? "UTC (ISO 8601, Z) only: the manifest records the time zone '" + host.timeZone() + "', which this Java does not know."
        : "UTC (ISO 8601, Z): the acquisition workstation's time zone, " + host.timeZone() + ", is UTC.";
  }

  private static boolean isKnownZone(String id) {
    try {
      java.time.ZoneId.of(id);
      return true;
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }

  private static void outcome(PageWriter page, Manifest.Outcome outcome, long sourceBytes, RecordedManifest.BadSectors badSectors,
      Optional<Manifest.Rescue> rescue) {
    String status = outcome.status().id();
    long acquired = outcome.bytesAcquired();
    boolean completed = outcome.status() == Manifest.Status.COMPLETED && acquired == sourceBytes;
    long bad = badSectors.sectorCount();
    // Completed means every sector was tried, not that every sector was read: unreadable ones are zeros.
    String text = completed && bad == 0 ? "COMPLETED: every sector of the source was read"
        : completed && rescue.filter(Manifest.Rescue::timeLimitReached).isPresent()
            ? "COMPLETED WITHIN THE RESCUE'S TIME LIMIT: " + Formats.plural(bad, "sector", "sectors") + " in "
                + Formats.plural(badSectors.ranges().size(), "range", "ranges") + " were not read (zero-filled in the image); "
                + "the time limit ended the rescue before every one was tried to the end (see Rescue)"
        : completed ? "COMPLETED: every sector was tried; " + Formats.plural(bad, "sector", "sectors") + " in "
            + Formats.plural(badSectors.ranges().size(), "range", "ranges")
            + " could not be read (zero-filled in the image)"
        : "INCOMPLETE, " + status.toUpperCase(java.util.Locale.ROOT) + ": " + Formats.text(outcome.reason())
            + "; bytes " + acquired + " to " + Math.max(0, sourceBytes - 1) + " of the source were not acquired";
    page.field("Outcome", text, completed ? page.bold : page.bold.colored(Style.ALERT));
  }

  private static void source(PageWriter page, RecordedManifest.Source source, WriteBlock writeBlock) {
    page.heading("Source");
    page.field("Path", source.path() + " (" + source.kind() + ")");
    page.field("Vendor and model", Formats.text(source.vendor()) + " / " + Formats.text(source.model()));
    page.field("Serial number", Formats.text(source.serial()));
    page.field("Size", Formats.sizeInSectors(source.sizeBytes(), source.logicalSectorSize()));
    page.field("Sector size", "logical " + source.logicalSectorSize() + " bytes, physical "
        + source.physicalSectorSize() + " bytes");
    page.field("Removable / rotational", Formats.yesNo(source.removable()) + " / " + Formats.yesNo(source.rotational()));
    if (source.deviceNumber() != null) {
      page.field("Device number", source.deviceNumber());
    }
    if (source.backingFile() != null) {
      page.field("Backing file", source.backingFile());
    }
    HiddenAreas hidden = source.hiddenAreas();
    String hiddenText = hidden.available()
        ? "HPA: " + sectors(hidden.hpaHiddenSectors()) + "; DCO: " + sectors(hidden.dcoHiddenSectors())
        : "not determined";
    page.field("Hidden areas (HPA/DCO)", hiddenText + " (" + hidden.detail() + ")");
    List<String> mounts = new java.util.ArrayList<>();
    source.mounts().forEach(mount -> mounts.add(mount.device() + " on "
        + mount.mountPoint() + (mount.readOnly() ? " (read-only)" : " (read-write)")));
    page.field("Mounted", mounts.isEmpty() ? "nothing" : String.join("; ", mounts));

    page.heading("Write block");
    String method = writeBlock.method().id();
    page.field("Method", method + ": " + WRITE_BLOCK.getOrDefault(method, "unknown method"));
    page.field("Kernel read-only flag", Formats.yesNo(writeBlock.kernelReadOnly()));
    page.field("Hardware blocker", writeBlock.hardwareBlocker() != null ? writeBlock.hardwareBlocker() : "none declared");
    page.field("Proof", writeBlock.proof());
  }

  private static String sectors(Long count) {
    if (count == null) {
      return Formats.NOT_RECORDED;
    }
    return count == 0 ? "none (0 hidden sectors)" : Formats.plural(count, "hidden sector", "hidden sectors");
  }

  private static void acquisition(PageWriter page, RecordedManifest manifest, TimeDisplay times) {
    RecordedManifest.Timing timing = manifest.timing();
    RecordedManifest.Parameters parameters = manifest.parameters();
    page.heading("Acquisition");
    page.field("Started", times.of(timing.started()));
    invocation(page, "Command line", manifest.invocation());
    List<Manifest.Resumption> resumptions = manifest.resumptions();
    boolean crc = manifest.pieces().algorithm() == PieceAlgorithm.CRC32C;
    for (int i = 0; i < resumptions.size(); i++) {
      Manifest.Resumption resumption = resumptions.get(i);
      OptionalLong nextReread = i + 1 < resumptions.size() ? resumptions.get(i + 1).rereadPiece() : OptionalLong.empty();
      // After an unrecorded interruption only the unsigned progress record held the digests: compared with the source.
      boolean compared = crc || !resumption.interruptionRecorded();
      // A pass that a re-read follows did not find all its pieces as they should be: it must not say they matched.
      String checked = nextReread.isPresent()
          ? ", with " + resumption.piecesChecked() + " recorded pieces to check; piece "
              + nextReread.getAsLong() + (compared ? " differed from the source" : " no longer matched its digest")
              + ", so the source was read again from there"
          : ", after " + resumption.piecesChecked()
              + (compared ? " pieces of the image were compared with the source byte for byte ("
                  + (crc ? "CRC pieces prove nothing" : "only the unsigned progress record held their digests") + ")"
                  : " recorded pieces of the image were re-hashed and matched the interruption's manifest");
      page.field("Resumed", times.of(resumption.time()) + ", from byte " + resumption.fromByte()
          + checked
          + (resumption.rereadPiece().isPresent() ? "; piece " + resumption.rereadPiece().getAsLong() + " did not and was read again" : "")
          + (resumption.interruptionRecorded() ? "" : "; the interruption had not been recorded"));
      invocation(page, "Resumed by", resumption.invocation());
    }
    page.field("Ended", times.of(timing.ended()));
    List<AcquisitionRun> runs = timing.runs();
    if (runs.isEmpty()) {
      // A manifest of a build before runs were recorded holds the span, stopped time included.
      page.field("Duration", Formats.duration(timing.durationMillis())
          + (resumptions.isEmpty() ? "" : ", from the first start, interruptions included"));
    } else {
      page.field("Duration", Formats.duration(timing.durationMillis()) + " over " + runs.size() + " runs; stopped "
          + Formats.duration(timing.stopped().toMillis()) + " between them (not counted)" + AcquisitionRun.unrecordedEnds(runs)
          + timing.clockNote());
      page.field("Span", Formats.duration(timing.span().toMillis())
          + " from the first start to the end, stopped time included");
    }
    page.field("Average rate", Formats.rate(timing.averageBytesPerSecond()));
    page.field("Bytes acquired", Formats.bytes(manifest.outcome().bytesAcquired()));
    page.field("Outcome", manifest.outcome().status().id()
        + (manifest.outcome().reason() != null ? ": " + manifest.outcome().reason() : ""));
    List<String> algorithms = parameters.algorithms().stream().map(HashAlgorithm::id).toList();
    page.field("Parameters", "image format " + parameters.format()
        + (parameters.compression() == null ? "" : " (EnCase 6, " + parameters.compression() + " compression)") + ", block size "
        + parameters.blockSize() + " bytes, " + parameters.retries()
        + " retries, unreadable areas located to " + parameters.errorGranularity()
        + " bytes, digests " + String.join(", ", algorithms));
    page.down(4);
    Table files = new Table(page, List.of(
        new Table.Column("Image file", page.width() - 160, page.mono),
        new Table.Column("Size in bytes", 160, page.body)));
    manifest.image().files().forEach(file -> files.row(file.path(), Formats.bytes(file.sizeBytes())));
    files.row("total", Formats.bytes(manifest.image().sizeBytes()));
    files.end();
    manifest.image().e01().ifPresent(e01 -> page.field("E01 set", Formats.bytes(manifest.image().sizeBytes())
        + " of segment files hold " + Formats.bytes(e01.mediaSizeBytes()) + " of media ("
        + String.format(java.util.Locale.ROOT, "%.1f%%", e01.mediaSizeBytes() == 0 ? 100.0 : 100.0 * manifest.image().sizeBytes()
            / e01.mediaSizeBytes()) + "): " + e01.chunks() + " chunks of " + e01.chunkSize() + " bytes, " + e01.compressedChunks()
        + " stored compressed, each with its check. The set holds MD5 (and SHA-1 when computed); the digests below are of the"
        + " media, as ewfverify, or ewfexport piped to md5sum, computes them."));
    manifest.provenance().ifPresent(provenance -> page.field("Converted from", provenance.directory() + "/" + provenance.imageFile()
        + ", whose acquisition.json (SHA-256 " + provenance.manifestSha256() + ") records its acquisition as " + provenance.status()
        + provenance.digestsEqual().map(equal -> equal ? ": every digest it records equals the one computed here (report verify of that directory proves the manifest is"
            + " the one its custody log holds)"
            : ": its recorded digests differ from the ones computed here").orElse(": no digest compared")));
  }

  /** The command line as typed, shell-quoted so it can be pasted back, where it was typed, and the directory written. */
  private static void invocation(PageWriter page, String label, Optional<dev.custos.evidence.Invocation> recorded) {
    if (recorded.isEmpty()) {
      page.field(label, Formats.NOT_RECORDED);
      return;
    }
    dev.custos.evidence.Invocation invocation = recorded.get();
    page.field(label, invocation.shellQuoted(), page.mono.sized(8.5f));
    page.field("Working directory", invocation.workingDirectory(), page.mono.sized(8.5f));
    page.field("Evidence directory", Formats.text(invocation.destination()) + " (its real path, links resolved)");
  }

  private static void digests(PageWriter page, List<Digest> digests) {
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
    for (Digest digest : digests) {
      page.ensure(page.label.leading() + 2 * digit.leading());
      page.paragraph(digest.algorithm().id().toUpperCase(java.util.Locale.ROOT), page.label);
      page.paragraph(Formats.hexGroups(digest.hex(), 8), digit);
      page.down(3);
    }
  }
}
