package dev.custos.acquire;

import dev.custos.digest.PieceDigest;
import dev.custos.evidence.AcquisitionRun;
import dev.custos.evidence.Manifest;
import dev.custos.image.ImageReader;
import dev.custos.rescue.Area;
import dev.custos.source.SectorRange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a pass of {@link ReadRun} begins.
 *
 * @param offset the first byte read from the source (a piece boundary); before it, the image
 * @param prefix the image's bytes {@code [0, offset)}; empty for a new acquisition, which reads
 *     every byte from the source
 * @param checkedPieces the recorded digests of the pieces before {@code offset}, compared as
 *     they are re-hashed
 * @param badSectors unreadable sectors recorded before {@code offset}
 * @param started when the acquisition first began reading
 * @param resumptions the resumptions so far, this one included
 * @param comparedWithSource whether the prefix is compared with the source, byte for byte: its
 *     piece digests are CRCs, or no record the signed custody log vouches for holds them (only
 *     the unsigned progress record does, which an adversary can rewrite with the image)
 * @param rescue where an earlier pass's rescue of a failing source stood: the areas not read then
 *     (see {@link RescueRun}); empty when none failed
 * @param runStarted when this run began: the time of the custody event that opened it (a re-read
 *     within a run is part of it)
 * @param earlierRuns the runs before this one; empty for a new acquisition
 */
record PassStart(long offset, Optional<ImageReader> prefix, List<PieceDigest> checkedPieces, List<SectorRange> badSectors,
    Instant started, List<Manifest.Resumption> resumptions, boolean comparedWithSource, List<Area> rescue, Instant runStarted,
    List<AcquisitionRun> earlierRuns) {
  PassStart {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(runStarted, "runStarted");
    earlierRuns = List.copyOf(earlierRuns);
    rescue = List.copyOf(rescue);
    checkedPieces = List.copyOf(checkedPieces);
    badSectors = List.copyOf(badSectors);
    resumptions = List.copyOf(resumptions);
  }

  /** A new acquisition's pass, begun at {@code started}: the time of its {@code acquisition-started} event. */
  static PassStart fresh(Instant started) {
    return new PassStart(0, Optional.empty(), List.of(), List.of(), started, List.of(), false, List.of(), started, List.of());
  }

  boolean resuming() {
    return !resumptions.isEmpty();
  }
}

