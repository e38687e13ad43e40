package dev.custos.acquire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.CustodyLog;
import dev.custos.custody.CustodyVerdict;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.PieceDigest;
import dev.custos.error.CustodyBrokenException;
import dev.custos.error.UsageException;
import dev.custos.evidence.AcquisitionEventJson;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.JsonText;
import dev.custos.evidence.ManifestPlacement;
import dev.custos.evidence.ManifestReader;
import dev.custos.evidence.RecordedManifest;
import dev.custos.io.EvidenceFile;
import dev.custos.io.ReadLimit;
import dev.custos.source.SourceIdentity;
import dev.custos.source.driveidentity.Transcript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * An acquisition that did not complete, as its evidence directory records it: the last {@code
 * acquisition-started} event of an intact custody log (case, source, parameters), whether its
 * interruption was recorded ({@code acquisition-interrupted} and the manifest it names), and the
 * resumptions since. Only the custody log is trusted for the parameters: it is hash-chained and
 * signed, the progress record is not. Immutable.
 *
 * @param started the {@code acquisition-started} event
 * @param interrupted the {@code acquisition-interrupted} event after it; empty when the process
 *     ended without recording it (a crash, {@code kill -9}, a power cut)
 * @param resumptions the {@code acquisition-resumed} events after it, in order
 * @param recorded what {@code started} records: the case, the source, the parameters
 * @param request what was asked for, the source replaced where the examiner names another path
 * @param later every event after {@code started}, in order
 */
record InterruptedAcquisition(
    CustodyEvent started,
    Optional<CustodyEvent> interrupted,
    List<CustodyEvent> resumptions,
    RecordedStart recorded,
    AcquisitionRequest request,
    List<CustodyEvent> later) {

  private static final ObjectMapper MANIFEST_JSON = JsonText.boundedMapper(ReadLimit.MANIFEST).build();

  InterruptedAcquisition {
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(interrupted, "interrupted");
    Objects.requireNonNull(recorded, "recorded");
    Objects.requireNonNull(request, "request");
    resumptions = List.copyOf(resumptions);
    later = List.copyOf(later);
  }

  /** Whether the custody log records the interruption ({@code acquisition-interrupted}). */
  boolean interruptionRecorded() {
    return interrupted.isPresent();
  }

  /** The recorded unit of reads after an error. */
  int errorGranularity() {
    return recorded.errorGranularity();
  }

  /**
   * Reads what {@code directory}'s custody log records of its acquisition.
   *
   * @param source the path the source has now, or {@code null} for the recorded one
   * @throws UsageException if there is no custody log, no acquisition in it, or it completed
   * @throws CustodyBrokenException if the log is broken: nothing is appended to it
   */
  static InterruptedAcquisition read(Path directory, Path source, boolean setReadOnly, String hardwareBlocker)
      throws UsageException, CustodyBrokenException {
    CustodyLog.requireAppendable(directory);
    CustodyVerdict verdict = CustodyLog.check(directory);
    List<CustodyEvent> events = verdict.events();
    int startedAt = lastStarted(directory, verdict);
    boolean placed = placeRecordedManifest(directory, events);
    Optional<CustodyEvent> interrupted = Optional.empty();
    List<CustodyEvent> resumptions = new ArrayList<>();
    for (CustodyEvent event : events.subList(startedAt + 1, events.size())) {
      switch (event.type()) {
        case "acquisition-completed" -> throw new UsageException("the acquisition in " + directory + " completed at "
            + event.time() + " (custody event seq " + event.seq() + "): there is nothing to resume"
            + (placed ? "; its manifest, recorded but not put in place when it ended, is in place now: render its report with"
                + " report render " + directory : ""));
        case "acquisition-interrupted" -> interrupted = Optional.of(event);
        case "acquisition-resumed" -> {
          resumptions.add(event);
          interrupted = Optional.empty();
        }
        default -> { }
      }
    }
    CustodyEvent start = events.get(startedAt);
    try {
      RecordedStart recorded = RecordedStart.of(start.data());
      return new InterruptedAcquisition(start, interrupted, resumptions, recorded,
          recorded.request(Optional.ofNullable(source), directory, setReadOnly, hardwareBlocker),
          events.subList(startedAt + 1, events.size()));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new UsageException("custody event seq " + start.seq() + " (acquisition-started) of " + directory
          + " cannot be resumed from: " + e.getMessage(), e);
    }
  }

  /**
   * Where the last {@code acquisition-started} event of an intact log is among its events.
   *
   * @throws CustodyBrokenException if the log is broken: nothing is resumed
   * @throws UsageException if it records no acquisition
   */
  static int lastStarted(Path directory, CustodyVerdict verdict) throws UsageException, CustodyBrokenException {
    if (!verdict.breaks().isEmpty()) {
      throw new CustodyBrokenException("the custody log of " + directory + " is broken (" + verdict.breaks().get(0)
          + "); nothing was resumed: run report custody " + directory);
    }
    List<CustodyEvent> events = verdict.events();
    return IntStream.range(0, events.size()).filter(i -> events.get(i).type().equals("acquisition-started"))
        .reduce((a, b) -> b).orElseThrow(() -> new UsageException(directory
            + " records no acquisition (no acquisition-started event in its custody log)"));
  }

  /**
   * Puts in place the manifest the last run recorded but did not place (stopped between its
   * ending event and linking {@code acquisition.json}; {@link ManifestPlacement}). The caller holds
   * the directory's lock.
   *
   * @return whether one was put in place
   * @throws UsageException if it cannot be
   */
  private static boolean placeRecordedManifest(Path directory, List<CustodyEvent> events) throws UsageException {
    Optional<String> recorded = events.stream().filter(event -> event.type().startsWith("acquisition-")).reduce((a, b) -> b)
        .filter(last -> last.type().equals("acquisition-completed") || last.type().equals("acquisition-interrupted"))
        .flatMap(InterruptedAcquisition::manifestSha256);
    try {
      return ManifestPlacement.completeRecorded(directory, recorded.orElse(null));
    } catch (IOException e) {
      throw new UsageException("cannot put the recorded manifest " + ManifestPlacement.STAGED + " of " + directory + " in place as "
          + EvidenceDirectory.MANIFEST + ": " + e.getMessage() + "; nothing was resumed", e);
    }
  }

  /**
   * Refuses a source that is not the drive this acquisition began on: another size, model,
   * serial or sector size.
   *
   * @throws UsageException naming what differs
   */
  void requireSameSource(SourceIdentity now) throws UsageException {
    List<String> differences = new ArrayList<>();
    if (now.sizeBytes() != recorded.sourceSize()) {
      differences.add("size " + now.sizeBytes() + " bytes, recorded " + recorded.sourceSize());
    }
    compare(differences, "model", recorded.model(), now.model());
    compare(differences, "serial", recorded.serial(), now.serial());
    if (now.logicalSectorSize() != recorded.logicalSectorSize()) {
      differences.add("logical sector size " + now.logicalSectorSize() + ", recorded " + recorded.logicalSectorSize());
    }
    if (!differences.isEmpty()) {
      throw new UsageException("refusing to resume from " + now.path() + ": it is not the drive the acquisition began on ("
          + String.join("; ", differences) + ")");
    }
  }

  private static void compare(List<String> differences, String what, Optional<String> recorded, String now) {
    if (!recorded.equals(Optional.ofNullable(now))) {
      differences.add(what + " " + (now == null ? "unknown" : "'" + now + "'") + ", recorded "
          + recorded.map(was -> "'" + was + "'").orElse("unknown"));
    }
  }

  /**
   * The SHA-256 the interruption recorded for {@code acquisition.json}, checked against the file:
   * a manifest that changed since is not set aside silently.
   *
   * @return the manifest's SHA-256; empty when there is no manifest
   * @throws UsageException if the manifest differs from the recorded one, or is a link
   */
  Optional<String> checkedManifestSha256(Path directory) throws UsageException {
    Path manifest = directory.resolve(EvidenceDirectory.MANIFEST);
    if (!Files.exists(manifest, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      throw new UsageException(manifest + " is not a regular file; refusing to resume");
    }
    String sha256;
    try {
      sha256 = Digest.compute(HashAlgorithm.SHA_256, EvidenceFile.read(manifest, ReadLimit.MANIFEST)).hex();
    } catch (IOException e) {
      throw new UsageException("cannot read " + manifest + ": " + e.getMessage(), e);
    }
    if (interrupted.isPresent()) {
      String recorded = manifestSha256(interrupted.get()).orElse("");
      if (!sha256.equals(recorded)) {
        throw new UsageException(manifest + " has SHA-256 " + sha256 + ", but custody event seq " + interrupted.get().seq()
            + " recorded " + recorded + ": it changed since the interruption; refusing to resume (run report verify "
            + directory + ")");
      }
    }
    return Optional.of(sha256);
  }

  /**
   * The manifest the interruption recorded, when it is no longer {@code acquisition.json}: the
   * {@code acquisition-interrupted-N.json} that holds it (a resumption stopped between setting it
   * aside and recording that), so that this resumption records it.
   *
   * @return its file name with the SHA-256 the interruption recorded; empty when {@code
   *     acquisition.json} is there or none was recorded
   * @throws UsageException if the recorded manifest is nowhere: evidence is missing
   */
  Optional<InterruptedManifests.SetAside> unrecordedSetAside(Path directory) throws UsageException {
    if (interrupted.isEmpty() || Files.exists(directory.resolve(EvidenceDirectory.MANIFEST), LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    Optional<String> recorded = manifestSha256(interrupted.get());
    if (recorded.isEmpty()) {
      return Optional.empty(); // the interruption could not write its manifest
    }
    for (int n = 1; ; n++) {
      Path candidate = InterruptedManifests.name(directory, n);
      if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
        break;
      }
      try {
        if (Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)
            && Digest.compute(HashAlgorithm.SHA_256, EvidenceFile.read(candidate, ReadLimit.MANIFEST)).hex().equals(recorded.get())) {
          return Optional.of(new InterruptedManifests.SetAside(candidate.getFileName().toString(), recorded.get()));
        }
      } catch (IOException e) {
        throw new UsageException("cannot read " + candidate + ": " + e.getMessage(), e);
      }
    }
    throw new UsageException(directory.resolve(EvidenceDirectory.MANIFEST) + ", the manifest custody event seq "
        + interrupted.get().seq() + " recorded with SHA-256 " + recorded.get() + ", is missing; refusing to resume (run report verify "
        + directory + ")");
  }

  /**
   * The piece digests of the manifest the interruption wrote, {@code file} in {@code directory}
   * (its SHA-256 already checked against the signed {@code acquisition-interrupted} event): what
   * the custody log vouches for, where the progress record is not signed.
   *
   * @param file the manifest's name
   * @return its piece digests in order; empty when no interruption is recorded
   * @throws UsageException if it cannot be read, or its piece digests are not of the recorded
   *     piece algorithm
   */
  Optional<List<PieceDigest>> interruptionPieceDigests(Path directory, String file) throws UsageException {
    if (interrupted.isEmpty()) {
      return Optional.empty();
    }
    Path manifest = directory.resolve(file);
    try {
      RecordedManifest.Pieces pieces = manifestPieces(manifest, interrupted.get());
      if (pieces.algorithm() != recorded.pieceAlgorithm()) {
        throw new IllegalArgumentException("its pieces are " + pieces.algorithm().id() + ", recorded "
            + recorded.pieceAlgorithm().id());
      }
      return Optional.of(pieces.digests());
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException("cannot read " + manifest + ": " + e.getMessage(), e);
    }
  }

  /**
   * What the drive said in the runs before, for the manifest of the acquisition that resumes them:
   * the queries the interruption's manifest lists (see {@link #interruptionDriveIdentity}), and
   * each run's queries before its first read as its {@code acquisition-started} or {@code -resumed}
   * event records them, where no manifest lists them (a run killed before writing one). Both are
   * vouched for by the signed log; the transcripts' bytes are checked when the evidence is verified.
   *
   * @param manifestFile the interruption's manifest, when one is recorded
   * @return them in run order, each query once
   * @throws UsageException if the manifest or an event's list cannot be read
   */
  List<Transcript> earlierDriveIdentity(Path directory, Optional<String> manifestFile)
      throws UsageException {
    List<Transcript> earlier = new ArrayList<>(
        manifestFile.isEmpty() ? List.of() : interruptionDriveIdentity(directory, manifestFile.get()));
    Set<String> asked = new HashSet<>();
    earlier.forEach(transcript -> asked.add(queryKey(transcript)));
    List<CustodyEvent> runStarts = new ArrayList<>(List.of(started));
    runStarts.addAll(resumptions);
    for (CustodyEvent runStart : runStarts) {
      try {
        for (Transcript transcript : AcquisitionEventJson.readDriveIdentity(runStart.data())) {
          if (asked.add(queryKey(transcript))) {
            earlier.add(transcript);
          }
        }
      } catch (IllegalArgumentException e) {
        throw new UsageException("custody event " + runStart.seq() + " records its drive identity queries unreadably: "
            + e.getMessage(), e);
      }
    }
    earlier.sort(Comparator.comparingInt(Transcript::run));
    return earlier;
  }

  private static String queryKey(Transcript transcript) {
    return transcript.run() + " " + transcript.moment() + " " + transcript.query();
  }

  /**
   * The drive identity queries the interruption's manifest {@code file} records (it is the one the
   * custody log vouches for: its bytes are checked against the recorded SHA-256 as they are read),
   * for the manifest of the acquisition that resumes it.
   *
   * @return the transcripts it lists; empty when no interruption is recorded or it lists none
   * @throws UsageException if it cannot be read
   */
  List<Transcript> interruptionDriveIdentity(Path directory, String file)
      throws UsageException {
    if (interrupted.isEmpty()) {
      return List.of();
    }
    Path manifest = directory.resolve(file);
    try {
      return ManifestReader.driveIdentity(vouchedTree(manifest, interrupted.get()));
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException("cannot read " + manifest + ": " + e.getMessage(), e);
    }
  }

  /**
   * The pieces of {@code manifest}, from the bytes whose SHA-256 is the one {@code interruption}
   * recorded, read once, so that a file changed since it was checked is not what vouches for them.
   */
  private static RecordedManifest.Pieces manifestPieces(Path manifest, CustodyEvent interruption) throws IOException {
    return ManifestReader.pieces(vouchedTree(manifest, interruption));
  }

  /** {@code manifest} read once, from bytes whose SHA-256 is the one {@code interruption} recorded. */
  private static JsonNode vouchedTree(Path manifest, CustodyEvent interruption) throws IOException {
    byte[] bytes = EvidenceFile.read(manifest, ReadLimit.MANIFEST);
    String sha256 = Digest.compute(HashAlgorithm.SHA_256, bytes).hex();
    if (!Optional.of(sha256).equals(manifestSha256(interruption))) {
      throw new IOException("it changed since its SHA-256 was checked (now " + sha256 + ")");
    }
    return MANIFEST_JSON.readTree(bytes);
  }

  /** The SHA-256 an {@code acquisition-completed} or {@code -interrupted} event records of its manifest, if it wrote one. */
  private static Optional<String> manifestSha256(CustodyEvent event) {
    JsonNode sha256 = event.data().path("manifest").path("sha256");
    return sha256.isTextual() ? Optional.of(sha256.asText()) : Optional.empty();
  }
}
