package dev.custos.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The digest algorithms an examiner can choose, by the names the manifest and the CLI use. */
public enum HashAlgorithm {
  MD5("md5", "MD5", 16),
  SHA_1("sha1", "SHA-1", 20),
  SHA_256("sha256", "SHA-256", 32),
  SHA_512("sha512", "SHA-512", 64);

  private final String id;
  private final String jcaName;
  private final int digestLength;

  HashAlgorithm(String id, String jcaName, int digestLength) {
    this.id = id;
    this.jcaName = jcaName;
    this.digestLength = digestLength;
  }

  /** The lowercase name used in the manifest and on the command line: {@code md5}, {@code sha256}. */
  public String id() {
    return id;
  }

  /** The name a person reads: {@code MD5}, {@code SHA-256}. */
  public String displayName() {
    return jcaName;
  }

  /** Length of a digest of this algorithm in bytes. */
  public int digestLength() {
    return digestLength;
  }

  /**
   * A new, unshared {@link MessageDigest} of this algorithm.
   *
   * @throws IllegalStateException if the JDK lacks it (every Java SE runtime must have all four)
   */
  public MessageDigest newMessageDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java runtime has no " + jcaName, e);
    }
  }

  /**
   * The algorithm named {@code name}: its id ({@code sha256}) or display name ({@code SHA-256}), any
   * case.
   *
   * @throws IllegalArgumentException naming the accepted values when {@code name} is none of them
   */
  public static HashAlgorithm byName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT).replace("-", "");
    for (HashAlgorithm algorithm : values()) {
      if (algorithm.id.equals(wanted)) {
        return algorithm;
      }
    }
    throw new IllegalArgumentException(
        "unknown hash algorithm '" + name + "' (expected one of " + idList() + ")");
  }

  /** The ids of all algorithms, comma separated, for messages. */
  public static String idList() {
    return Arrays.stream(values()).map(HashAlgorithm::id).collect(Collectors.joining(", "));
  }
}
