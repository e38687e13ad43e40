package dev.custos.digest;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The digest of one piece: a {@link PieceAlgorithm} and its bytes (4 for CRC-32C, 32 for
 * SHA-256). A value of its own beside {@link Digest}, whose algorithms are the whole-image
 * {@link HashAlgorithm}s: CRC-32C is not one, and must never be offered as one. Immutable: the
 * bytes are copied in. Compares in constant time and prints as lowercase hex.
 */
public final class PieceDigest {
  private static final HexFormat HEX = HexFormat.of();

  private final PieceAlgorithm algorithm;
  private final byte[] bytes;

  private PieceDigest(PieceAlgorithm algorithm, byte[] bytes) {
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    if (bytes.length != length(algorithm)) {
      throw new IllegalArgumentException(algorithm.id() + " piece digest must be " + length(algorithm) + " bytes, got "
          + bytes.length);
    }
    this.bytes = bytes.clone();
  }

  /** The digest {@code bytes} (copied) of {@code algorithm}: for the running hashes, which compute it. */
  static PieceDigest of(PieceAlgorithm algorithm, byte[] bytes) {
    return new PieceDigest(algorithm, bytes);
  }

  /**
   * Parses lowercase or uppercase hex.
   *
   * @throws IllegalArgumentException naming the value when it is not hex of the algorithm's length
   */
  public static PieceDigest fromHex(PieceAlgorithm algorithm, String hex) {
    if (hex.length() != length(algorithm) * 2) {
      throw new IllegalArgumentException(algorithm.id() + " piece digest must be " + length(algorithm) * 2
          + " hex digits, got '" + hex + "'");
    }
    try {
      return new PieceDigest(algorithm, HEX.parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(algorithm.id() + " piece digest is not hex: '" + hex + "'", e);
    }
  }

  private static int length(PieceAlgorithm algorithm) {
    return algorithm == PieceAlgorithm.CRC32C ? 4 : 32;
  }

  /**
   * Refuses a list that holds a digest of another algorithm than {@code algorithm}.
   *
   * @throws IllegalArgumentException naming the first such digest and its place
   */
  public static void requireAll(PieceAlgorithm algorithm, List<PieceDigest> digests) {
    for (int i = 0; i < digests.size(); i++) {
      if (digests.get(i).algorithm() != algorithm) {
        throw new IllegalArgumentException("piece " + i + " has the digest " + digests.get(i) + ", not one of " + algorithm.id());
      }
    }
  }

  public PieceAlgorithm algorithm() {
    return algorithm;
  }

  /** Lowercase hex, as the manifest and the progress record hold it. */
  public String hex() {
    return HEX.formatHex(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PieceDigest that && algorithm == that.algorithm && MessageDigest.isEqual(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm.hashCode() + Arrays.hashCode(bytes);
  }

  /** {@code algorithm:hex}, as {@link Digest#toString()}. */
  @Override
  public String toString() {
    return algorithm.id() + ":" + hex();
  }
}
