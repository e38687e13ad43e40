package dev.custos.image.e01;

/**
 * Where a chunk's stored bytes are, as its table entry says.
 *
 * @param segment index of the segment file in the set, from 0
 * @param fileOffset where its stored bytes start
 * @param storedSize how many stored bytes (up to the next entry, or the sectors section's end)
 * @param compressed whether the entry's bit 31 says zlib
 * @param problem why the entry cannot be trusted, or empty
 */
record ChunkLocation(int segment, long fileOffset, long storedSize, boolean compressed, String problem) {}
