package dev.custos.image.e01;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads an E01 segment set: what it says about itself ({@link #info()}) and its media bytes, each
 * chunk checked ({@link #read}). A damaged chunk reads as zeros and is named in {@link #damage()}.
 *
 * <p>Threading: {@link #readAhead}, {@link #read}, {@link #damage} and {@link #close} are called
 * by one thread, the owner; {@link #info} from any. Chunks are read, checked and inflated ahead on
 * {@link #readAhead} threads (with one, on the owner's thread), at most {@code 2 × threads + 2}
 * chunks ahead. Files are only ever opened read-only.
 */
public final class E01Reader implements Closeable {
  private final SetScanner scan;
  private final E01Info info;
  private final int chunkSize;
  private final List<E01ChunkDamage> damage = new ArrayList<>();
  private final ArrayDeque<Future<ChunkDecoder.Decoded>> ahead = new ArrayDeque<>();
  private int threads = 1;
  private ExecutorService pool;
  private BlockingQueue<ChunkDecoder> decoders;
  private ChunkDecoder inline;
  private long nextToSubmit;
  private byte[] current = new byte[0];
  private int currentPosition;
  private long position;
  private boolean started;
  private boolean closed;

  private E01Reader(SetScanner scan) {
    this.scan = scan;
    this.chunkSize = scan.volume.sectorsPerChunk() * scan.volume.bytesPerSector();
    long mediaBytes = scan.volume.sectorCount() * scan.volume.bytesPerSector();
    long chunks = chunkSize <= 0 ? 0 : (mediaBytes + chunkSize - 1) / chunkSize;
    this.info = scan.info(chunks);
  }

  /**
   * Opens the set whose first segment is {@code firstSegment} ({@code .E01} or {@code .e01}); later
   * segments are found by name ({@code .E02} …, in the first one's case). Walks every section of
   * every segment, checks descriptor checksums, reads volume, headers, tables, error2, digest and
   * hash. Damage in a header or table is a {@linkplain E01Info#structureProblems() structure
   * problem}, not an exception, as long as the media can be located.
   *
   * @throws E01FormatException if a file is not an E01 this reader can read, its section chain
   *     cannot be followed, there is no volume, or a segment is missing
   * @throws IOException if a file cannot be read
   */
  public static E01Reader open(Path firstSegment) throws IOException {
    SetScanner scan = new SetScanner();
    try {
      scan.scan(firstSegment);
      int bytesPerSector = scan.volume.bytesPerSector();
      int sectorsPerChunk = scan.volume.sectorsPerChunk();
      if (bytesPerSector <= 0 || sectorsPerChunk <= 0 || (long) bytesPerSector * sectorsPerChunk > (64 << 20)) {
        throw new E01FormatException(firstSegment, 0, "the volume says " + sectorsPerChunk + " sectors of "
            + bytesPerSector + " bytes per chunk, which this reader does not read");
      }
      return new E01Reader(scan);
    } catch (IOException | RuntimeException e) {
      for (FileChannel channel : scan.channels) {
        channel.close();
      }
      throw e;
    }
  }

  /** What the set says about itself. */
  public E01Info info() {
    return info;
  }

  /**
   * Sets how many threads read and check chunks ahead; call before the first read. Default 1.
   *
   * @throws IllegalArgumentException if {@code threads} is below 1
   * @throws IllegalStateException after the first read
   */
  public void readAhead(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("read-ahead threads must be at least 1, got " + threads);
    }
    if (started) {
      throw new IllegalStateException("read-ahead is set before the first read");
    }
    this.threads = threads;
  }

  /**
   * Reads media bytes in order into {@code into[offset, offset + length)}.
   *
   * @return bytes read (at least 1 when {@code length > 0}), or -1 at the end of the media
   * @throws IOException if a segment file cannot be read
   * @throws IllegalStateException after {@link #close}
   */
  public int read(byte[] into, int offset, int length) throws IOException {
    java.util.Objects.checkFromIndexSize(offset, length, into.length);
    if (closed) {
      throw new IllegalStateException("the E01 reader is closed");
    }
    start();
    if (position >= info.mediaBytes()) {
      return -1;
    }
    int done = 0;
    while (done < length && position < info.mediaBytes()) {
      if (currentPosition == current.length) {
        nextChunk();
      }
      int take = Math.min(length - done, current.length - currentPosition);
      System.arraycopy(current, currentPosition, into, offset + done, take);
      currentPosition += take;
      done += take;
      position += take;
    }
    return done;
  }

  /** The damaged chunks found so far, in chunk order. */
  public List<E01ChunkDamage> damage() {
    return List.copyOf(damage);
  }

  /** Stops the read-ahead threads and closes the files. Idempotent. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (pool != null) {
      ahead.forEach(f -> f.cancel(true));
      pool.shutdownNow();
      try {
        pool.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      decoders.forEach(ChunkDecoder::end);
    }
    if (inline != null) {
      inline.end();
    }
    IOException failure = null;
    for (FileChannel channel : scan.channels) {
      try {
        channel.close();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void start() {
    if (started) {
      return;
    }
    started = true;
    if (threads == 1) {
      inline = new ChunkDecoder();
      return;
    }
    decoders = new ArrayBlockingQueue<>(threads);
    for (int i = 0; i < threads; i++) {
      decoders.add(new ChunkDecoder());
    }
    AtomicInteger number = new AtomicInteger();
    pool = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "e01-read-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  private void nextChunk() throws IOException {
    ChunkDecoder.Decoded decoded;
    if (inline != null) {
      decoded = decode(inline, nextToSubmit++);
    } else {
      while (ahead.size() < 2 * threads + 2 && nextToSubmit < info.chunkCount()) {
        long index = nextToSubmit++;
        ahead.addLast(pool.submit(() -> {
          ChunkDecoder decoder = decoders.take();
          try {
            return decode(decoder, index);
          } finally {
            decoders.add(decoder);
          }
        }));
      }
      decoded = await(ahead.removeFirst());
    }
    if (!decoded.reason().isEmpty()) {
      damage.add(damageOf(decoded.index(), decoded.reason()));
    }
    current = decoded.data();
    currentPosition = 0;
  }

  private ChunkDecoder.Decoded decode(ChunkDecoder decoder, long index) throws IOException {
    ChunkLocation location = index < scan.chunks.size() ? scan.chunks.get((int) index) : null;
    FileChannel channel = location == null ? null : scan.channels.get(location.segment());
    return decoder.decode(index, location, channel, mediaLength(index));
  }

  private int mediaLength(long index) {
    return (int) Math.min(chunkSize, info.mediaBytes() - index * chunkSize);
  }

  private E01ChunkDamage damageOf(long index, String reason) {
    ChunkLocation location = index < scan.chunks.size() ? scan.chunks.get((int) index) : null;
    long firstByte = index * chunkSize;
    int bytes = mediaLength(index);
    int sector = info.bytesPerSector();
    String file = location == null ? "" : scan.segments.get(location.segment()).name();
    long fileOffset = location == null ? -1 : location.fileOffset();
    return new E01ChunkDamage(index, firstByte, bytes, firstByte / sector, (bytes + sector - 1) / sector, file, fileOffset,
        reason);
  }

  private static ChunkDecoder.Decoded await(Future<ChunkDecoder.Decoded> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading a chunk ahead");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("reading a chunk failed: " + e.getCause(), e.getCause());
    }
  }
}
