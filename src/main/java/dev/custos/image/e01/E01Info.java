package dev.custos.image.e01;

import dev.custos.image.ImageFile;
import dev.custos.source.SectorRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a set of E01 segment files says about itself.
 *
 * @param mediaBytes media size (sectors × bytes per sector)
 * @param bytesPerSector bytes per sector
 * @param sectorCount number of sectors
 * @param sectorsPerChunk sectors per chunk
 * @param chunkCount number of chunks
 * @param segments the segment files, in order
 * @param caseFields header2 (or header) identifiers to values as stored, e.g. {@code "c"} to the
 *     case number; insertion-ordered
 * @param acquiryDate the acquiry date ({@code m}) as stored
 * @param storedMd5 MD5 from the hash or digest section
 * @param storedSha1 SHA-1 from the digest section
 * @param errors the error2 section's runs
 * @param guid the volume's set identifier
 * @param structureProblems problems in the structure, each naming file and offset; empty when clean
 */
public record E01Info(long mediaBytes, int bytesPerSector, long sectorCount, int sectorsPerChunk, long chunkCount,
    List<ImageFile> segments, Map<String, String> caseFields, Optional<String> acquiryDate,
    Optional<byte[]> storedMd5, Optional<byte[]> storedSha1, List<SectorRange> errors, Optional<UUID> guid,
    List<String> structureProblems) {
  /** Keeps unmodifiable copies and private copies of the digests. */
  public E01Info {
    segments = List.copyOf(segments);
    caseFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(caseFields));
    storedMd5 = storedMd5.map(byte[]::clone);
    storedSha1 = storedSha1.map(byte[]::clone);
    errors = List.copyOf(errors);
    structureProblems = List.copyOf(structureProblems);
  }

  /** A copy of the stored MD5. */
  @Override
  public Optional<byte[]> storedMd5() {
    return storedMd5.map(byte[]::clone);
  }

  /** A copy of the stored SHA-1. */
  @Override
  public Optional<byte[]> storedSha1() {
    return storedSha1.map(byte[]::clone);
  }
}
