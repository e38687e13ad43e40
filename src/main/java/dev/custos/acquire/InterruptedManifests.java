package dev.custos.acquire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.custody.CustodyEvent;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.AcquisitionEventJson;
import dev.custos.evidence.Manifest;
import dev.custos.io.WriteOnce;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The records a resumption keeps of the runs before it: the manifest each interruption wrote,
 * set aside under a name of its own, and the resumptions the custody log records.
 */
final class InterruptedManifests {
  private InterruptedManifests() {}

  /**
   * An interruption's manifest as set aside, as the {@code acquisition-resumed} event records it.
   *
   * @param file its name in the evidence directory, {@code acquisition-interrupted-N.json}
   * @param sha256 its SHA-256, as the custody log recorded it
   */
  record SetAside(String file, String sha256) {
    SetAside {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  /** {@code acquisition-interrupted-N.json}: the manifest of the N-th interruption. */
  static Path name(Path directory, int n) {
    return directory.resolve("acquisition-interrupted-" + n + ".json");
  }

  /**
   * Renames {@code acquisition.json} to the first free {@code acquisition-interrupted-N.json}: the
   * manifest of an interruption stays, byte for byte and read-only, and the custody log records
   * its new name with its SHA-256. The caller holds the directory's lock.
   *
   * @return the new name
   * @throws UsageException if it cannot be renamed
   */
  static String setAside(Path directory) throws UsageException {
    Path manifest = directory.resolve(EvidenceDirectory.MANIFEST);
    for (int n = 1; ; n++) {
      Path target = name(directory, n);
      if (Files.exists(target)) {
        continue;
      }
      try {
        Files.move(manifest, target);
        WriteOnce.syncDirectory(directory);
        return target.getFileName().toString();
      } catch (IOException e) {
        throw new UsageException("cannot set " + manifest + " aside as " + target.getFileName() + ": " + e.getMessage(), e);
      }
    }
  }

  /** The resumptions recorded since the acquisition started, for the final manifest. */
  static List<Manifest.Resumption> earlierResumptions(InterruptedAcquisition state) {
    List<Manifest.Resumption> resumptions = new ArrayList<>();
    for (CustodyEvent event : state.resumptions()) {
      resumptions.add(AcquisitionEventJson.readResumed(event.data()).resumption(event.time()));
    }
    return resumptions;
  }
}
