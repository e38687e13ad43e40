package dev.custos.digest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * How piece digests are computed. Pieces locate damage; the whole-image digests prove integrity.
 * CRC-32C (the default) costs almost nothing on the hot path (hardware CRC instructions, about
 * 50 GB/s here) and catches any burst error of up to 32 bits and all but 1 in 2^32 other changes,
 * as EWF's per-chunk Adler-32 does for the same purpose; SHA-256 pieces are cryptographic but cost
 * a second SHA-256 over every byte.
 */
public enum PieceAlgorithm {
  CRC32C("crc32c"),
  SHA_256("sha256");

  private static final HexFormat HEX = HexFormat.of();

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

  /** A fresh running hash of this algorithm. */
  public Running newRunning() {
    return this == CRC32C ? new Crc() : new Sha256();
  }

  /** A running piece hash; {@link #finishHex()} returns lowercase hex and resets. */
  public interface Running {
    void update(byte[] data, int offset, int length);

    String finishHex();
  }

  private static final class Crc implements Running {
    private final CRC32C crc = new CRC32C();

    @Override
    public void update(byte[] data, int offset, int length) {
      crc.update(data, offset, length);
    }

    @Override
    public String finishHex() {
      // Big-endian, as the value is usually printed (e.g. 0xe3069283 for "123456789").
      byte[] value = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt((int) crc.getValue()).array();
      crc.reset();
      return HEX.formatHex(value);
    }
  }

  private static final class Sha256 implements Running {
    private final MessageDigest digest = HashAlgorithm.SHA_256.newMessageDigest();

    @Override
    public void update(byte[] data, int offset, int length) {
      digest.update(data, offset, length);
    }

    @Override
    public String finishHex() {
      return HEX.formatHex(digest.digest());
    }
  }
}
