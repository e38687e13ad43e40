package dev.custos.acquire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.custody.CustodyEvent;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.evidence.AcquisitionEvent;
import dev.custos.evidence.AcquisitionRun;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.evidence.JsonText;
import dev.custos.evidence.Manifest;
import dev.custos.evidence.ManifestReader;
import dev.custos.evidence.RecordedManifest;
import dev.custos.io.EvidenceFile;
import dev.custos.io.ReadLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runs of an interrupted acquisition before the resumption that reads them, so that its
 * manifest gives the time it ran apart from the time it was stopped, and its report draws every
 * run's read rate. A run begins with the custody event that opened it ({@code
 * acquisition-started}, or an {@code acquisition-resumed} that is no re-read within a run); it ends
 * as the manifest of its interruption records (whose SHA-256 the signed log holds), else at its
 * {@code acquisition-interrupted} event, else, when it died without a word, at the last rate
 * sample it left in the progress record: then its end is not recorded, and said so.
 */
final class EarlierRuns {
  private static final ObjectMapper MANIFEST_JSON = JsonText.boundedMapper(ReadLimit.MANIFEST).build();

  private EarlierRuns() {}

  /** The runs {@code state} records in {@code directory}, before {@code acquisition.json} is set aside. */
  static List<AcquisitionRun> of(Path directory, InterruptedAcquisition state) {
    List<CustodyEvent> openers = new ArrayList<>(List.of(state.started()));
    for (CustodyEvent event : state.later()) {
      if (event.type().equals(AcquisitionEvent.RESUMED) && !event.data().path("rereadPiece").isIntegralNumber()) {
        openers.add(event);
      }
    }
    Map<String, Path> manifests = manifestsBySha256(directory);
    ProgressRecordFormat.Recorded progress = progress(directory);
    List<AcquisitionRun> runs = new ArrayList<>();
    for (int i = 0; i < openers.size(); i++) {
      CustodyEvent opener = openers.get(i);
      long nextSeq = i + 1 < openers.size() ? openers.get(i + 1).seq() : Long.MAX_VALUE;
      Optional<CustodyEvent> interruption = state.later().stream()
          .filter(event -> event.seq() > opener.seq() && event.seq() < nextSeq)
          .filter(event -> event.type().equals(AcquisitionEvent.INTERRUPTED)).findFirst();
      Instant bound = i + 1 < openers.size() ? openers.get(i + 1).time() : Instant.MAX;
      runs.add(run(opener.time(), bound, interruption, manifests, progress));
    }
    return runs;
  }

  private static AcquisitionRun run(Instant started, Instant bound, Optional<CustodyEvent> interruption, Map<String, Path> manifests,
      ProgressRecordFormat.Recorded progress) {
    List<Manifest.RateSample> progressSamples = progress == null ? List.of()
        : RateSampler.thinned(progress.samplesOf(started).stream()
            .filter(sample -> !started.plusMillis(sample.elapsedMillis()).isAfter(bound)).toList());
    if (interruption.isPresent()) {
      JsonNode sha256 = interruption.get().data().path("manifest").path("sha256");
      Optional<RecordedManifest> manifest = sha256.isTextual() ? read(manifests.get(sha256.asText())) : Optional.empty();
      if (manifest.isPresent() && !manifest.get().timing().ended().isBefore(started)) {
        return new AcquisitionRun(started, manifest.get().timing().ended(), true, manifest.get().rateSamples());
      }
      return new AcquisitionRun(started, later(started, interruption.get().time()), true, progressSamples);
    }
    // Died without a word: the last sample it left is the last it is known to have run.
    Instant ended = progressSamples.isEmpty() ? started
        : started.plusMillis(progressSamples.get(progressSamples.size() - 1).elapsedMillis());
    return new AcquisitionRun(started, ended, false, progressSamples);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** {@code acquisition.json} and every manifest set aside, by SHA-256: the interruptions' manifests. */
  private static Map<String, Path> manifestsBySha256(Path directory) {
    Map<String, Path> manifests = new HashMap<>();
    List<Path> candidates = new ArrayList<>(List.of(directory.resolve(EvidenceDirectory.MANIFEST)));
    for (int n = 1; Files.exists(InterruptedManifests.name(directory, n), LinkOption.NOFOLLOW_LINKS); n++) {
      candidates.add(InterruptedManifests.name(directory, n));
    }
    for (Path candidate : candidates) {
      try {
        if (Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
          manifests.put(Digest.compute(HashAlgorithm.SHA_256, EvidenceFile.read(candidate, ReadLimit.MANIFEST)).hex(), candidate);
        }
      } catch (IOException e) {
        // Unreadable: that run's end and rate come from its event and the progress record instead.
      }
    }
    return manifests;
  }

  /** The manifest in {@code file}, if it is one the schema allows. */
  private static Optional<RecordedManifest> read(Path file) {
    if (file == null) {
      return Optional.empty();
    }
    try {
      JsonNode tree = MANIFEST_JSON.readTree(EvidenceFile.read(file, ReadLimit.MANIFEST));
      return EvidenceSchema.MANIFEST.violations(tree).isEmpty() ? Optional.of(ManifestReader.read(tree)) : Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static ProgressRecordFormat.Recorded progress(Path directory) {
    try {
      return ProgressRecord.read(directory) instanceof ProgressRecordFormat.Recorded recorded ? recorded : null;
    } catch (IOException e) {
      return null;
    }
  }
}
