package dev.custos.acquire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.CustodyLog;
import dev.custos.custody.CustodyVerdict;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.error.CustodyBrokenException;
import dev.custos.error.UsageException;
import dev.custos.evidence.CaseInfo;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.ManifestPlacement;
import dev.custos.image.ImageLayout;
import dev.custos.io.EvidenceFile;
import dev.custos.io.ReadLimit;
import dev.custos.source.SourceIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An acquisition that did not complete, as its evidence directory records it: the last {@code
 * acquisition-started} event of an intact custody log (case, source, parameters), whether its
 * interruption was recorded ({@code acquisition-interrupted} and the manifest it names), and the
 * resumptions since. Only the custody log is trusted for the parameters: it is hash-chained and
 * signed, the progress record is not. Immutable.
 *
 * @param started the {@code acquisition-started} event
 * @param interrupted the {@code acquisition-interrupted} event after it, or {@code null} when the
 *     process ended without recording it (a crash, {@code kill -9}, a power cut)
 * @param resumptions the {@code acquisition-resumed} events after it, in order
 * @param sourcePath the source as recorded
 * @param sourceSize its size in bytes, as recorded
 * @param request what was asked for, the source replaced where the examiner names another path
 * @param errorGranularity the recorded unit of reads after an error
 */
record InterruptedAcquisition(
    CustodyEvent started,
    CustodyEvent interrupted,
    List<CustodyEvent> resumptions,
    Path sourcePath,
    long sourceSize,
    AcquisitionRequest request,
    int errorGranularity) {

  InterruptedAcquisition {
    Objects.requireNonNull(started, "started");
    resumptions = List.copyOf(resumptions);
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
    if (!verdict.breaks().isEmpty()) {
      throw new CustodyBrokenException("the custody log of " + directory + " is broken (" + verdict.breaks().get(0)
          + "); nothing was resumed: run report custody " + directory);
    }
    List<CustodyEvent> events = verdict.events();
    boolean placed = placeRecordedManifest(directory, events);
    int startedAt = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).type().equals("acquisition-started")) {
        startedAt = i;
      }
    }
    if (startedAt < 0) {
      throw new UsageException(directory + " records no acquisition (no acquisition-started event in its custody log)");
    }
    CustodyEvent interrupted = null;
    List<CustodyEvent> resumptions = new ArrayList<>();
    for (CustodyEvent event : events.subList(startedAt + 1, events.size())) {
      switch (event.type()) {
        case "acquisition-completed" -> throw new UsageException("the acquisition in " + directory + " completed at "
            + event.time() + " (custody event seq " + event.seq() + "): there is nothing to resume"
            + (placed ? "; its manifest, recorded but not put in place when it ended, is in place now: render its report with"
                + " report render " + directory : ""));
        case "acquisition-interrupted" -> interrupted = event;
        case "acquisition-resumed" -> {
          resumptions.add(event);
          interrupted = null;
        }
        default -> { }
      }
    }
    CustodyEvent start = events.get(startedAt);
    try {
      JsonNode data = start.data();
      JsonNode recordedSource = data.path("source");
      Path recordedPath = Path.of(text(recordedSource, "path"));
      AcquisitionRequest request = new AcquisitionRequest(
          source != null ? source : recordedPath, directory, caseInfo(data.path("case")), layout(data.path("parameters")),
          algorithms(data.path("parameters")), PieceAlgorithm.byName(text(data.path("parameters"), "pieceAlgorithm")),
          number(data.path("parameters"), "pieceSize"), Math.toIntExact(number(data.path("parameters"), "blockSize")),
          Math.toIntExact(number(data.path("parameters"), "retries")), setReadOnly, hardwareBlocker);
      return new InterruptedAcquisition(start, interrupted, resumptions, recordedPath, number(recordedSource, "sizeBytes"),
          request, Math.toIntExact(number(data.path("parameters"), "errorGranularity")));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new UsageException("custody event seq " + start.seq() + " (acquisition-started) of " + directory
          + " cannot be resumed from: " + e.getMessage(), e);
    }
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
    CustodyEvent last = null;
    for (CustodyEvent event : events) {
      if (event.type().startsWith("acquisition-")) {
        last = event;
      }
    }
    JsonNode recorded = last == null ? null : last.data().path("manifest").path("sha256");
    boolean ended = last != null && (last.type().equals("acquisition-completed") || last.type().equals("acquisition-interrupted"));
    try {
      return ManifestPlacement.completeRecorded(directory, ended && recorded.isTextual() ? recorded.asText() : null);
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
    JsonNode recorded = started.data().path("source");
    List<String> differences = new ArrayList<>();
    if (now.sizeBytes() != sourceSize) {
      differences.add("size " + now.sizeBytes() + " bytes, recorded " + sourceSize);
    }
    compare(differences, "model", recorded.path("model"), now.model());
    compare(differences, "serial", recorded.path("serial"), now.serial());
    if (now.logicalSectorSize() != recorded.path("logicalSectorSize").asInt()) {
      differences.add("logical sector size " + now.logicalSectorSize() + ", recorded " + recorded.path("logicalSectorSize").asInt());
    }
    if (!differences.isEmpty()) {
      throw new UsageException("refusing to resume from " + now.path() + ": it is not the drive the acquisition began on ("
          + String.join("; ", differences) + ")");
    }
  }

  private static void compare(List<String> differences, String what, JsonNode recorded, String now) {
    String was = recorded.isTextual() ? recorded.asText() : null;
    if (!Objects.equals(was, now)) {
      differences.add(what + " " + (now == null ? "unknown" : "'" + now + "'") + ", recorded "
          + (was == null ? "unknown" : "'" + was + "'"));
    }
  }

  /**
   * The SHA-256 the interruption recorded for {@code acquisition.json}, checked against the file:
   * a manifest that changed since is not set aside silently.
   *
   * @return the manifest's SHA-256, or {@code null} when there is no manifest
   * @throws UsageException if the manifest differs from the recorded one, or is a link
   */
  String checkedManifestSha256(Path directory) throws UsageException {
    Path manifest = directory.resolve(EvidenceDirectory.MANIFEST);
    if (!Files.exists(manifest, LinkOption.NOFOLLOW_LINKS)) {
      return null;
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
    if (interrupted != null) {
      String recorded = interrupted.data().path("manifest").path("sha256").asText();
      if (!sha256.equals(recorded)) {
        throw new UsageException(manifest + " has SHA-256 " + sha256 + ", but custody event seq " + interrupted.seq()
            + " recorded " + recorded + ": it changed since the interruption; refusing to resume (run report verify "
            + directory + ")");
      }
    }
    return sha256;
  }

  /**
   * The manifest the interruption recorded, when it is no longer {@code acquisition.json}: the
   * {@code acquisition-interrupted-N.json} that holds it (a resumption stopped between setting it
   * aside and recording that), so that this resumption records it.
   *
   * @return its file name, or {@code null} when {@code acquisition.json} is there or none was recorded
   * @throws UsageException if the recorded manifest is nowhere: evidence is missing
   */
  String unrecordedSetAside(Path directory) throws UsageException {
    if (interrupted == null || Files.exists(directory.resolve(EvidenceDirectory.MANIFEST), LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    JsonNode recorded = interrupted.data().path("manifest").path("sha256");
    if (!recorded.isTextual()) {
      return null; // the interruption could not write its manifest
    }
    for (int n = 1; ; n++) {
      Path candidate = InterruptedManifests.name(directory, n);
      if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
        break;
      }
      try {
        if (Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)
            && Digest.compute(HashAlgorithm.SHA_256, EvidenceFile.read(candidate, ReadLimit.MANIFEST)).hex().equals(recorded.asText())) {
          return candidate.getFileName().toString();
        }
      } catch (IOException e) {
        throw new UsageException("cannot read " + candidate + ": " + e.getMessage(), e);
      }
    }
    throw new UsageException(directory.resolve(EvidenceDirectory.MANIFEST) + ", the manifest custody event seq "
        + interrupted.seq() + " recorded with SHA-256 " + recorded.asText() + ", is missing; refusing to resume (run report verify "
        + directory + ")");
  }

  /**
   * The piece digests of the manifest the interruption wrote, {@code file} in {@code directory}
   * (its SHA-256 already checked against the signed {@code acquisition-interrupted} event): what
   * the custody log vouches for, where the progress record is not signed.
   *
   * @param file the manifest's name, or {@code null} when there is none
   * @return its piece digests in order, or {@code null} when there is no recorded interruption manifest
   * @throws UsageException if it cannot be read
   */
  List<String> interruptionPieceDigests(Path directory, String file) throws UsageException {
    if (interrupted == null || file == null) {
      return null;
    }
    Path manifest = directory.resolve(file);
    try {
      JsonNode digests = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.toFile()).path("pieces").path("digests");
      List<String> pieces = new ArrayList<>();
      digests.forEach(digest -> pieces.add(digest.asText()));
      return pieces;
    } catch (IOException e) {
      throw new UsageException("cannot read " + manifest + ": " + e.getMessage(), e);
    }
  }

  /** The SHA-256 the interruption recorded for its manifest, or {@code null}. */
  String recordedManifestSha256() {
    JsonNode recorded = interrupted == null ? null : interrupted.data().path("manifest").path("sha256");
    return recorded != null && recorded.isTextual() ? recorded.asText() : null;
  }

  private static CaseInfo caseInfo(JsonNode node) {
    return new CaseInfo(text(node, "caseId"), text(node, "evidenceId"), text(node, "examiner"),
        node.path("description").isTextual() ? node.path("description").asText() : null,
        node.path("notes").isTextual() ? node.path("notes").asText() : null);
  }

  private static ImageLayout layout(JsonNode parameters) {
    return "split".equals(text(parameters, "format"))
        ? ImageLayout.split(number(parameters, "segmentSize"), 512)
        : ImageLayout.raw(text(parameters, "extension"));
  }

  private static List<HashAlgorithm> algorithms(JsonNode parameters) {
    List<HashAlgorithm> algorithms = new ArrayList<>();
    for (JsonNode id : parameters.path("algorithms")) {
      algorithms.add(HashAlgorithm.byName(id.asText()));
    }
    return algorithms;
  }

  private static String text(JsonNode node, String member) {
    JsonNode value = node.path(member);
    if (!value.isTextual()) {
      throw new IllegalArgumentException(member + " is not recorded");
    }
    return value.asText();
  }

  private static long number(JsonNode node, String member) {
    JsonNode value = node.path(member);
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException(member + " is not recorded as an integer");
    }
    return value.asLong();
  }
}
