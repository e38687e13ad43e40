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
    for (JsonNode file : manifest.path("image").path("files")) {
      files.add(new ImageFile(file.path("path").asText(), file.path("sizeBytes").longValue()));
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
    return new RecordedAcquisition(files, "split".equals(manifest.path("image").path("format").asText()),
        source.path("logicalSectorSize").intValue(), digests,
        new Rehash.PieceSpec(PieceAlgorithm.byName(pieces.path("algorithm").asText()), pieces.path("size").longValue()),
        pieceDigests, "completed".equals(outcome.path("status").asText()), outcome.path("bytesAcquired").longValue(),
        new RecordedSource(source.path("path").asText(), source.path("sizeBytes").longValue(),
            textOrNull(source.path("model")), textOrNull(source.path("serial"))));
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

  /**
   * The image's recorded size: the sum of its files.
   *
   * @throws ArithmeticException if the recorded sizes add up to more than a long holds
   */
  long imageSize() {
    return files.stream().mapToLong(ImageFile::sizeBytes).reduce(0, Math::addExact);
  }
}
