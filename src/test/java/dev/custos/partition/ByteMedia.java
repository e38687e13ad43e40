package dev.custos.partition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** A media held in memory, as tests make and damage it; {@code readable} bytes of it can be read. */
record ByteMedia(byte[] bytes, long readable) implements Media {
  static final Path FIXTURES = Path.of("test-fixtures/partitions");

  ByteMedia(byte[] bytes) {
    this(bytes, bytes.length);
  }

  /** The fixture image {@code name} ({@code gpt-512}), uncompressed. */
  static ByteMedia fixture(String name) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(FIXTURES.resolve(name + ".img.gz")))) {
      return new ByteMedia(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long size() {
    return bytes.length;
  }

  @Override
  public long readableBytes() {
    return readable;
  }

  @Override
  public void read(long position, byte[] into, int length) throws IOException {
    if (position < 0 || position + length > readable) {
      throw new IOException("read of " + length + " bytes at " + position + " past the readable " + readable);
    }
    System.arraycopy(bytes, (int) position, into, 0, length);
  }

  /** A copy with the byte at {@code position} flipped. */
  ByteMedia flipped(long position) {
    byte[] copy = bytes.clone();
    copy[(int) position] ^= (byte) 0xff;
    return new ByteMedia(copy);
  }

  /** A copy of the first {@code length} bytes. */
  ByteMedia truncated(int length) {
    return new ByteMedia(java.util.Arrays.copyOf(bytes, length));
  }

  /** The same bytes, of which only the first {@code head} can be read. */
  ByteMedia headOnly(long head) {
    return new ByteMedia(bytes, head);
  }
}
