package dev.custos.digest;

import java.security.MessageDigest;

/**
 * The running digest of the whole stream in one algorithm. Hashes exactly the bytes of each block,
 * {@code [0, length)}, never the buffer's capacity.
 *
 * <p>Threading: fed by its pipeline thread; {@link #result()} may be called by any thread once
 * {@link BlockPipeline#finish()} has returned.
 */
public final class DigestConsumer implements BlockConsumer {
  private final HashAlgorithm algorithm;
  private final MessageDigest running;
  private volatile Digest result;

  /** A digest of {@code algorithm}, from the first byte. */
  public DigestConsumer(HashAlgorithm algorithm) {
    this.algorithm = algorithm;
    this.running = algorithm.newMessageDigest();
  }

  @Override
  public String name() {
    return algorithm.id();
  }

  public HashAlgorithm algorithm() {
    return algorithm;
  }

  @Override
  public void accept(Block block) {
    running.update(block.data(), 0, block.length());
  }

  @Override
  public void finish() {
    result = Digest.of(algorithm, running.digest());
  }

  /**
   * The digest of every byte accepted.
   *
   * @throws IllegalStateException if the pipeline has not finished successfully
   */
  public Digest result() {
    Digest digest = result;
    if (digest == null) {
      throw new IllegalStateException(algorithm.id() + " digest is not complete");
    }
    return digest;
  }
}
