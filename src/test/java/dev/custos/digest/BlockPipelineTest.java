package dev.custos.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.custos.testing.TestBytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BlockPipelineTest {
  /** No test here may take longer: a pipeline that deadlocks fails instead of hanging the build. */
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @Test
  void constructor_noConsumer_rejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BlockPipeline(List.of(), 4096, 2))
        .withMessageContaining("at least one consumer");
  }

  @ParameterizedTest(name = "block size {0}, pool size {1}")
  @CsvSource({"0, 2", "-1, 2", "4096, 0", "4096, -3"})
  void constructor_nonPositiveSize_rejectedNamingBothSizes(int blockSize, int poolSize) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BlockPipeline(List.of(new RecordingConsumer("r")), blockSize, poolSize))
        .withMessageContaining(blockSize + " and " + poolSize);
  }

  @ParameterizedTest(name = "pool of {0}")
  @ValueSource(ints = {1, 2, 3})
  void publish_manyBlocks_reachEveryConsumerInOrderWithoutGaps(int pool) {
    byte[] source = TestBytes.random((1 << 20) + 23, 42);
    List<RecordingConsumer> consumers = List.of(
        new RecordingConsumer("first"), new SlowConsumer("slow"), new RecordingConsumer("third"));

    assertTimeoutPreemptively(DEADLINE,
        () -> PipelineFeeder.feed(source, new BlockPipeline(consumers, TestBytes.BLOCK, pool)));

    List<Long> expectedOffsets = new ArrayList<>();
    for (long offset = 0; offset < source.length; offset += TestBytes.BLOCK) {
      expectedOffsets.add(offset);
    }
    for (RecordingConsumer consumer : consumers) {
      assertThat(consumer.offsets).as("offsets seen by %s", consumer.name).isEqualTo(expectedOffsets);
      assertThat(consumer.bytes.toByteArray()).as("bytes seen by %s", consumer.name).isEqualTo(source);
      assertThat(consumer.finished).as("%s finished", consumer.name).isTrue();
    }
  }

  @ParameterizedTest(name = "pool of {0}")
  @ValueSource(ints = {1, 2, 3, 5})
  void nextFreeBlock_slowConsumer_neverMoreThanPoolSizeBlocksOutstanding(int pool) {
    int blocks = 300;
    List<CountingConsumer> consumers = List.of(
        new CountingConsumer("fast", 0), new CountingConsumer("slow", 200_000));
    Set<Block> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    int[] mostAhead = {0};

    assertTimeoutPreemptively(DEADLINE, () -> {
      BlockPipeline pipeline = new BlockPipeline(consumers, 512, pool);
      for (int obtained = 1; obtained <= blocks; obtained++) {
        Block block = pipeline.nextFreeBlock();
        int done = consumers.stream().mapToInt(c -> c.done.get()).min().orElseThrow();
        mostAhead[0] = Math.max(mostAhead[0], obtained - done);
        distinct.add(block);
        block.fill((obtained - 1) * 512L, 512);
        pipeline.publish(block);
      }
      pipeline.finish();
    });

    assertThat(mostAhead[0]).as("blocks handed to the reader but not yet through every consumer")
        .isLessThanOrEqualTo(pool)
        .as("the slow consumer holds the reader back once the pool is used up")
        .isEqualTo(pool);
    assertThat(distinct).as("distinct buffers").hasSizeLessThanOrEqualTo(pool);
    assertThat(consumers).allSatisfy(c -> assertThat(c.done.get()).isEqualTo(blocks));
  }

  @Test
  void finish_consumerThrowsOnThirdBlock_throwsPipelineFailureNamingThatConsumer() {
    FailingConsumer failing = new FailingConsumer("failing", 3);
    DigestConsumer healthy = new DigestConsumer(HashAlgorithm.MD5);

    PipelineFailure failure = assertTimeoutPreemptively(DEADLINE, () -> {
      BlockPipeline pipeline = new BlockPipeline(List.of(healthy, failing), 512, 2);
      publish(pipeline, 3);
      return catchThrowableOfType(PipelineFailure.class, pipeline::finish);
    });

    assertThat(failure).as("finish() must report the failure").isNotNull();
    assertThat(failure.consumer()).isEqualTo("failing");
    assertThat(failure).hasMessageContaining("failing").hasCauseInstanceOf(IOException.class);
    assertThat(failure.getCause()).hasMessage("no space left on block 3");
    assertThatIllegalStateException().as("a failed pipeline leaves no complete-looking digest")
        .isThrownBy(healthy::result);
  }

  @Test
  void finish_slowConsumerFailsOnLastBlock_noOtherConsumerFinishes() {
    FailingConsumer failing = new FailingConsumer("failing", 3, Duration.ofMillis(200));
    RecordingConsumer healthy = new RecordingConsumer("healthy");
    DigestConsumer digest = new DigestConsumer(HashAlgorithm.SHA_256);

    PipelineFailure failure = assertTimeoutPreemptively(DEADLINE, () -> {
      BlockPipeline pipeline = new BlockPipeline(List.of(healthy, digest, failing), 512, 2);
      publish(pipeline, 3);
      return catchThrowableOfType(PipelineFailure.class, pipeline::finish);
    });

    assertThat(failure).isNotNull();
    assertThat(failure.consumer()).isEqualTo("failing");
    assertThat(healthy.offsets).as("the healthy consumer saw every block").hasSize(3);
    assertThat(healthy.finished).as("finish() called although a consumer failed").isFalse();
    assertThatIllegalStateException().isThrownBy(digest::result);
  }

  @Test
  void nextFreeBlock_afterConsumerFailed_throwsPipelineFailureNamingThatConsumer() {
    FailingConsumer failing = new FailingConsumer("failing", 3);

    PipelineFailure failure = assertTimeoutPreemptively(DEADLINE, () -> {
      // One buffer: the reader gets it back only after the failing consumer has released it, which
      // it does after its failure is recorded. So of these two calls, one must throw.
      BlockPipeline pipeline = new BlockPipeline(List.of(new RecordingConsumer("healthy"), failing), 512, 1);
      publish(pipeline, 3);
      PipelineFailure thrown = catchThrowableOfType(PipelineFailure.class, () -> {
        pipeline.nextFreeBlock();
        pipeline.nextFreeBlock();
      });
      pipeline.close();
      return thrown;
    });

    assertThat(failure).as("nextFreeBlock() must report the failure").isNotNull();
    assertThat(failure.consumer()).isEqualTo("failing");
  }

  @Test
  void publish_afterConsumerFailed_throwsPipelineFailureNamingThatConsumer() {
    FailingConsumer failing = new FailingConsumer("failing", 3);

    PipelineFailure failure = assertTimeoutPreemptively(DEADLINE, () -> {
      BlockPipeline pipeline = new BlockPipeline(List.of(new RecordingConsumer("healthy"), failing), 512, 4);
      Block taken = pipeline.nextFreeBlock();
      publish(pipeline, 3);
      assertThat(failing.threw.await(10, TimeUnit.SECONDS)).isTrue();
      awaitParkedInTake(failing.thread);
      taken.fill(3 * 512L, 512);
      PipelineFailure thrown = catchThrowableOfType(PipelineFailure.class, () -> pipeline.publish(taken));
      pipeline.close();
      return thrown;
    });

    assertThat(failure).as("publish() must report the failure").isNotNull();
    assertThat(failure.consumer()).isEqualTo("failing");
  }

  @ParameterizedTest(name = "pool of {0}, failing on block {1}")
  @CsvSource({"1, 1", "1, 3", "2, 3", "3, 3", "3, 500", "2, 1000"})
  void readerLoop_consumerFailsMidStream_readerGetsFailureAndNothingDeadlocks(int pool, int failOn) {
    FailingConsumer failing = new FailingConsumer("failing", failOn);
    List<BlockConsumer> consumers = List.of(new DigestConsumer(HashAlgorithm.SHA_256), failing, new SlowConsumer("slow"));

    PipelineFailure failure = assertTimeoutPreemptively(DEADLINE, () -> {
      try (BlockPipeline pipeline = new BlockPipeline(consumers, 512, pool)) {
        publish(pipeline, 1000);
        pipeline.finish();
        return null;
      } catch (PipelineFailure e) {
        return e;
      }
    });

    assertThat(failure).as("the reader must learn of the failure").isNotNull();
    assertThat(failure.consumer()).isEqualTo("failing");
    assertThat(failure.getCause()).hasMessage("no space left on block " + failOn);
  }

  @Test
  void finish_consumerFinishThrows_throwsPipelineFailureNamingThatConsumer() {
    BlockConsumer failsToFinish = new RecordingConsumer("sealer") {
      @Override
      public void finish() throws IOException {
        throw new IOException("cannot seal");
      }
    };

    PipelineFailure failure = assertTimeoutPreemptively(DEADLINE, () -> {
      BlockPipeline pipeline = new BlockPipeline(List.of(new RecordingConsumer("healthy"), failsToFinish), 512, 2);
      publish(pipeline, 5);
      return catchThrowableOfType(PipelineFailure.class, pipeline::finish);
    });

    assertThat(failure).isNotNull();
    assertThat(failure.consumer()).isEqualTo("sealer");
    assertThat(failure).hasMessage("sealer: cannot seal");
  }

  @Test
  void close_midStream_consumersStopWithoutFinishing() {
    RecordingConsumer consumer = new RecordingConsumer("r");
    DigestConsumer digest = new DigestConsumer(HashAlgorithm.SHA_1);

    assertTimeoutPreemptively(DEADLINE, () -> {
      BlockPipeline pipeline = new BlockPipeline(List.of(consumer, digest), 512, 2);
      publish(pipeline, 7);
      pipeline.close();
    });

    assertThat(consumer.finished).isFalse();
    assertThatIllegalStateException().isThrownBy(digest::result);
  }

  @Test
  void close_midStream_consumersStillTakeEveryBlockHandedToThem() {
    // 20 ms a block: the close comes while most of the handed blocks are still queued.
    CountingConsumer slow = new CountingConsumer("slow", 20_000_000L);

    assertTimeoutPreemptively(DEADLINE, () -> {
      BlockPipeline pipeline = new BlockPipeline(List.of(slow), 512, 4);
      publish(pipeline, 4);
      pipeline.close();
    });

    assertThat(slow.done).as("the blocks published before the close, each taken").hasValue(4);
  }

  @Test
  void close_afterFinish_keepsTheResults() {
    DigestConsumer digest = new DigestConsumer(HashAlgorithm.MD5);

    assertTimeoutPreemptively(DEADLINE, () -> {
      try (BlockPipeline pipeline = new BlockPipeline(List.of(digest), 512, 2)) {
        PipelineFeeder.feed(new byte[0], pipeline);
      }
    });

    assertThat(digest.result().hex()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
  }

  /** Publishes {@code count} blocks of 512 bytes (values from the block number). */
  private static void publish(BlockPipeline pipeline, int count) throws PipelineFailure, InterruptedException {
    for (int i = 0; i < count; i++) {
      Block block = pipeline.nextFreeBlock();
      Arrays.fill(block.data(), 0, 512, (byte) i);
      block.fill(i * 512L, 512);
      pipeline.publish(block);
    }
  }

  /**
   * Waits until {@code thread}, a consumer thread, waits for its next block again: by then the
   * failure it threw has been recorded, as the worker records it before taking the next block.
   */
  private static void awaitParkedInTake(Thread thread) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (thread.getState() == Thread.State.WAITING
          && Arrays.stream(thread.getStackTrace()).anyMatch(frame -> frame.getMethodName().equals("take"))) {
        return;
      }
      Thread.sleep(1);
    }
    throw new AssertionError(thread.getName() + " did not go back to waiting for blocks");
  }

  /** Keeps what it sees: offsets and bytes, in arrival order. */
  private static class RecordingConsumer implements BlockConsumer {
    final String name;
    final List<Long> offsets = new ArrayList<>();
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    volatile boolean finished;

    RecordingConsumer(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void accept(Block block) throws IOException {
      offsets.add(block.offset());
      bytes.write(block.data(), 0, block.length());
    }

    @Override
    public void finish() throws IOException {
      finished = true;
    }
  }

  /** A recording consumer that lags, so the others and the reader run ahead of it. */
  private static final class SlowConsumer extends RecordingConsumer {
    SlowConsumer(String name) {
      super(name);
    }

    @Override
    public void accept(Block block) throws IOException {
      if (offsets.size() % 16 == 0) {
        LockSupport.parkNanos(100_000);
      }
      super.accept(block);
    }
  }

  /** Counts blocks it is done with, taking {@code delayNanos} over each. */
  private static final class CountingConsumer implements BlockConsumer {
    private final String name;
    private final long delayNanos;
    final AtomicInteger done = new AtomicInteger();

    CountingConsumer(String name, long delayNanos) {
      this.name = name;
      this.delayNanos = delayNanos;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void accept(Block block) {
      if (delayNanos > 0) {
        LockSupport.parkNanos(delayNanos);
      }
      done.incrementAndGet();
    }

    @Override
    public void finish() {}
  }

  /** Throws on block number {@code failOn} (from 1), as a full disk would. */
  private static final class FailingConsumer implements BlockConsumer {
    private final String name;
    private final int failOn;
    private final Duration delayBeforeFailing;
    private int seen;
    final CountDownLatch threw = new CountDownLatch(1);
    volatile Thread thread;

    FailingConsumer(String name, int failOn) {
      this(name, failOn, Duration.ZERO);
    }

    FailingConsumer(String name, int failOn, Duration delayBeforeFailing) {
      this.name = name;
      this.failOn = failOn;
      this.delayBeforeFailing = delayBeforeFailing;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void accept(Block block) throws IOException {
      thread = Thread.currentThread();
      if (++seen == failOn) {
        if (!delayBeforeFailing.isZero()) {
          LockSupport.parkNanos(delayBeforeFailing.toNanos());
        }
        threw.countDown();
        throw new IOException("no space left on block " + failOn);
      }
    }

    @Override
    public void finish() {}
  }
}
