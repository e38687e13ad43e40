package dev.custos.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.custody.CustodyEvent;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.evidence.AcquisitionEventJson;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.evidence.ManifestPlacement;
import dev.custos.evidence.ManifestReader;
import dev.custos.evidence.JsonText;
import dev.custos.image.ImageLayout;
import dev.custos.io.ReadLimit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Check 1: {@code acquisition.json} is JSON, valid against its schema, and byte for byte the
 * manifest the acquisition recorded: its SHA-256 equals the one in the custody log's event that
 * ended the acquisition. A schema-valid edit (a case number, a digest) is caught by the latter.
 */
final class ManifestCheck {
  private static final ObjectMapper JSON = JsonText.boundedMapper(ReadLimit.MANIFEST).build();
  private static final String FILE = EvidenceDirectory.MANIFEST;

  private ManifestCheck() {}

  /**
   * What the check found, and the recorded facts when the manifest could be read.
   *
   * @param result the verdict
   * @param recorded the facts to verify the image against, or null when the manifest is unusable
   */
  record Outcome(CheckResult result, RecordedAcquisition recorded) {}

  /**
   * @param bytes the manifest's bytes, or null when it is missing
   * @param events the custody events that could be read
   */
  static Outcome check(byte[] bytes, List<CustodyEvent> events) {
    if (bytes == null) {
      return unusable(FILE + " is missing");
    }
    JsonNode manifest;
    try {
      manifest = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      return unusable(FILE + " is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return unusable(FILE + " cannot be parsed: " + e.getMessage());
    }
    if (manifest == null || !manifest.isObject()) {
      return unusable(FILE + " is not a JSON object");
    }
    List<String> violations = EvidenceSchema.MANIFEST.violations(manifest);
    if (!violations.isEmpty()) {
      return unusable(FILE + " does not match its schema: " + violations.get(0)
          + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
    }
    RecordedAcquisition recorded;
    try {
      recorded = RecordedAcquisition.from(ManifestReader.read(manifest));
    } catch (IllegalArgumentException e) {
      return unusable(FILE + " holds an unusable value: " + e.getMessage());
    }
    String sha256 = Digest.compute(HashAlgorithm.SHA_256, bytes).hex();
    CustodyEvent ended = lastAcquisitionEnd(events);
    String summary = "schema-valid, SHA-256 " + sha256;
    if (ended == null) {
      return new Outcome(CheckResult.of(Check.MANIFEST, summary, List.of(new Problem(FILE,
          "no acquisition-completed or acquisition-interrupted event in the custody log records its SHA-256"))), recorded);
    }
    String recordedSha256 = String.valueOf(AcquisitionEventJson.readEnded(ended.data()).manifestSha256());
    if (!sha256.equals(recordedSha256)) {
      return new Outcome(CheckResult.of(Check.MANIFEST, summary, List.of(new Problem(FILE, FILE + " has SHA-256 " + sha256
          + ", but custody event seq " + ended.seq() + " (" + ended.type() + ") recorded " + recordedSha256
          + ": it changed after the acquisition"))), recorded);
    }
    return new Outcome(CheckResult.pass(Check.MANIFEST, summary + ", as recorded by custody event seq " + ended.seq()), recorded);
  }

  /**
   * Check 1 when {@code acquisition.json} is missing and its temporary file ({@link
   * ManifestPlacement#STAGED}) holds {@code bytes}: the acquisition was stopped while placing its
   * manifest. When the ending event of its last run recorded exactly these bytes, they are the
   * manifest, checked as {@link #check} does, and the check says they were not put in place. Else
   * no record names them: they are no evidence and nothing is checked against them. When the log's
   * last word on the acquisition is its start or a resumption, the check is skipped, naming an
   * acquisition stopped before recording its end: it is INCOMPLETE ({@link AcquisitionExtent#ofLog}),
   * not missing its manifest; otherwise it fails as for a missing manifest.
   */
  static Outcome checkStaged(byte[] bytes, List<CustodyEvent> events, Path root) {
    String sha256 = Digest.compute(HashAlgorithm.SHA_256, bytes).hex();
    CustodyEvent recording = recordingEvent(events);
    if (recording == null && runWithoutEnd(events)) {
      // The acquisition's end is not recorded: it is INCOMPLETE (AcquisitionExtent.ofLog), not a missing manifest.
      return new Outcome(CheckResult.skipped(Check.MANIFEST, FILE + " was not put in place: the acquisition was stopped after"
          + " writing its manifest to " + ManifestPlacement.STAGED + " (SHA-256 " + sha256 + "), before the custody log recorded"
          + " its end; no event records that file, so it is not evidence and nothing is checked against it (acquire resume "
          + root + " goes on)"), null);
    }
    if (recording == null || !sha256.equals(AcquisitionEventJson.readEnded(recording.data()).manifestSha256())) {
      return unusable(FILE + " is missing: the acquisition was stopped after writing its manifest to " + ManifestPlacement.STAGED
          + " (SHA-256 " + sha256 + "), before the custody log recorded its end; no event records that file, so it is not"
          + " evidence and nothing is checked against it (acquire resume " + root + " goes on)");
    }
    Outcome outcome = check(bytes, events);
    if (outcome.result().verdict() != Verdict.PASS) {
      return outcome;
    }
    String next = recording.type().equals("acquisition-completed") ? "report render " + root : "acquire resume " + root;
    return new Outcome(CheckResult.pass(Check.MANIFEST, outcome.result().summary() + "; the acquisition was stopped after recording"
        + " its end, before putting its manifest in place: the bytes custody.jsonl seq " + recording.seq() + " recorded are in "
        + ManifestPlacement.STAGED + " (" + next + " puts them in place as " + FILE + ")"), outcome.recorded());
  }

  /** Whether the last {@code acquisition-*} event is a start or a resumption: a run whose end is not recorded. */
  private static boolean runWithoutEnd(List<CustodyEvent> events) {
    CustodyEvent last = null;
    for (CustodyEvent event : events) {
      if (event.type().startsWith("acquisition-")) {
        last = event;
      }
    }
    return last != null && (last.type().equals("acquisition-started") || last.type().equals("acquisition-resumed"));
  }

  /**
   * The ending event of the acquisition's last run, when the last {@code acquisition-*} event is
   * one ({@code acquisition-completed} or {@code -interrupted}); null when the last run's end is not recorded.
   */
  private static CustodyEvent recordingEvent(List<CustodyEvent> events) {
    CustodyEvent last = null;
    for (CustodyEvent event : events) {
      if (event.type().startsWith("acquisition-")) {
        last = event;
      }
    }
    return last != null && (last.type().equals("acquisition-completed") || last.type().equals("acquisition-interrupted"))
        ? last : null;
  }

  /**
   * The facts of {@code bytes} read without the schema, so that re-hashing can start at once while
   * {@link #check} runs beside it; null when they cannot be read. Only names an image file may have
   * are accepted. Whether the facts count is decided by {@link #check}.
   */
  static RecordedAcquisition readQuickly(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      RecordedAcquisition recorded = RecordedAcquisition.from(ManifestReader.read(JSON.readTree(bytes)));
      boolean plausible = !recorded.files().isEmpty() && recorded.sectorSize() > 0 && recorded.pieces().size() > 0
          && recorded.files().stream().allMatch(file -> ImageLayout.isImageFileName(file.name()));
      return plausible ? recorded : null;
    } catch (IOException | RuntimeException e) {
      // Anything the schema would refuse: check() names it.
      return null;
    }
  }

  private static Outcome unusable(String message) {
    return new Outcome(CheckResult.of(Check.MANIFEST, "unusable", List.of(new Problem(FILE, message))), null);
  }

  private static CustodyEvent lastAcquisitionEnd(List<CustodyEvent> events) {
    CustodyEvent found = null;
    for (CustodyEvent event : events) {
      if (event.type().equals("acquisition-completed") || event.type().equals("acquisition-interrupted")) {
        found = event;
      }
    }
    return found;
  }
}
