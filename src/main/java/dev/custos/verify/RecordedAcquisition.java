package dev.custos.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.image.ImageFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 */
record RecordedAcquisition(List<ImageFile> files, boolean split, int sectorSize, List<Digest> digests,
    Rehash.PieceSpec pieces, List<String> pieceDigests, boolean completed, long bytesAcquired, RecordedSource source) {

  RecordedAcquisition {
    files = List.copyOf(files);
    digests = List.copyOf(digests);
    pieceDigests = List.copyOf(pieceDigests);
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
   * Reads the facts of a schema-valid manifest.
   *
   * @throws IllegalArgumentException if a value the schema allows is still unusable (a digest of the
   *     wrong length, a size past what a file can hold); the message says which
   */
  static RecordedAcquisition from(JsonNode manifest) {
    List<ImageFile> files = new ArrayList<>();
    long total = 0;
    for (JsonNode file : manifest.path("image").path("files")) {
      ImageFile imageFile = new ImageFile(file.path("path").asText(), count(file.path("sizeBytes"), "an image file's size", 0));
      files.add(imageFile);
      if (imageFile.sizeBytes() > Long.MAX_VALUE - total) {
        throw new IllegalArgumentException("the image files' sizes add up to more bytes than a file can hold");
      }
      total += imageFile.sizeBytes();
    }
    List<Digest> digests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : manifest.path("digests").properties()) {
      digests.add(Digest.fromHex(HashAlgorithm.byName(entry.getKey()), entry.getValue().asText()));
    }
    JsonNode pieces = manifest.path("pieces");
    List<String> pieceDigests = new ArrayList<>();
    pieces.path("digests").forEach(digest -> pieceDigests.add(digest.asText()));
    JsonNode source = manifest.path("source");
    JsonNode outcome = manifest.path("outcome");
    long sectorSize = count(source.path("logicalSectorSize"), "the sector size", 1);
    if (sectorSize > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the sector size " + sectorSize + " is not one a drive has");
    }
    return new RecordedAcquisition(files, "split".equals(manifest.path("image").path("format").asText()), (int) sectorSize,
        digests,
        new Rehash.PieceSpec(PieceAlgorithm.byName(pieces.path("algorithm").asText()), count(pieces.path("size"), "the piece size", 1)),
        pieceDigests, "completed".equals(outcome.path("status").asText()), count(outcome.path("bytesAcquired"), "the bytes acquired", 0),
        new RecordedSource(source.path("path").asText(), count(source.path("sizeBytes"), "the source's size", 0),
            textOrNull(source.path("model")), textOrNull(source.path("serial"))));
  }

  /**
   * An integer the manifest records, exactly: JSON allows integers no long holds, and reading
   * only their low bits would check the image against a number nobody wrote.
   */
  private static long count(JsonNode node, String what, long minimum) {
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < minimum) {
      throw new IllegalArgumentException(what + " is " + node + ", not an integer from " + minimum + " to " + Long.MAX_VALUE);
    }
    return node.longValue();
  }

  private static String textOrNull(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
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

  /** The image's recorded size: the sum of its files ({@link #from} refuses sums that overflow). */
  long imageSize() {
    return files.stream().mapToLong(ImageFile::sizeBytes).sum();
  }
}
