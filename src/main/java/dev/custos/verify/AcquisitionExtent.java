package dev.custos.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.custody.CustodyEvent;
import dev.custos.evidence.AcquisitionEvent;
import dev.custos.evidence.AcquisitionEventJson;
import dev.custos.evidence.Manifest;
import dev.custos.evidence.ManifestReader;
import dev.custos.evidence.RecordedManifest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * How much of its source an acquisition got, as its records say: the manifest's outcome, or, when
 * there is no usable manifest, the custody log's last word on the acquisition. An acquisition that
 * did not read every byte is incomplete however well what it read verifies: {@link
 * VerificationResult#verified()} is then false and {@code report verify} exits 1. Immutable.
 *
 * @param status {@code completed}, {@code interrupted}, {@code failed}, or {@link #UNRECORDED} when
 *     the acquisition began but its end was never recorded (a {@code kill -9}, a power cut)
 * @param bytesAcquired bytes of the source in the image, from byte 0; -1 when unknown
 * @param sourceBytes the source's size; -1 when unknown
 * @param sectorSize bytes per logical sector of the source (the LBA unit)
 * @param reason why it stopped early, or null
 */
public record AcquisitionExtent(String status, long bytesAcquired, long sourceBytes, int sectorSize, String reason,
    boolean resumable) {
  /** The status of an acquisition whose end no record tells. */
  public static final String UNRECORDED = "unrecorded";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** An unfinished E01 set cannot be resumed: its last segment's chunk tables were never written. */
  private static final String E01_FORMAT = "e01";

  /**
   * @throws IllegalArgumentException for a sector size below 1 or a byte count past the source
   */
  public AcquisitionExtent {
    if (sectorSize < 1) {
      throw new IllegalArgumentException("sector size must be positive, got " + sectorSize);
    }
    if (bytesAcquired >= 0 && sourceBytes >= 0 && bytesAcquired > sourceBytes) {
      throw new IllegalArgumentException(bytesAcquired + " bytes acquired of a source of " + sourceBytes);
    }
  }

  /** An extent {@code acquire resume} can go on from (any but an E01 set's). */
  public AcquisitionExtent(String status, long bytesAcquired, long sourceBytes, int sectorSize, String reason) {
    this(status, bytesAcquired, sourceBytes, sectorSize, reason, true);
  }

  /** Whether every byte of the source was read (unreadable sectors zero-filled and recorded count as read). */
  public boolean complete() {
    return "completed".equals(status) && bytesAcquired == sourceBytes;
  }

  /** Whether the records say how far it got. */
  public boolean known() {
    return bytesAcquired >= 0 && sourceBytes >= 0;
  }

  /**
   * {@code bytes 0–503316479 of 4294967296 acquired}, or what is known of it: the extent in words,
   * byte ranges inclusive.
   */
  public String acquiredText() {
    if (!known()) {
      return "the acquisition stopped without recording how far it got (no usable acquisition.json)";
    }
    return bytesAcquired == 0 ? "no bytes of " + sourceBytes + " acquired"
        : "bytes 0–" + (bytesAcquired - 1) + " of " + sourceBytes + " acquired";
  }

  /**
   * {@code bytes 503316480–4294967295 (LBAs 983040–8388607) not acquired: interrupted by a signal},
   * or null when complete or unknown.
   */
  public String notAcquiredText() {
    if (complete() || !known() || bytesAcquired == sourceBytes) {
      return null;
    }
    long lastByte = sourceBytes - 1;
    return "bytes " + bytesAcquired + "–" + lastByte + " (LBAs " + bytesAcquired / sectorSize + "–" + lastByte / sectorSize
        + ") not acquired: " + status.toUpperCase(Locale.ROOT) + (reason == null ? "" : ", " + reason);
  }

  /**
   * The extent a manifest records; null when {@code manifestBytes} cannot be read (the manifest
   * check says why).
   */
  static AcquisitionExtent ofManifest(byte[] manifestBytes) {
    try {
      com.fasterxml.jackson.databind.JsonNode tree = JSON.readTree(manifestBytes);
      RecordedManifest.Extent extent = ManifestReader.extent(tree);
      Manifest.Outcome outcome = extent.outcome();
      if (outcome.bytesAcquired() > extent.sourceBytes()) {
        return null;
      }
      return new AcquisitionExtent(outcome.status().id(), outcome.bytesAcquired(), extent.sourceBytes(), extent.sectorSize(),
          outcome.reason(), !E01_FORMAT.equals(tree.path("parameters").path("format").asText()));
    } catch (IOException | RuntimeException e) {
      return null; // the manifest check names what is wrong with it
    }
  }

  /**
   * The extent when the manifest is missing or unusable: {@link #UNRECORDED} when the custody log
   * shows an acquisition begun or resumed and no end recorded after it; null otherwise (the log
   * records an end, so the missing manifest is the problem, not the acquisition).
   */
  static AcquisitionExtent ofLog(List<CustodyEvent> events) {
    CustodyEvent last = null;
    for (CustodyEvent event : events) {
      if (event.type().startsWith("acquisition-")) {
        last = event;
      }
    }
    if (last == null || !(last.type().equals("acquisition-started") || last.type().equals("acquisition-resumed"))) {
      return null;
    }
    AcquisitionEvent.Source source = last.type().equals(AcquisitionEvent.STARTED)
        ? AcquisitionEventJson.readStarted(last.data()).source() : AcquisitionEventJson.readResumed(last.data()).source();
    Long sectorSize = source.logicalSectorSize();
    boolean resumable = !E01_FORMAT.equals(last.data().path("parameters").path("format").asText());
    return new AcquisitionExtent(UNRECORDED, -1, source.sizeBytes() == null ? -1 : source.sizeBytes(),
        sectorSize == null || sectorSize < 1 || sectorSize > Integer.MAX_VALUE ? 512 : (int) (long) sectorSize,
        "the custody log records its " + (last.type().equals("acquisition-started") ? "start" : "resumption") + " (seq "
            + last.seq() + ") and no end", resumable);
  }
}
