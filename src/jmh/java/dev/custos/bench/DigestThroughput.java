package dev.custos.bench;

import dev.custos.digest.HashAlgorithm;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One core's digest rate over a 1 MiB block, from a heap {@code byte[]} (what the pipeline hands
 * its consumers) and from a direct {@link ByteBuffer} (what a read into direct memory would hand
 * them). Reported in MB/s: an operation is one byte.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms64m", "-Xmx192m"})
public class DigestThroughput {
  private static final int BLOCK_BYTES = 1 << 20;

  /** MD5, SHA-1, SHA-256, SHA-512 through {@link MessageDigest}; CRC32C through {@link CRC32C}. */
  @Param({"MD5", "SHA-1", "SHA-256", "SHA-512", "CRC32C"})
  public String algorithm;

  private MessageDigest digest;
  private Checksum checksum;
  private byte[] heap;
  private ByteBuffer direct;

  @Setup
  public void setUp() {
    heap = new byte[BLOCK_BYTES];
    new SplittableRandom(1).nextBytes(heap);
    direct = ByteBuffer.allocateDirect(BLOCK_BYTES);
    direct.put(heap).clear();
    if (algorithm.equals("CRC32C")) {
      checksum = new CRC32C();
    } else {
      digest = HashAlgorithm.byName(algorithm).newMessageDigest();
    }
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK_BYTES)
  public void heapArray() {
    if (digest != null) {
      digest.update(heap, 0, BLOCK_BYTES);
    } else {
      checksum.update(heap, 0, BLOCK_BYTES);
    }
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK_BYTES)
  public void directBuffer() {
    direct.clear();
    if (digest != null) {
      digest.update(direct);
    } else {
      checksum.update(direct);
    }
  }
}
