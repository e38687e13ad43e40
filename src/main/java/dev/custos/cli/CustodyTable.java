package dev.custos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.custody.CheckEvent;
import dev.custos.custody.CheckEventJson;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.LogEvent;
import dev.custos.custody.LogEventJson;
import dev.custos.custody.CustodyVerdict;
import dev.custos.evidence.AcquisitionEvent;
import dev.custos.evidence.AcquisitionEventJson;
import dev.custos.custody.FlatFacts;
import dev.custos.custody.Finding;
import dev.custos.custody.Holding;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.TimeDisplay;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The custody timeline as a table a person reads: time, who, what, key facts; then the verdict. */
final class CustodyTable {
  private static final int WHO_WIDTH = 24;
  private static final int WHAT_WIDTH = 24;
  /** An unknown event's data is clipped: a hostile log must not fill the screen. */
  private static final int MAX_UNKNOWN = 400;

  private CustodyTable() {}

  static void print(CustodyVerdict verdict, String log, PrintWriter out) {
    TimeDisplay times = TimeDisplay.workstation();
    out.println("Chain of custody: " + TerminalText.escape(log) + " (" + verdict.events().size() + (verdict.events().size() == 1 ? " event)" : " events)"));
    if (times.showsLocal()) {
      out.println("Times: UTC, and after \"=\" local time in " + times.zoneName() + " (this workstation's time zone)");
    }
    out.println(String.format(Locale.ROOT, "%4s  %-24s  %-" + WHO_WIDTH + "s  %-" + WHAT_WIDTH + "s  %s",
        "seq", "time (UTC)", "who", "what", "facts"));
    Holding holding = Holding.of(verdict.events());
    for (CustodyEvent event : verdict.events()) {
      String who = TerminalText.escape(event.actor().name()) + (event.signed() ? "" : " (unsigned)");
      out.println(String.format(Locale.ROOT, "%4d  %-24s  %-" + WHO_WIDTH + "s  %-" + WHAT_WIDTH + "s  %s",
          event.seq(), EvidenceClock.format(event.time()), clip(who, WHO_WIDTH), TerminalText.escape(event.type()), facts(event) + HoldingLines.status(holding, event)));
      // Below its row, not in a column of its own: the table stays as wide, and the facts as they were.
      times.local(event.time()).ifPresent(local -> out.println(String.format(Locale.ROOT, "%4s  = %s", "", local)));
    }
    if (verdict.head() != null) {
      out.println("Head: seq " + verdict.head().seq() + ", hash " + verdict.head().hash());
    }
    HoldingLines.print(holding, out);
    for (Finding finding : verdict.findings()) {
      if (!finding.kind().breaksChain()) {
        out.println("Note: " + TerminalText.escape(finding.toString()));
      }
    }
    java.util.Optional<Finding> torn = verdict.findings().stream().filter(f -> f.kind() == Finding.Kind.TORN_LAST_LINE).findFirst();
    if (verdict.intact() && torn.isPresent()) {
      // Never a bare INTACT: the whole events are unbroken, but a torn end cannot show none were cut off.
      out.println("Verdict: INTACT up to " + (verdict.head() == null ? "no whole event" : "seq " + verdict.head().seq())
          + " (" + verdict.events().size() + " events, hash chain unbroken, " + signatures(verdict) + "); then a torn last line ("
          + TerminalText.escape(torn.get().toString()) + ")");
    } else if (verdict.intact()) {
      out.println("Verdict: INTACT: " + verdict.events().size() + " events, hash chain unbroken, " + signatures(verdict));
    } else {
      List<Finding> breaks = verdict.breaks();
      out.println("Verdict: BROKEN: " + breaks.size() + (breaks.size() == 1 ? " finding" : " findings"));
      for (Finding finding : breaks) {
        out.println("  " + TerminalText.escape(finding.toString()));
      }
    }
    out.flush();
  }

  private static String signatures(CustodyVerdict verdict) {
    if (verdict.unsignedEvents() == verdict.events().size()) {
      return "but UNSIGNED: no event is signed, so the log does not prove who recorded it";
    }
    if (verdict.unsignedEvents() > 0) {
      return "every signature verifies; " + verdict.unsignedEvents() + " events are UNSIGNED";
    }
    return "every signature verifies";
  }

  private static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }

  /**
   * What the event records, as a sentence an examiner can read aloud, with every fact the table has
   * room for: digests and hashes in full, since a reader compares them with other records.
   */
  static String facts(CustodyEvent event) {
    JsonNode data = event.data();
    String sentence = switch (event.type()) {
      case AcquisitionEvent.STARTED -> started(AcquisitionEventJson.readStarted(data));
      case AcquisitionEvent.READ_ERRORS -> {
        AcquisitionEvent.ReadErrors errors = AcquisitionEventJson.readReadErrors(data);
        yield orEmpty(errors.sectorCount()) + " unreadable sectors in " + errors.rangeCount() + " ranges, zero-filled in the image";
      }
      case AcquisitionEvent.COMPLETED, AcquisitionEvent.INTERRUPTED -> ended(event.type(), AcquisitionEventJson.readEnded(data));
      case AcquisitionEvent.RESUMED -> resumed(AcquisitionEventJson.readResumed(data));
      case LogEvent.TRANSFER -> transfer(LogEventJson.readTransfer(data));
      case LogEvent.RECEIPT -> {
        LogEvent.Receipt receipt = LogEventJson.readReceipt(data);
        yield "Hand-over received from " + orEmpty(receipt.from()) + optional(" at ", receipt.location())
            + optional("; note: ", receipt.note());
      }
      case LogEvent.NOTE -> "Note: " + orEmpty(LogEventJson.readNote(data).text());
      case LogEvent.LOG_REPAIRED -> {
        LogEvent.LogRepaired repaired = LogEventJson.readLogRepaired(data);
        yield "Torn end of the log set aside: " + orEmpty(repaired.tornBytes()) + " bytes after event " + orEmpty(repaired.afterSeq())
            + " moved to " + orEmpty(repaired.setAsideAs()) + " (a crash, or a cut end of the log: only a kept head tells)";
      }
      case LogEvent.REPORT_RENDERED -> reportRendered(LogEventJson.readReportRendered(data));
      case CheckEvent.VERIFICATION -> verification(CheckEventJson.readVerification(data));
      case CheckEvent.IMAGE_VERIFIED, CheckEvent.SOURCE_VERIFIED -> afterAcquisition(CheckEventJson.readAfterAcquisition(data));
      default -> "Event of a type this version does not know" + FlatFacts.of(data, MAX_UNKNOWN);
    };
    return TerminalText.escape(sentence.replaceAll("\\s*\\R\\s*", " "));
  }

  private static String transfer(LogEvent.Transfer transfer) {
    return "Evidence handed over from " + orEmpty(transfer.from()) + " to " + orEmpty(transfer.to())
        + optional(" (recipient's certificate SHA-256 ", transfer.toCertificateSha256(), ")")
        + optional("; reason: ", transfer.reason()) + optional("; at ", transfer.location());
  }

  private static String reportRendered(LogEvent.ReportRendered report) {
    String signed = report.signed() == null ? "" : report.signed() ? ", signed" : ", UNSIGNED";
    return "Report " + orEmpty(report.file()) + " rendered (SHA-256 " + orEmpty(report.sha256()) + ", " + orEmpty(report.sizeBytes())
        + " bytes" + signed + "), covering the log up to event " + orEmpty(report.headSeq()) + " (hash " + orEmpty(report.headHash()) + ")";
  }

  private static String verification(CheckEvent.Verification verification) {
    String verdict = verification.verified() ? "everything as recorded (VERIFIED)"
        : verification.incomplete() ? "INCOMPLETE, " + orEmpty(verification.acquired())
        : "NOT as recorded, " + verification.problemCount() + " problems (NOT VERIFIED)";
    List<String> digests = new ArrayList<>();
    if (verification.digests() != null) {
      verification.digests().forEach((algorithm, hex) -> digests.add(algorithm + " " + hex));
    }
    return "Evidence re-verified: " + verdict + (digests.isEmpty() ? "" : "; " + String.join(", ", digests))
        + optional("; source re-read: ", verification.source());
  }

  /** The check's own verdict, then the digests it re-computed, each against what was recorded. */
  private static String afterAcquisition(CheckEvent.AfterAcquisition check) {
    List<String> digests = new ArrayList<>();
    for (CheckEvent.DigestCheck digest : check.digests()) {
      digests.add(digest.algorithm() + " " + digest.computed() + (digest.matched() ? " as recorded" : " (recorded " + digest.recorded() + ")"));
    }
    return (check.ofSource() ? "Source" : "Image") + " re-read after the acquisition: "
        + (check.matched() ? "it matched" : "it DOES NOT MATCH (" + check.problemCount() + " problems)")
        + (digests.isEmpty() ? "" : "; " + String.join(", ", digests));
  }

  private static String started(AcquisitionEvent.Started started) {
    AcquisitionEvent.Source source = started.source();
    return "Acquisition of " + orEmpty(source.path()) + " (" + orEmpty(source.sizeBytes()) + " bytes"
        + optional(", model ", source.model()) + optional(", serial ", source.serial()) + ") started for case "
        + orEmpty(started.caseId()) + ", evidence " + orEmpty(started.evidenceId()) + "; write block: " + orEmpty(started.writeBlockMethod());
  }

  private static String ended(String type, AcquisitionEvent.Ended ended) {
    List<String> digests = ended.digests().stream().map(digest -> digest.algorithm().id() + " " + digest.hex()).toList();
    return (type.equals(AcquisitionEvent.COMPLETED) ? "Acquisition completed" : "Acquisition interrupted")
        + (ended.status() == null ? "" : " (" + ended.status() + ": " + ended.reason() + ")") + ": "
        + orEmpty(ended.bytesAcquired()) + " bytes" + (digests.isEmpty() ? "" : ", " + String.join(", ", digests)) + "; "
        + orEmpty(ended.badSectorCount()) + " bad sectors";
  }

  private static String resumed(AcquisitionEvent.Resumed resumed) {
    // Recorded as the pass begins: what it is to check, not yet what it found (a later event's rereadPiece says).
    return "Acquisition resumed from byte " + orEmpty(resumed.fromByte()) + ", the " + orEmpty(resumed.piecesChecked())
        + (resumed.comparedWithSource()
            ? " pieces of the image before it to be compared with the source byte for byte"
            : " recorded pieces of the image before it to be re-hashed against their digests")
        + (resumed.rereadPiece() == null ? "" : "; piece " + resumed.rereadPiece() + " did not match and was read again")
        + (resumed.interruptionRecorded() ? "; the interruption was recorded" : "; the earlier run had ended without recording it")
        + optional("; manifest set aside as ", resumed.previousManifestFile());
  }

  private static String orEmpty(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String optional(String label, String value) {
    return optional(label, value, "");
  }

  private static String optional(String label, String value, String after) {
    return value == null || value.isBlank() ? "" : label + value + after;
  }
}
