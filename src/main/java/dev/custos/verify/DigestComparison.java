package dev.custos.verify;

import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import java.util.List;
import java.util.Objects;

/**
 * A digest as recorded and as computed now.
 *
 * @param algorithm the algorithm
 * @param recorded lowercase hex as recorded (or as given for an image Custos did not acquire)
 * @param computed lowercase hex as computed now
 */
public record DigestComparison(HashAlgorithm algorithm, String recorded, String computed) {
  public DigestComparison {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(recorded, "recorded");
    Objects.requireNonNull(computed, "computed");
  }

  public boolean matches() {
    return recorded.equals(computed);
  }

  /**
   * Each digest of {@code recorded} beside the one of its algorithm in {@code computed}.
   *
   * @throws java.util.NoSuchElementException if {@code computed} lacks an algorithm: a defect
   */
  static List<DigestComparison> of(List<Digest> recorded, List<Digest> computed) {
    return recorded.stream().map(digest -> new DigestComparison(digest.algorithm(), digest.hex(),
        computed.stream().filter(now -> now.algorithm() == digest.algorithm()).findFirst().orElseThrow().hex())).toList();
  }
}
