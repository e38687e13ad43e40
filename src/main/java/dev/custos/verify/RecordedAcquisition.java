package dev.custos.verify;

import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.PieceDigest;
import dev.custos.evidence.Manifest;
import dev.custos.evidence.ManifestReader;
import dev.custos.evidence.RecordedManifest;
import dev.custos.image.ImageFile;
import dev.custos.rescue.AreaState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a manifest records that verification checks against: the image files, the digests, the
 * pieces, how the acquisition ended and which source it read. Immutable; read from a manifest that
 * has already passed its schema.
 *
 * @param files the image files, in order, with their recorded sizes
 * @param split whether the image is split into segments
 * @param sectorSize bytes per logical sector of the source: the unit of LBAs
 * @param digests the whole-image digests; empty when the acquisition did not complete
 * @param pieces how pieces are cut
 * @param pieceDigests the recorded digest of every piece, in order
 * @param completed whether every sector of the source was read
 * @param bytesAcquired bytes of the source in the image, from byte 0
 * @param source what was read, to recognise it again
 * @param unread sectors the acquisition could not read (zeros in the image), and how many of them
 *     its rescue's time limit left not tried to the end
 * @param e01 an E01 set's recorded format and, once finished, the media it holds; empty for a raw image
 * @param transcripts the drive identity transcripts the manifest lists, with their sizes and SHA-256
 */
record RecordedAcquisition(List<ImageFile> files, boolean split, int sectorSize, List<Digest> digests,
    Rehash.PieceSpec pieces, List<PieceDigest> pieceDigests, boolean completed, long bytesAcquired, RecordedSource source,
    Unread unread, Optional<E01Set> e01, List<dev.custos.source.driveidentity.Transcript.TranscriptFile> transcripts) {

  /**
   * An E01 set as recorded, and what its own sections must then say.
   *
   * @param content what it holds once finished; empty for a set its acquisition did not finish
   * @param caseInfo the case fields its headers must hold
   * @param unreadable the sectors its error2 section must list, as the manifest's bad ranges
   */
  record E01Set(Optional<Manifest.E01Content> content, RecordedManifest.Case caseInfo, List<dev.custos.source.SectorRange> unreadable) {
    E01Set {
      unreadable = List.copyOf(unreadable);
    }
  }

  /**
   * Sectors not read.
   *
   * @param sectors every sector not read, as the manifest's bad ranges count them
   * @param notTriedToTheEnd those of them a time limit left before every try was made
   */
  record Unread(long sectors, long notTriedToTheEnd) {
    static final Unread NONE = new Unread(0, 0);
  }

  RecordedAcquisition {
    files = List.copyOf(files);
    digests = List.copyOf(digests);
    pieceDigests = List.copyOf(pieceDigests);
    Objects.requireNonNull(e01, "e01");
    transcripts = List.copyOf(transcripts);
  }

  /**
   * The source as recorded.
   *
   * @param path its path at acquisition
   * @param sizeBytes its exact size
   * @param model its model, or null
   * @param serial its serial number, or null
   */
  record RecordedSource(String path, long sizeBytes, String model, String serial) {}

  /**
   * The facts of a manifest as read ({@link ManifestReader#read}).
   *
   * @throws IllegalArgumentException if the image files' sizes add up to more than a file can hold
   */
  static RecordedAcquisition from(RecordedManifest manifest) {
    List<ImageFile> files = new java.util.ArrayList<>();
    long total = 0;
    for (RecordedManifest.File file : manifest.image().files()) {
      ImageFile imageFile = new ImageFile(file.path(), file.sizeBytes());
      files.add(imageFile);
      if (imageFile.sizeBytes() > Long.MAX_VALUE - total) {
        throw new IllegalArgumentException("the image files' sizes add up to more bytes than a file can hold");
      }
      total += imageFile.sizeBytes();
    }
    RecordedManifest.Source source = manifest.source();
    RecordedManifest.Pieces pieces = manifest.pieces();
    return new RecordedAcquisition(files, manifest.image().split(), source.logicalSectorSize(),
        manifest.digests(), new Rehash.PieceSpec(pieces.algorithm(), pieces.size()), pieces.digests(),
        manifest.outcome().status() == Manifest.Status.COMPLETED, manifest.outcome().bytesAcquired(),
        new RecordedSource(source.path(), source.sizeBytes(), source.model(), source.serial()),
        new Unread(manifest.badSectors().sectorCount(), manifest.rescue().map(rescue -> rescue.unread().stream()
            .filter(area -> area.state() != AreaState.BAD_SECTOR)
            .mapToLong(area -> (area.size() + source.logicalSectorSize() - 1) / source.logicalSectorSize()).sum()).orElse(0L)),
        manifest.image().isE01() ? Optional.of(new E01Set(manifest.image().e01(), manifest.caseInfo(),
            manifest.badSectors().ranges().stream().map(RecordedManifest.BadRange::range)
                .toList())) : Optional.empty(),
        manifest.driveIdentity().stream().flatMap(transcript -> transcript.file().stream()).toList());
  }

  /** The algorithms of the recorded whole-image digests. */
  List<HashAlgorithm> algorithms() {
    return digests.stream().map(Digest::algorithm).toList();
  }

  /**
   * How many piece digests the manifest should hold for its image: every piece of a completed
   * acquisition (the last one short), only whole pieces of an interrupted one.
   */
  long expectedPieceCount() {
    long size = imageSize();
    long whole = size / pieces.size();
    return completed && size % pieces.size() != 0 ? whole + 1 : whole;
  }

  /**
   * How to cut the image into pieces when re-hashing it: as recorded, or not at all when the
   * manifest's piece digests do not fit its image (computing pieces a damaged or hostile manifest
   * asks for could take any amount of memory; the mismatch is reported instead).
   */
  Rehash.PieceSpec piecesToCompute() {
    return pieceDigests.size() == expectedPieceCount() ? pieces : null;
  }

  /**
   * The image's recorded size: the sum of its files ({@link #from} refuses sums that overflow); of
   * an E01 set, the media it holds (nothing, for a set not finished).
   */
  long imageSize() {
    if (e01.isPresent()) {
      return e01.get().content().map(Manifest.E01Content::mediaSizeBytes).orElse(0L);
    }
    return files.stream().mapToLong(ImageFile::sizeBytes).sum();
  }

  /** What a byte range of an E01 set's media is named by: the media, not one segment, for it lies in chunks of any of them. */
  static final String E01_MEDIA = "E01 media";

  /**
   * The files the image's bytes lie in, for naming where a byte is: the raw files; for an E01 set,
   * its media as one run named by its first segment (its chunks name their segment themselves).
   */
  List<ImageFile> mediaFiles() {
    return e01.isEmpty() || files.isEmpty() ? files : List.of(new ImageFile(E01_MEDIA, imageSize()));
  }
}
