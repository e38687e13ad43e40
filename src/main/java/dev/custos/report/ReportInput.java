package dev.custos.report;

import dev.custos.evidence.RecordedManifest;
import dev.custos.custody.CustodyEvent;
import dev.custos.evidence.TranscriptFiles;
import dev.custos.source.driveidentity.DriveIdentity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a report is rendered from. Immutable: the byte arrays are copied in
 * and out, so a caller cannot change a report after handing its input over.
 *
 * @param manifest {@code acquisition.json} as read ({@link dev.custos.evidence.ManifestReader})
 * @param manifestBytes the exact bytes of {@code acquisition.json}, embedded as they are
 * @param custodyBytes the exact bytes of {@code custody.jsonl}, embedded as they are
 * @param events the custody events, in log order
 * @param head the last event of the log at render time, or null when the log holds none
 * @param unsignedEvents how many events carry no signature
 * @param signature who signs the report, or that nobody does
 * @param renderedAt when the report is rendered: every date in the PDF is this instant
 * @param driveIdentity what the drive said about itself in each run, read from the transcripts
 *     of the evidence directory ({@link #driveIdentityOf})
 */
public record ReportInput(RecordedManifest manifest, byte[] manifestBytes, byte[] custodyBytes, List<CustodyEvent> events,
    CustodyEvent head, int unsignedEvents, SignatureBlock signature, Instant renderedAt, List<DriveIdentity> driveIdentity) {

  /**
   * As the canonical constructor, for a report rendered without its evidence directory at hand:
   * its drive identity section then says the transcripts were not read, never what they hold.
   */
  public ReportInput(RecordedManifest manifest, byte[] manifestBytes, byte[] custodyBytes, List<CustodyEvent> events,
      CustodyEvent head, int unsignedEvents, SignatureBlock signature, Instant renderedAt) {
    this(manifest, manifestBytes, custodyBytes, events, head, unsignedEvents, signature, renderedAt,
        DriveIdentity.of(manifest.driveIdentity(), transcript -> DriveIdentity.Read.failed("its transcript was not read"),
            manifest.source().serial()));
  }

  /** What the drive said in each run, from the transcripts {@code manifest} lists in {@code directory}, each checked as recorded. */
  public static List<DriveIdentity> driveIdentityOf(RecordedManifest manifest, Path directory) {
    return DriveIdentity.of(manifest.driveIdentity(),
        transcript -> TranscriptFiles.read(directory, transcript.file().orElseThrow()), manifest.source().serial());
  }

  /**
   * @throws NullPointerException for a null member other than {@code head}
   * @throws IllegalArgumentException for a negative count of unsigned events
   */
  public ReportInput {
    Objects.requireNonNull(manifest, "manifest");
    manifestBytes = Objects.requireNonNull(manifestBytes, "manifestBytes").clone();
    custodyBytes = Objects.requireNonNull(custodyBytes, "custodyBytes").clone();
    events = List.copyOf(events);
    if (unsignedEvents < 0) {
      throw new IllegalArgumentException("unsignedEvents must be 0 or more, got " + unsignedEvents);
    }
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(renderedAt, "renderedAt");
    driveIdentity = List.copyOf(driveIdentity);
  }

  /** A copy of the manifest's bytes. */
  @Override
  public byte[] manifestBytes() {
    return manifestBytes.clone();
  }

  /** A copy of the custody log's bytes. */
  @Override
  public byte[] custodyBytes() {
    return custodyBytes.clone();
  }
}
