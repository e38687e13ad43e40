package dev.custos.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.custody.CustodyEvent;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.evidence.JsonText;
import dev.custos.image.ImageLayout;
import dev.custos.io.ReadLimit;
import java.io.IOException;
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
      recorded = RecordedAcquisition.from(manifest);
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
    String recordedSha256 = ended.data().path("manifest").path("sha256").asText();
    if (!sha256.equals(recordedSha256)) {
      return new Outcome(CheckResult.of(Check.MANIFEST, summary, List.of(new Problem(FILE, FILE + " has SHA-256 " + sha256
          + ", but custody event seq " + ended.seq() + " (" + ended.type() + ") recorded " + recordedSha256
          + ": it changed after the acquisition"))), recorded);
    }
    return new Outcome(CheckResult.pass(Check.MANIFEST, summary + ", as recorded by custody event seq " + ended.seq()), recorded);
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
      RecordedAcquisition recorded = RecordedAcquisition.from(JSON.readTree(bytes));
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
