package dev.custos.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.custody.CheckEvent;
import dev.custos.custody.CheckEventJson;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.FlatFacts;
import dev.custos.custody.LogEvent;
import dev.custos.custody.LogEventJson;
import dev.custos.evidence.AcquisitionEvent;
import dev.custos.evidence.AcquisitionEventJson;
import java.util.List;

/** What a custody event says, in a sentence a non-technical reader follows. */
final class EventFacts {
  private static final int MAX_GENERIC = 600;

  private EventFacts() {}

  static String describe(CustodyEvent event) {
    JsonNode data = event.data();
    String facts = switch (event.type()) {
      case AcquisitionEvent.STARTED -> started(AcquisitionEventJson.readStarted(data));
      case AcquisitionEvent.READ_ERRORS -> readErrors(AcquisitionEventJson.readReadErrors(data));
      case AcquisitionEvent.COMPLETED, AcquisitionEvent.INTERRUPTED -> completion(event.type(), AcquisitionEventJson.readEnded(data));
      case AcquisitionEvent.RESUMED -> resumed(AcquisitionEventJson.readResumed(data));
      case LogEvent.TRANSFER -> transfer(LogEventJson.readTransfer(data));
      case LogEvent.RECEIPT -> receipt(LogEventJson.readReceipt(data));
      case LogEvent.NOTE -> "Note: " + Formats.text(LogEventJson.readNote(data).text());
      case LogEvent.LOG_REPAIRED -> logRepaired(LogEventJson.readLogRepaired(data));
      case CheckEvent.VERIFICATION -> verification(CheckEventJson.readVerification(data));
      case CheckEvent.IMAGE_VERIFIED, CheckEvent.SOURCE_VERIFIED -> VerificationSection.fact(CheckEventJson.readAfterAcquisition(data));
      case LogEvent.REPORT_RENDERED -> reportRendered(LogEventJson.readReportRendered(data));
      default -> "Event of a type this version does not know (" + event.type() + ")" + FlatFacts.of(data, MAX_GENERIC);
    };
    LogEvent.HeadTimestamp stamp = LogEventJson.readHeadTimestamp(data);
    if (stamp != null) {
      facts += "; carries an RFC 3161 timestamp token over the log head #" + Formats.text(stamp.head())
          .replaceFirst(":.*", "") + " (report verify checks it)";
    }
    return event.signed() ? facts : facts + " [UNSIGNED]";
  }

  private static String reportRendered(LogEvent.ReportRendered report) {
    String signed = report.signed() == null ? "" : report.signed() ? ", signed" : ", UNSIGNED";
    return "Report " + Formats.text(report.file()) + " rendered (SHA-256 " + Formats.text(report.sha256()) + ", "
        + Formats.text(report.sizeBytes()) + " bytes" + signed + "), covering the log up to event #" + Formats.text(report.headSeq())
        + " (hash " + Formats.text(report.headHash()) + ")";
  }

  private static String transfer(LogEvent.Transfer transfer) {
    // The recipient's certificate is what binds the hand-over to one key: a name alone anyone can take.
    return "Evidence handed over from " + Formats.text(transfer.from()) + " to " + Formats.text(transfer.to())
        + (transfer.toCertificateSha256() != null
            ? " (recipient's certificate SHA-256 " + transfer.toCertificateSha256() + ")"
            : " (no certificate named: any key whose certificate names " + Formats.text(transfer.to()) + " can receive)")
        + optional("; reason: ", transfer.reason()) + optional("; location: ", transfer.location());
  }

  private static String receipt(LogEvent.Receipt receipt) {
    return "Hand-over received from " + Formats.text(receipt.from()) + " (the transfer at #" + Formats.text(receipt.transferSeq())
        + ")" + optional("; location: ", receipt.location()) + optional("; note: ", receipt.note());
  }

  private static String logRepaired(LogEvent.LogRepaired repaired) {
    return "Torn last line set aside: " + Formats.text(repaired.tornBytes()) + " bytes after #" + Formats.text(repaired.afterSeq())
        + " moved to " + Formats.text(repaired.setAsideAs()) + " (SHA-256 " + Formats.text(repaired.tornSha256()) + "). A crash"
        + " during an append leaves a torn line, and so does cutting the end of the log; the log cannot tell which: only a head"
        + " kept elsewhere or a later report's head can";
  }

  private static String verification(CheckEvent.Verification verification) {
    return (verification.verified() ? "Evidence re-verified: everything as recorded"
        : verification.incomplete()
            ? "Evidence re-verified: INCOMPLETE, " + Formats.text(verification.acquired()) + "; what was acquired is as recorded"
        : "Evidence re-verified: NOT as recorded, " + verification.problemCount() + " problems")
        + digests(verification)
        + optional("; source re-read: ", verification.source());
  }

  /** The digests the re-verification computed, so a reader can compare them with the report's own. */
  private static String digests(CheckEvent.Verification verification) {
    if (verification.digests() == null || verification.digests().isEmpty()) {
      return "";
    }
    List<String> digests = new java.util.ArrayList<>();
    verification.digests().forEach((algorithm, hex) -> digests.add(algorithm + " " + Formats.text(hex)));
    return "; " + String.join(", ", digests);
  }

  private static String started(AcquisitionEvent.Started started) {
    return "Acquisition started from " + Formats.text(started.source().path()) + " (" + Formats.text(started.source().sizeBytes())
        + " bytes), write block: " + Formats.text(started.writeBlockMethod());
  }

  private static String readErrors(AcquisitionEvent.ReadErrors errors) {
    return Formats.text(errors.sectorCount()) + " unreadable sectors in " + errors.rangeCount() + " ranges, zero-filled in the image";
  }

  private static String resumed(AcquisitionEvent.Resumed resumed) {
    return "Acquisition resumed: the source read again from byte " + Formats.text(resumed.fromByte())
        + ", the " + Formats.text(resumed.piecesChecked())
        + (resumed.comparedWithSource()
            ? " pieces of the image before it to be compared with the source byte for byte"
            : " recorded pieces of the image before it to be re-hashed against their digests")
        + (resumed.rereadPiece() != null ? "; piece " + resumed.rereadPiece() + " did not and was read again" : "")
        + (resumed.interruptionRecorded() ? "" : "; the earlier run had ended without recording it")
        + (resumed.previousManifestFile() == null ? "" : "; manifest of the interruption kept as " + resumed.previousManifestFile());
  }

  private static String completion(String type, AcquisitionEvent.Ended ended) {
    // Both end in acquisition-interrupted; a source that stopped answering is a failure, not an examiner's stop.
    StringBuilder text = new StringBuilder(type.equals(AcquisitionEvent.COMPLETED) ? "Acquisition completed"
        : "failed".equals(ended.status()) ? "Acquisition failed" : "Acquisition interrupted");
    if (ended.reason() != null) {
      text.append(" (").append(ended.reason()).append(')');
    }
    text.append(": ").append(Formats.text(ended.bytesAcquired())).append(" bytes");
    List<String> algorithms = ended.digests().stream().map(digest -> digest.algorithm().id()).toList();
    if (!algorithms.isEmpty()) {
      text.append(", digests ").append(String.join(", ", algorithms)).append(" (as printed above)");
    }
    if (ended.manifestSha256() != null) {
      text.append("; manifest sha256 ").append(ended.manifestSha256());
    }
    return text.toString();
  }

  private static String optional(String prefix, String value) {
    return value == null ? "" : prefix + value;
  }
}
