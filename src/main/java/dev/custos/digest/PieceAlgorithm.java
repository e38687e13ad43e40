package dev.custos.digest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * How piece digests are computed. Pieces say where the image differs; the whole-image digests
 * decide whether it does.
 *
 * <p>SHA-256 (the default) is cryptographic: a piece that re-hashes to its recorded SHA-256 holds
 * the bytes recorded, so an interrupted acquisition may keep it without reading it again. It costs
 * a second SHA-256 over every byte, on a thread of its own in the block pipeline.
 *
 * <p>CRC-32C costs almost nothing (hardware CRC instructions) and catches accidental damage (any
 * burst of up to 32 bits, all but 1 in 2^32 other accidents), but it proves nothing: it is linear,
 * so anyone can give a changed piece its old CRC with four more bytes, and two ext4 metadata blocks
 * that each carry their own CRC-32C differ by a CRC codeword, leaving the piece's CRC unchanged.
 * CRC pieces only locate accidental damage ({@link #proves()} is false).
 */
public enum PieceAlgorithm {
  CRC32C("crc32c"),
  SHA_256("sha256");

  private final String id;

  PieceAlgorithm(String id) {
    this.id = id;
  }

  /** The name in the manifest and on the command line. */
  public String id() {
    return id;
  }

  /**
   * The algorithm named {@code name}.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static PieceAlgorithm byName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT).replace("-", "");
    for (PieceAlgorithm algorithm : values()) {
      if (algorithm.id.equals(wanted)) {
        return algorithm;
      }
    }
    throw new IllegalArgumentException("unknown piece algorithm '" + name + "' (expected crc32c or sha256)");
  }

  /**
   * Whether a piece that has its recorded digest holds the recorded bytes against an adversary,
   * not only against an accident: true for SHA-256, false for CRC-32C.
   */
  public boolean proves() {
    return this == SHA_256;
  }

  /** A fresh running hash of this algorithm. */
  public Running newRunning() {
    return this == CRC32C ? new Crc() : new Sha256();
  }

  /** A running piece hash; {@link #finish()} returns the digest and resets. */
  public interface Running {
    void update(byte[] data, int offset, int length);

    PieceDigest finish();
  }

  private static final class Crc implements Running {
    private final CRC32C crc = new CRC32C();

    @Override
    public void update(byte[] data, int offset, int length) {
      crc.update(data, offset, length);
    }

    @Override
    public PieceDigest finish() {
      // Big-endian, as the value is usually printed (e.g. 0xe3069283 for "123456789").
      byte[] value = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt((int) crc.getValue()).array();
      crc.reset();
      return PieceDigest.of(CRC32C, value);
    }
  }

  private static final class Sha256 implements Running {
    private final MessageDigest digest = HashAlgorithm.SHA_256.newMessageDigest();

    @Override
    public void update(byte[] data, int offset, int length) {
      digest.update(data, offset, length);
    }

    @Override
    public PieceDigest finish() {
      return PieceDigest.of(SHA_256, digest.digest());
    }
  }
}
