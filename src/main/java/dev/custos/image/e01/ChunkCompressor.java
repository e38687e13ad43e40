package dev.custos.image.e01;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Packs chunks on a number of threads and hands them back in chunk order.
 *
 * <p>Threading: {@link #submit}, {@link #drain} and {@link #close} are called by one thread, the
 * owner, which also receives every packed chunk (so the file is written by one thread, in order).
 * With one thread, chunks are packed on the owner's thread. At most {@code 2 × threads + 2} chunks
 * are in flight: {@link #submit} blocks on the oldest when the compressors are behind, which bounds
 * memory to a few chunks per thread. zlib's output depends only on its input and level, so the bytes
 * are the same whatever the thread count.
 */
final class ChunkCompressor implements AutoCloseable {
  /** Receives packed chunks in order. */
  interface Sink {
    void accept(PackedChunk chunk) throws IOException;
  }

  private final ExecutorService pool;
  private final BlockingQueue<ChunkPacker> packers;
  private final ChunkPacker inline;
  private final ArrayDeque<Future<PackedChunk>> inFlight = new ArrayDeque<>();
  private final int maxInFlight;

  ChunkCompressor(E01Compression compression, int threads) {
    if (threads == 1) {
      this.pool = null;
      this.packers = null;
      this.inline = new ChunkPacker(compression);
      this.maxInFlight = 0;
      return;
    }
    this.inline = null;
    this.packers = new ArrayBlockingQueue<>(threads);
    for (int i = 0; i < threads; i++) {
      packers.add(new ChunkPacker(compression));
    }
    AtomicInteger number = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "e01-compress-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.maxInFlight = 2 * threads + 2;
  }

  /**
   * Packs {@code data[0, length)} as chunk {@code index} (the array is handed over: not touched by
   * the caller afterwards), and passes every chunk done by then, in order, to {@code sink}.
   *
   * @throws IOException if packing failed or {@code sink} threw
   */
  void submit(long index, byte[] data, int length, Sink sink) throws IOException {
    if (inline != null) {
      sink.accept(inline.pack(index, data, length));
      return;
    }
    while (inFlight.size() >= maxInFlight) {
      sink.accept(await(inFlight.removeFirst()));
    }
    inFlight.addLast(pool.submit(() -> {
      ChunkPacker packer = packers.take();
      try {
        return packer.pack(index, data, length);
      } finally {
        packers.add(packer);
      }
    }));
    while (!inFlight.isEmpty() && inFlight.peekFirst().isDone()) {
      sink.accept(await(inFlight.removeFirst()));
    }
  }

  /** Waits for every chunk in flight and passes them, in order, to {@code sink}. */
  void drain(Sink sink) throws IOException {
    while (!inFlight.isEmpty()) {
      sink.accept(await(inFlight.removeFirst()));
    }
  }

  private static PackedChunk await(Future<PackedChunk> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a chunk to be compressed");
    } catch (ExecutionException e) {
      throw new IOException("compressing a chunk failed: " + e.getCause(), e.getCause());
    }
  }

  /** Stops the threads (chunks in flight are dropped) and frees the deflaters. Idempotent. */
  @Override
  public void close() {
    if (inline != null) {
      inline.end();
      return;
    }
    inFlight.forEach(f -> f.cancel(true));
    inFlight.clear();
    pool.shutdownNow();
    try {
      pool.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ChunkPacker packer;
    while ((packer = packers.poll()) != null) {
      packer.end();
    }
  }
}
