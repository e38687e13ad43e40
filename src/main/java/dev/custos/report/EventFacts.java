package dev.custos.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.custody.CustodyEvent;
import dev.custos.evidence.AcquisitionEvent;
import dev.custos.evidence.AcquisitionEventJson;
import java.util.ArrayList;
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
      case "transfer" -> "Evidence handed over from " + Formats.text(data.path("from")) + " to "
          + Formats.text(data.path("to")) + optional("; reason: ", data.path("reason"))
          + optional("; location: ", data.path("location"));
      case "receipt" -> "Hand-over received from " + Formats.text(data.path("from")) + " (the transfer at #"
          + Formats.text(data.path("transferSeq")) + ")" + optional("; location: ", data.path("location"))
          + optional("; note: ", data.path("note"));
      case "note" -> "Note: " + Formats.text(data.path("text"));
      case "log-repaired" -> "Torn last line set aside: " + Formats.text(data.path("tornBytes")) + " bytes after #"
          + Formats.text(data.path("afterSeq")) + " moved to " + Formats.text(data.path("setAsideAs")) + " (SHA-256 "
          + Formats.text(data.path("tornSha256")) + "). A crash during an append leaves a torn line, and so does cutting the"
          + " end of the log; the log cannot tell which: only a head kept elsewhere or a later report's head can";
      case "verification" -> ("verified".equals(data.path("outcome").asText()) ? "Evidence re-verified: everything as recorded"
          : "incomplete".equals(data.path("outcome").asText())
              ? "Evidence re-verified: INCOMPLETE, " + Formats.text(data.path("acquired")) + "; what was acquired is as recorded"
          : "Evidence re-verified: NOT as recorded, " + Formats.text(data.path("problemCount")) + " problems")
          + optional("; source re-read: ", data.path("source"));
      case "image-verified", "source-verified" -> VerificationSection.fact(data);
      default -> event.type() + generic(data);
    };
    if (data.path("headTimestamp").isObject()) {
      facts += "; carries an RFC 3161 timestamp token over the log head #" + Formats.text(data.path("headTimestamp").path("head"))
          .replaceFirst(":.*", "") + " (report verify checks it)";
    }
    return event.signed() ? facts : facts + " [UNSIGNED]";
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
    StringBuilder text = new StringBuilder(type.equals(AcquisitionEvent.COMPLETED) ? "Acquisition completed" : "Acquisition interrupted");
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

  private static String optional(String prefix, JsonNode node) {
    return node.isMissingNode() || node.isNull() ? "" : prefix + node.asText();
  }

  /** Top-level facts of an event type this report does not know, clipped. */
  private static String generic(JsonNode data) {
    List<String> parts = new ArrayList<>();
    data.properties().forEach(field -> parts.add(field.getKey() + " " + (field.getValue().isValueNode()
        ? field.getValue().asText() : field.getValue().toString())));
    String text = parts.isEmpty() ? "" : ": " + String.join(", ", parts);
    return text.length() > MAX_GENERIC ? text.substring(0, MAX_GENERIC) + "…" : text;
  }
}
