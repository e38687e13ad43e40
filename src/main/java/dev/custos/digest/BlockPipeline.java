package dev.custos.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands every block of a sequential read to several consumers running in parallel, from a
 * bounded pool of buffers, so memory stays the same whatever the size of the source.
 *
 * <p>Concurrency contract:
 *
 * <ul>
 *   <li>One thread, the reader, calls {@link #nextFreeBlock()}, fills the block, calls {@link
 *       #publish(Block)}, and at the end calls {@link #finish()} exactly once (or {@link
 *       #close()} to abandon). The reader blocks in {@code nextFreeBlock()} while every buffer is
 *       in use: that is the back-pressure that bounds memory.
 *   <li>Each consumer runs on its own platform thread and sees every block in order. A block goes
 *       back to the pool when the last consumer has returned from {@code accept}.
 *   <li>When a consumer throws, it stops consuming (it still releases the blocks it is handed),
 *       the others go on, and the reader's next {@code nextFreeBlock}, {@code publish} or {@code
 *       finish} throws {@link PipelineFailure} naming the first consumer that failed.
 *   <li>{@link BlockConsumer#finish()} is called only after every consumer has taken every block,
 *       and only if none of them failed.
 * </ul>
 */
public final class BlockPipeline implements AutoCloseable {
  private static final Block END = new Block(new byte[0], null);

  private final BlockingQueue<Block> freeBlocks;
  private final List<Worker> workers = new ArrayList<>();
  private final AtomicReference<PipelineFailure> firstFailure = new AtomicReference<>();
  private final CountDownLatch drained;
  private boolean ended;
  /** Set before the end is queued, so every worker sees it when it takes the end. */
  private volatile boolean abandoned;

  /**
   * Starts one thread per consumer.
   *
   * @param consumers every consumer, each sees every block
   * @param blockSize bytes per block; the reader fills at most this many
   * @param poolSize how many blocks exist at once; memory is {@code blockSize * poolSize}
   * @throws IllegalArgumentException if there is no consumer or a size is not positive
   */
  public BlockPipeline(List<? extends BlockConsumer> consumers, int blockSize, int poolSize) {
    if (consumers.isEmpty()) {
      throw new IllegalArgumentException("a pipeline needs at least one consumer");
    }
    if (blockSize <= 0 || poolSize <= 0) {
      throw new IllegalArgumentException(
          "block size and pool size must be positive, got " + blockSize + " and " + poolSize);
    }
    freeBlocks = new ArrayBlockingQueue<>(poolSize);
    for (int i = 0; i < poolSize; i++) {
      freeBlocks.add(new Block(new byte[blockSize], this));
    }
    drained = new CountDownLatch(consumers.size());
    for (BlockConsumer consumer : consumers) {
      workers.add(new Worker(consumer, poolSize + 1));
    }
    workers.forEach(worker -> worker.thread.start());
  }

  /**
   * A free block for the reader to fill; waits while all are in use.
   *
   * @throws PipelineFailure if a consumer has failed
   * @throws InterruptedException if the reader is interrupted while waiting
   */
  public Block nextFreeBlock() throws PipelineFailure, InterruptedException {
    throwIfFailed();
    return freeBlocks.take();
  }

  /**
   * Hands a filled block to every consumer.
   *
   * @throws PipelineFailure if a consumer has failed
   * @throws InterruptedException if interrupted while handing over
   */
  public void publish(Block block) throws PipelineFailure, InterruptedException {
    throwIfFailed();
    block.expectConsumers(workers.size());
    for (Worker worker : workers) {
      worker.queue.put(block);
    }
  }

  /**
   * Ends the stream: waits until every consumer has taken every block and finished.
   *
   * @throws PipelineFailure if any consumer failed, at any point
   * @throws InterruptedException if interrupted while waiting
   */
  public void finish() throws PipelineFailure, InterruptedException {
    endAndJoin();
    throwIfFailed();
  }

  /**
   * Abandons the stream: consumers take the blocks they were handed (a block read is written into
   * the image, so what an acquisition keeps is every block it read) and stop without finishing.
   */
  @Override
  public void close() {
    if (!ended) {
      // Consumers still running must not finish: their results would describe a partial stream.
      abandoned = true;
    }
    try {
      endAndJoin();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void endAndJoin() throws InterruptedException {
    if (!ended) {
      ended = true;
      for (Worker worker : workers) {
        worker.queue.put(END);
      }
    }
    for (Worker worker : workers) {
      worker.thread.join();
    }
  }

  private void throwIfFailed() throws PipelineFailure {
    PipelineFailure failure = firstFailure.get();
    if (failure != null) {
      throw failure;
    }
  }

  void recycle(Block block) {
    freeBlocks.add(block);
  }

  private final class Worker implements Runnable {
    private final BlockConsumer consumer;
    private final BlockingQueue<Block> queue;
    private final Thread thread;

    Worker(BlockConsumer consumer, int capacity) {
      this.consumer = consumer;
      this.queue = new ArrayBlockingQueue<>(capacity);
      this.thread = new Thread(this, "custos-" + consumer.name());
      this.thread.setDaemon(true);
    }

    @Override
    public void run() {
      boolean failed = false;
      try {
        try {
          for (Block block = queue.take(); block != END; block = queue.take()) {
            try {
              if (!failed && firstFailure.get() == null) {
                consumer.accept(block);
              }
            } catch (Exception | Error e) {
              failed = true;
              firstFailure.compareAndSet(null, new PipelineFailure(consumer.name(), e));
            } finally {
              block.release();
            }
          }
        } finally {
          drained.countDown();
        }
        // Finish only once every consumer has taken every block: one that failed on the last
        // block must stop the others finishing too.
        drained.await();
        if (!failed && firstFailure.get() == null && !abandoned) {
          consumer.finish();
        }
      } catch (InterruptedException e) {
        firstFailure.compareAndSet(null, new PipelineFailure(consumer.name(), e));
      } catch (Exception | Error e) {
        firstFailure.compareAndSet(null, new PipelineFailure(consumer.name(), e));
      }
    }
  }
}
