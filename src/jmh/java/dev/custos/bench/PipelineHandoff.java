package dev.custos.bench;

import dev.custos.digest.Block;
import dev.custos.digest.BlockConsumer;
import dev.custos.digest.BlockPipeline;
import dev.custos.digest.DigestConsumer;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.PipelineFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The real {@link BlockPipeline}, with the benchmark thread as its reader: each operation takes a
 * free block, marks it full and publishes it, so the rate is that of the slowest consumer, the
 * pool's back-pressure included. The reader reads nothing: with consumers that do nothing this is
 * the cost of the hand-off alone; with MD5 and SHA-256 it is what the digests leave of it.
 *
 * <p>The pipeline is made before and finished after each iteration, outside the measurement; at
 * most {@code poolSize} blocks published in an iteration are still being digested when it ends,
 * a small error against the thousands of blocks of an iteration.
 *
 * <p>Two figures: the primary one is blocks per microsecond (its inverse is the time per block);
 * {@code :bytes} is the bytes per microsecond, which is MB/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms64m", "-Xmx192m"})
public class PipelineHandoff {

  /** The pipeline of one iteration. */
  @State(Scope.Thread)
  public static class Pipeline {
    @Param({"262144", "1048576", "4194304"})
    public int blockSize;

    @Param({"4", "16"})
    public int poolSize;

    /** {@code noop-N}: N consumers that return at once; {@code md5+sha256}: the default digests. */
    @Param({"noop-1", "noop-2", "noop-4", "md5+sha256"})
    public String consumers;

    BlockPipeline pipeline;

    @Setup(Level.Iteration)
    public void start() {
      pipeline = new BlockPipeline(consumers(consumers), blockSize, poolSize);
    }

    @TearDown(Level.Iteration)
    public void finish() throws PipelineFailure, InterruptedException {
      pipeline.finish();
    }

    private static List<BlockConsumer> consumers(String name) {
      List<BlockConsumer> list = new ArrayList<>();
      if (name.equals("md5+sha256")) {
        list.add(new DigestConsumer(HashAlgorithm.MD5));
        list.add(new DigestConsumer(HashAlgorithm.SHA_256));
      } else if (name.startsWith("noop-")) {
        int count = Integer.parseInt(name.substring("noop-".length()));
        for (int i = 0; i < count; i++) {
          list.add(new Noop(i));
        }
      } else {
        throw new IllegalArgumentException("unknown consumers '" + name + "' (expected noop-N or md5+sha256)");
      }
      return list;
    }
  }

  /** Bytes handed over, reported per microsecond: MB/s. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Bytes {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  /** Publishes one full block. */
  @Benchmark
  public void publishBlock(Pipeline state, Bytes counter) throws PipelineFailure, InterruptedException {
    Block block = state.pipeline.nextFreeBlock();
    block.fill(counter.bytes, block.capacity());
    state.pipeline.publish(block);
    counter.bytes += block.capacity();
  }

  private static final class Noop implements BlockConsumer {
    private final String name;

    Noop(int index) {
      this.name = "noop-" + index;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void accept(Block block) {
      // The hand-off alone.
    }

    @Override
    public void finish() {
      // Nothing to complete.
    }
  }
}
