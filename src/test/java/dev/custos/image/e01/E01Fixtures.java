package dev.custos.image.e01;

import dev.custos.image.ImageFile;
import dev.custos.testing.TestBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Media and case fields the E01 tests write, and a helper that writes them. */
final class E01Fixtures {
  static final UUID GUID = UUID.fromString("2b6c8e1a-93f4-4d27-8a5e-0c1d2e3f4a5b");
  static final Instant WHEN = Instant.parse("2024-03-05T10:19:59Z");

  private E01Fixtures() {}

  static E01CaseFields fields() {
    return new E01CaseFields("CASE-2024-17", "EV-0042", "Dana Scully", "Seized laptop drive", "bagged and tagged",
        WHEN, WHEN, "Linux", "custos 1.0");
  }

  /**
   * {@code size} bytes mixing zeros, repeated text, one repeated non-zero byte and random bytes, so
   * every kind of chunk (empty, compressible, incompressible) appears.
   */
  static byte[] mixed(int size, long seed) {
    byte[] bytes = new byte[size];
    byte[] random = TestBytes.random(size, seed);
    byte[] text = "The quick brown fox jumps over the lazy dog. 0123456789\n".getBytes(StandardCharsets.US_ASCII);
    for (int region = 0; region * 65536 < size; region++) {
      int from = region * 65536;
      int to = Math.min(size, from + 65536);
      // Mostly random, so that even compressed media spans several 1 MiB segments.
      switch (region % 10) {
        case 0 -> { } // zeros
        case 1 -> {
          for (int i = from; i < to; i++) {
            bytes[i] = text[i % text.length];
          }
        }
        case 2 -> java.util.Arrays.fill(bytes, from, to, (byte) 0xa5);
        default -> System.arraycopy(random, from, bytes, from, to - from);
      }
    }
    return bytes;
  }

  static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return s.toString();
  }

  /** Writes {@code media} as an E01 in pieces of {@code piece} bytes and finishes it. */
  static E01Summary write(Path directory, byte[] media, int bytesPerSector, long segmentSize, E01Compression compression,
      int threads, List<dev.custos.source.SectorRange> unreadable) throws IOException {
    E01Settings settings = new E01Settings("image", segmentSize, compression, threads);
    E01Media geometry = new E01Media(media.length, bytesPerSector, true, 64, GUID);
    try (E01Writer writer = E01Writer.create(directory, settings, geometry, fields())) {
      int piece = 100_000; // not a multiple of the chunk: chunks are cut across writes
      for (int at = 0; at < media.length; at += piece) {
        writer.write(media, at, Math.min(piece, media.length - at));
      }
      return writer.finish(unreadable, digest("MD5", media), Optional.of(digest("SHA-1", media)));
    }
  }

  static Path first(Path directory) {
    return directory.resolve("image.E01");
  }

  static long totalSize(List<ImageFile> files) {
    return files.stream().mapToLong(ImageFile::sizeBytes).sum();
  }

  static Path rawFile(Path directory, byte[] media) throws IOException {
    return Files.write(directory.resolve("source.raw"), media);
  }
}
