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
import dev.custos.custody.Finding;
import dev.custos.custody.Holding;
import dev.custos.evidence.EvidenceClock;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The custody timeline as a table a person reads: time, who, what, key facts; then the verdict. */
final class CustodyTable {
  private static final int WHO_WIDTH = 24;
  private static final int WHAT_WIDTH = 24;

  private CustodyTable() {}

  static void print(CustodyVerdict verdict, String log, PrintWriter out) {
    out.println("Chain of custody: " + TerminalText.escape(log) + " (" + verdict.events().size() + (verdict.events().size() == 1 ? " event)" : " events)"));
    out.println(String.format(Locale.ROOT, "%4s  %-24s  %-" + WHO_WIDTH + "s  %-" + WHAT_WIDTH + "s  %s",
        "seq", "time (UTC)", "who", "what", "facts"));
    Holding holding = Holding.of(verdict.events());
    for (CustodyEvent event : verdict.events()) {
      String who = TerminalText.escape(event.actor().name()) + (event.signed() ? "" : " (unsigned)");
      out.println(String.format(Locale.ROOT, "%4d  %-24s  %-" + WHO_WIDTH + "s  %-" + WHAT_WIDTH + "s  %s",
          event.seq(), EvidenceClock.format(event.time()), clip(who, WHO_WIDTH), TerminalText.escape(event.type()), facts(event) + HoldingLines.status(holding, event)));
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

  /** The facts of an event a reader looks for first, on one line. */
  static String facts(CustodyEvent event) {
    JsonNode data = event.data();
    List<String> facts = new ArrayList<>();
    switch (event.type()) {
      case AcquisitionEvent.STARTED -> started(facts, AcquisitionEventJson.readStarted(data));
      case AcquisitionEvent.READ_ERRORS -> {
        AcquisitionEvent.ReadErrors errors = AcquisitionEventJson.readReadErrors(data);
        facts.add(orEmpty(errors.sectorCount()) + " unreadable sectors in " + errors.rangeCount() + " ranges, zero-filled");
      }
      case AcquisitionEvent.COMPLETED, AcquisitionEvent.INTERRUPTED -> {
        AcquisitionEvent.Ended ended = AcquisitionEventJson.readEnded(data);
        if (ended.status() != null) {
          facts.add(ended.status() + ": " + ended.reason());
        }
        facts.add(orEmpty(ended.bytesAcquired()) + " bytes");
        ended.digests().forEach(digest -> facts.add(digest.algorithm().id() + " " + digest.hex()));
        facts.add(orEmpty(ended.badSectorCount()) + " bad sectors");
      }
      case AcquisitionEvent.RESUMED -> resumed(facts, AcquisitionEventJson.readResumed(data));
      case LogEvent.TRANSFER -> transfer(facts, LogEventJson.readTransfer(data));
      case LogEvent.RECEIPT -> {
        LogEvent.Receipt receipt = LogEventJson.readReceipt(data);
        facts.add("received from " + orEmpty(receipt.from()));
        addIfPresent(facts, "at ", receipt.location());
        addIfPresent(facts, "note: ", receipt.note());
      }
      case LogEvent.NOTE -> facts.add(orEmpty(LogEventJson.readNote(data).text()));
      case LogEvent.LOG_REPAIRED -> {
        LogEvent.LogRepaired repaired = LogEventJson.readLogRepaired(data);
        facts.add(orEmpty(repaired.tornBytes()) + " torn bytes after seq " + orEmpty(repaired.afterSeq()) + " set aside as "
            + orEmpty(repaired.setAsideAs()) + " (a crash, or a cut end of the log: only a kept head tells)");
      }
      case CheckEvent.VERIFICATION -> verification(facts, CheckEventJson.readVerification(data));
      case CheckEvent.IMAGE_VERIFIED, CheckEvent.SOURCE_VERIFIED -> afterAcquisition(facts, CheckEventJson.readAfterAcquisition(data));
      default -> data.properties().stream().limit(4)
          .forEach(member -> facts.add(member.getKey() + " " + member.getValue().toString()));
    }
    return TerminalText.escape(String.join("; ", facts).replaceAll("\\s*\\R\\s*", " "));
  }

  private static void transfer(List<String> facts, LogEvent.Transfer transfer) {
    facts.add(orEmpty(transfer.from()) + " -> " + orEmpty(transfer.to()));
    addIfPresent(facts, "recipient's certificate SHA-256 ", transfer.toCertificateSha256());
    addIfPresent(facts, "reason: ", transfer.reason());
    addIfPresent(facts, "at ", transfer.location());
  }

  private static void verification(List<String> facts, CheckEvent.Verification verification) {
    facts.add(verification.verified() ? "VERIFIED"
        : verification.incomplete() ? "INCOMPLETE: " + orEmpty(verification.acquired())
        : "NOT VERIFIED: " + verification.problemCount() + " problems");
    if (verification.digests() != null) {
      verification.digests().forEach((algorithm, hex) -> facts.add(algorithm + " " + hex));
    }
    addIfPresent(facts, "source re-read: ", verification.source());
  }

  /** The check's own verdict, then the digests it re-computed, each against what was recorded. */
  private static void afterAcquisition(List<String> facts, CheckEvent.AfterAcquisition check) {
    facts.add((check.ofSource() ? "source" : "image") + " re-read after the acquisition: "
        + (check.matched() ? "matched" : "DOES NOT MATCH (" + check.problemCount() + " problems)"));
    for (CheckEvent.DigestCheck digest : check.digests()) {
      facts.add(digest.algorithm() + " " + digest.computed() + (digest.matched() ? " as recorded" : " (recorded " + digest.recorded() + ")"));
    }
  }

  private static void started(List<String> facts, AcquisitionEvent.Started started) {
    AcquisitionEvent.Source source = started.source();
    facts.add(orEmpty(source.path()) + ", " + orEmpty(source.sizeBytes()) + " bytes");
    addIfPresent(facts, "model ", source.model());
    addIfPresent(facts, "serial ", source.serial());
    facts.add("write block: " + orEmpty(started.writeBlockMethod()));
    facts.add("case " + orEmpty(started.caseId()) + " / " + orEmpty(started.evidenceId()));
  }

  private static void resumed(List<String> facts, AcquisitionEvent.Resumed resumed) {
    // Recorded as the pass begins: what it is to check, not yet what it found (a later event's rereadPiece says).
    facts.add("from byte " + orEmpty(resumed.fromByte()) + ", " + orEmpty(resumed.piecesChecked())
        + (resumed.comparedWithSource()
            ? " pieces of the image to compare with the source byte for byte"
            : " recorded pieces of the image to re-hash against their digests"));
    if (resumed.rereadPiece() != null) {
      facts.add("piece " + resumed.rereadPiece() + " did not match: read again");
    }
    facts.add(resumed.interruptionRecorded() ? "interruption recorded" : "the earlier run ended without recording it");
    addIfPresent(facts, "manifest set aside as ", resumed.previousManifestFile());
  }

  private static String orEmpty(Object value) {
    return value == null ? "" : value.toString();
  }

  private static void addIfPresent(List<String> facts, String label, String value) {
    if (value != null && !value.isBlank()) {
      facts.add(label + value);
    }
  }
}
