package dev.custos.image.e01;

/**
 * One chunk as it goes into a sectors section: a zlib stream (which carries its own Adler-32), or
 * the media bytes followed by their Adler-32. Holds its array without copying; nobody changes it
 * once packed.
 *
 * @param index chunk number, from 0
 * @param bytes the stored bytes are {@code bytes[0, storedLength)}
 * @param storedLength bytes written to the file
 * @param mediaLength media bytes the chunk stands for
 * @param compressed whether {@code bytes} is a zlib stream
 */
record PackedChunk(long index, byte[] bytes, int storedLength, int mediaLength, boolean compressed) {}
