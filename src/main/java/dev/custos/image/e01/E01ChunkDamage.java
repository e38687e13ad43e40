package dev.custos.image.e01;

/**
 * A chunk whose bytes cannot be trusted, named exactly.
 *
 * @param chunkIndex chunk number, from 0
 * @param firstByte the media offset of its first byte
 * @param byteCount its media bytes
 * @param firstLba its first sector
 * @param sectorCount its sectors
 * @param segmentFile the segment file holding it
 * @param fileOffset where its stored bytes begin in that file
 * @param reason what is wrong, e.g. {@code "Adler-32 mismatch: stored 0x…, computed 0x…"}
 */
public record E01ChunkDamage(long chunkIndex, long firstByte, long byteCount, long firstLba, long sectorCount,
    String segmentFile, long fileOffset, String reason) {}
