package dev.custos.evidence;

import dev.custos.digest.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the custody events of an acquisition record, as {@link AcquisitionEventJson} reads them
 * back: {@code acquisition-started}, {@code read-errors}, {@code acquisition-resumed}, {@code
 * acquisition-completed} and {@code -interrupted}. Immutable.
 *
 * <p>A custody event's data is only loosely held by its schema, and the custody table prints the
 * events of a broken log too: so every member may be absent (null), and one of the wrong type
 * (a string where a count belongs) reads as absent. Nothing is guessed.
 */
public final class AcquisitionEvent {
  /** The type of the event that starts an acquisition. */
  public static final String STARTED = "acquisition-started";
  /** The type of the events that record bad sectors while reading. */
  public static final String READ_ERRORS = "read-errors";
  /** The type of the event that resumes an interrupted acquisition. */
  public static final String RESUMED = "acquisition-resumed";
  /** The type of the event that ends a completed acquisition. */
  public static final String COMPLETED = "acquisition-completed";
  /** The type of the event that ends an interrupted or failed acquisition. */
  public static final String INTERRUPTED = "acquisition-interrupted";

  private AcquisitionEvent() {}

  /**
   * The source as an {@code acquisition-started} or {@code -resumed} event records it.
   *
   * @param logicalSectorSize bytes per logical sector, or null
   */
  public record Source(String path, Long sizeBytes, Long logicalSectorSize, String model, String serial) {}

  /**
   * {@code acquisition-started}.
   *
   * @param writeBlockMethod how the source was kept from writes, its id
   */
  public record Started(String caseId, String evidenceId, Source source, String writeBlockMethod) {
    public Started {
      Objects.requireNonNull(source, "source");
    }
  }

  /**
   * {@code read-errors}.
   *
   * @param sectorCount the sectors newly found unreadable
   * @param rangeCount how many ranges they are in
   */
  public record ReadErrors(Long sectorCount, int rangeCount) {}

  /**
   * The manifest of the interruption that an {@code acquisition-resumed} event records as set aside.
   *
   * @param file its name in the evidence directory, or null
   * @param sha256 its SHA-256 as recorded, or null
   */
  public record PreviousManifest(String file, String sha256) {}

  /**
   * {@code acquisition-resumed}.
   *
   * @param comparedWithSource whether the kept prefix is compared with the source byte for byte
   *     (rather than re-hashed against recorded piece digests)
   * @param rereadPiece the piece the previous pass found changed and read again, or null
   * @param previousManifestFile the interruption's manifest as set aside, or null
   * @param previousManifestSha256 its SHA-256 as recorded, or null
   * @param invocation the command line of {@code acquire resume}; empty when absent or not one
   */
  public record Resumed(Long fromByte, Long piecesChecked, boolean comparedWithSource, Long rereadPiece,
      boolean interruptionRecorded, String previousManifestFile, String previousManifestSha256, Source source,
      java.util.Optional<Invocation> invocation) {
    public Resumed {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(invocation, "invocation");
    }

    /** The resumption at {@code time}, as the final manifest lists it (an absent count as 0). */
    public Manifest.Resumption resumption(Instant time) {
      return new Manifest.Resumption(time, fromByte == null ? 0 : fromByte, piecesChecked == null ? 0 : piecesChecked,
          rereadPiece == null ? OptionalLong.empty() : OptionalLong.of(rereadPiece), interruptionRecorded, invocation);
    }
  }

  /**
   * {@code acquisition-completed} or {@code -interrupted}.
   *
   * @param status {@code interrupted} or {@code failed}; null for a completed acquisition
   * @param reason why it stopped early, or null
   * @param digests the whole-image digests recorded, in order (entries that are no digest are left out)
   * @param badSectorCount unreadable sectors in all
   * @param manifestSha256 the SHA-256 of the manifest written for it, or null
   */
  public record Ended(String status, String reason, Long bytesAcquired, List<Digest> digests, Long badSectorCount,
      String manifestSha256) {
    public Ended {
      digests = List.copyOf(digests);
    }
  }
}
