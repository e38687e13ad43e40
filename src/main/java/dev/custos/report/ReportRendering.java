package dev.custos.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.crypto.Signer;
import dev.custos.crypto.SignerFingerprints;
import dev.custos.crypto.TimestampAuthority;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.CustodyLog;
import dev.custos.custody.CustodyRecorder;
import dev.custos.custody.CustodyVerdict;
import dev.custos.custody.LogEvent;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.error.CustodyBrokenException;
import dev.custos.error.EvidenceWriteException;
import dev.custos.error.SigningException;
import dev.custos.error.UsageException;
import dev.custos.evidence.AcquisitionEventJson;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.evidence.JsonText;
import dev.custos.evidence.ManifestPlacement;
import dev.custos.evidence.ManifestReader;
import dev.custos.evidence.RecordedManifest;
import dev.custos.io.WriteOnce;
import dev.custos.io.EvidenceFile;
import dev.custos.io.NotEvidenceFileException;
import dev.custos.io.ReadLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * The {@code report render} use case: renders the acquisition report of an evidence directory from
 * its manifest and custody log, signs it (PAdES) when there is a signer, writes it as a new file
 * ({@code report.pdf}, else {@code report-2.pdf}, …; never over an existing one), and records a
 * {@code report-rendered} event with the file's name and SHA-256.
 */
public final class ReportRendering {
  private static final ObjectMapper JSON = JsonText.boundedMapper(ReadLimit.MANIFEST).build();

  private final EvidenceClock clock;
  private final String location;
  private final Checkpoint checkpoint;

  /**
   * Where a render has got to: {@code rendered} (signed, in memory; nothing written yet), {@code
   * staged} (on disk under its temporary name), {@code recorded} ({@code report-rendered}
   * appended), {@code linked} (under its name too), {@code placed} ({@link ReportPlacement}). A
   * seam for the tests that stop a real process at each instant; called on the rendering thread.
   */
  @FunctionalInterface
  public interface Checkpoint {
    /** Nothing to do at any step. */
    Checkpoint NONE = step -> { };

    void reached(String step);
  }

  /**
   * @param clock the time of rendering and signing
   * @param location where the report is signed (the workstation's name), for the signature's {@code /Location}
   */
  public ReportRendering(EvidenceClock clock, String location) {
    this(clock, location, Checkpoint.NONE);
  }

  /** As {@link #ReportRendering(EvidenceClock, String)}, telling {@code checkpoint} each step. */
  public ReportRendering(EvidenceClock clock, String location, Checkpoint checkpoint) {
    this.clock = clock;
    this.location = location;
    this.checkpoint = java.util.Objects.requireNonNull(checkpoint, "checkpoint");
  }

  /**
   * What was written.
   *
   * @param completed files an interrupted command had recorded but not put in place, put in place
   *     now from their temporary files (their bytes as recorded): {@code acquisition.json} of an
   *     acquisition stopped after recording its end ({@link ManifestPlacement}), first; then reports
   *     of interrupted renders
   */
  public record RenderedReport(Path file, String sha256, long sizeBytes, boolean signed, CustodyEvent head, List<Path> completed) {
    public RenderedReport {
      completed = List.copyOf(completed);
    }
  }

  /**
   * Renders, signs and writes the report of {@code directory}.
   *
   * @param signer signs the report, or null for an unsigned report (which says so on its pages)
   * @param authority timestamps the signature (PAdES-BASELINE-T), or null
   * @param recorder records the {@code report-rendered} event
   * @throws UsageException if the directory has no valid manifest or no custody log, or it or a file in it is a
   *     symbolic link ({@link EvidenceDirectory#existing}), or the recorder's signer is refused ({@link
   *     CustodyRecorder#requireAcceptedSigner})
   * @throws CustodyBrokenException if the custody log is broken: a report does not vouch for it
   * @throws EvidenceWriteException if the report or an event cannot be written (the message says what
   *     was placed and recorded)
   * @throws SigningException if the timestamp authority fails: no report is written then
   */
  public RenderedReport render(Path evidence, Signer signer, TimestampAuthority authority, CustodyRecorder recorder)
      throws UsageException, CustodyBrokenException, EvidenceWriteException, SigningException {
    Path directory = EvidenceDirectory.existing(evidence);
    CustodyLog.requireAppendable(directory);
    // Refused before anything is written: a report signed by a key from another lab is not rendered.
    recorder.requireAcceptedSigner(directory);
    Path manifestPlaced = placeRecordedManifest(directory);
    byte[] manifestBytes = read(directory.resolve(EvidenceDirectory.MANIFEST), ReadLimit.MANIFEST);
    RecordedManifest manifest = parseManifest(manifestBytes);
    byte[] custodyBytes = read(directory.resolve(EvidenceDirectory.CUSTODY_LOG), ReadLimit.CUSTODY_LOG);
    CustodyVerdict verdict = CustodyLog.check(directory, custodyBytes);
    if (!verdict.intact()) {
      throw new CustodyBrokenException("the custody log of " + directory + " is broken (" + verdict.breaks().get(0)
          + "); no report was rendered: run report custody " + directory);
    }
    recorder.requireSignersAccepted(directory, verdict);
    Instant now = clock.now();
    byte[] pdf = ReportRenderer.render(new ReportInput(manifest, manifestBytes, custodyBytes, verdict.events(),
        verdict.head(), verdict.unsignedEvents(), signatureBlock(signer, authority), now,
        ReportInput.driveIdentityOf(manifest, directory)));
    if (signer != null) {
      pdf = PadesSigner.sign(pdf, signer, "Acquisition report of case " + manifest.caseInfo().caseId()
          + ", evidence " + manifest.caseInfo().evidenceId(), location, now, authority);
    }
    checkpoint.reached("rendered");
    String sha256 = Digest.compute(HashAlgorithm.SHA_256, pdf).hex();
    LogEvent.ReportRendered record = new LogEvent.ReportRendered(null, sha256, (long) pdf.length, signer != null,
        verdict.head() == null ? -1L : verdict.head().seq(), verdict.head() == null ? CustodyEvent.NO_PREVIOUS : verdict.head().hash());
    ReportPlacement.Placed placed = ReportPlacement.place(directory, pdf, record, recorder, checkpoint);
    List<Path> completed = new java.util.ArrayList<>(placed.completed());
    if (manifestPlaced != null) {
      completed.add(0, manifestPlaced);
    }
    return new RenderedReport(placed.report(), sha256, pdf.length, signer != null, verdict.head(), completed);
  }

  /**
   * Puts in place {@code acquisition.json} when the acquisition recorded its end but was stopped
   * before linking it ({@link ManifestPlacement#completeRecorded}).
   *
   * @return {@code acquisition.json} when it was put in place, else null
   */
  private static Path placeRecordedManifest(Path directory) throws UsageException, EvidenceWriteException {
    Path manifest = directory.resolve(EvidenceDirectory.MANIFEST);
    if (!Files.exists(directory.resolve(ManifestPlacement.STAGED), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    CustodyEvent last = null;
    for (CustodyEvent event : CustodyLog.check(directory).events()) {
      if (event.type().startsWith("acquisition-")) {
        last = event;
      }
    }
    boolean ended = last != null && (last.type().equals("acquisition-completed") || last.type().equals("acquisition-interrupted"));
    String recorded = ended ? AcquisitionEventJson.readEnded(last.data()).manifestSha256() : null;
    try {
      return ManifestPlacement.completeRecorded(directory, recorded)
          ? manifest : null;
    } catch (IOException e) {
      throw new EvidenceWriteException("cannot put " + manifest + " in place from "
          + ManifestPlacement.STAGED + ": " + e.getMessage() + "; no report was written", e);
    }
  }

  private static SignatureBlock signatureBlock(Signer signer, TimestampAuthority authority) {
    if (signer == null) {
      return new SignatureBlock("UNSIGNED", null, null, null);
    }
    String issuer = signer.certificateChain().get(0).getIssuerX500Principal().getName(X500Principal.RFC2253);
    SignerFingerprints fingerprints = SignerFingerprints.of(signer.certificateChain());
    return new SignatureBlock(signer.name(), signer.certificateSha256(), issuer,
        authority == null ? null : authority.uri() + " (time in the signature's RFC 3161 token)", fingerprints.issuerSha256(),
        fingerprints.issuerSerial());
  }

  private static RecordedManifest parseManifest(byte[] bytes) throws UsageException {
    JsonNode manifest;
    try {
      manifest = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UsageException(EvidenceDirectory.MANIFEST + " is not JSON: " + e.getMessage(), e);
    }
    List<String> violations = EvidenceSchema.MANIFEST.violations(manifest);
    if (!violations.isEmpty()) {
      throw new UsageException(EvidenceDirectory.MANIFEST + " does not match its schema: " + violations.get(0));
    }
    try {
      return ManifestReader.read(manifest);
    } catch (IllegalArgumentException e) {
      throw new UsageException(EvidenceDirectory.MANIFEST + " holds an unusable value: " + e.getMessage(), e);
    }
  }

  private static byte[] read(Path file, ReadLimit limit) throws UsageException {
    try {
      return EvidenceFile.readFromDirectory(file, limit, "reports on")
          .orElseThrow(() -> new UsageException(file + " does not exist: not an evidence directory"));
    } catch (NotEvidenceFileException e) {
      throw new UsageException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }


}
