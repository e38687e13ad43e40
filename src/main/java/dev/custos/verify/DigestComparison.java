package dev.custos.verify;

import dev.custos.digest.HashAlgorithm;
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
}
