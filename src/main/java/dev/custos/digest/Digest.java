package dev.custos.digest;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A digest value: an algorithm and its bytes. Immutable: the bytes are copied in and out.
 * Compares in constant time and prints as lowercase hex, as {@code md5sum} and friends do.
 */
public final class Digest {
  private static final HexFormat HEX = HexFormat.of();

  private final HashAlgorithm algorithm;
  private final byte[] bytes;

  private Digest(HashAlgorithm algorithm, byte[] bytes) {
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    if (bytes.length != algorithm.digestLength()) {
      throw new IllegalArgumentException(
          algorithm.displayName() + " digest must be " + algorithm.digestLength()
              + " bytes, got " + bytes.length);
    }
    this.bytes = bytes.clone();
  }

  /**
   * A digest of {@code algorithm} with a copy of {@code bytes}.
   *
   * @throws IllegalArgumentException if the length does not fit the algorithm
   */
  public static Digest of(HashAlgorithm algorithm, byte[] bytes) {
    return new Digest(algorithm, bytes);
  }

  /** The digest of {@code algorithm} over all of {@code data}, for small things held in memory (a certificate, a report, a log line). */
  public static Digest compute(HashAlgorithm algorithm, byte[] data) {
    return new Digest(algorithm, algorithm.newMessageDigest().digest(data));
  }

  /**
   * Parses lowercase or uppercase hex.
   *
   * @throws IllegalArgumentException naming the value when it is not hex of the right length
   */
  public static Digest fromHex(HashAlgorithm algorithm, String hex) {
    if (hex.length() != algorithm.digestLength() * 2) {
      throw new IllegalArgumentException(
          algorithm.displayName() + " digest must be " + algorithm.digestLength() * 2
              + " hex digits, got '" + hex + "'");
    }
    try {
      return new Digest(algorithm, HEX.parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          algorithm.displayName() + " digest is not hex: '" + hex + "'", e);
    }
  }

  public HashAlgorithm algorithm() {
    return algorithm;
  }

  /** A copy of the digest bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Lowercase hex, as {@code md5sum} prints it. */
  public String hex() {
    return HEX.formatHex(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Digest that
        && algorithm == that.algorithm
        && MessageDigest.isEqual(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm.hashCode() + java.util.Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return algorithm.id() + ":" + hex();
  }
}
