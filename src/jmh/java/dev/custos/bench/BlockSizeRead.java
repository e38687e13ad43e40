package dev.custos.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reading a 256 MiB file in {@code /dev/shm} from start to end with {@link FileChannel}, as the
 * acquisition reads its source, by block size and into a heap or a direct buffer. The file is in
 * memory, so this is the cost of the system calls and the copies, not of a disk. Reported in MB/s:
 * an operation is one byte.
 *
 * <p>A heap buffer is what the pipeline reads into ({@code ByteBuffer.wrap} of a block's array):
 * the JDK reads into a temporary direct buffer of its own and copies from it. A plain direct buffer
 * starts wherever the allocator put it; an aligned one on a page. The directory is
 * {@code -Dcustos.bench.memoryDir} (default {@code /dev/shm}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms64m", "-Xmx192m"})
public class BlockSizeRead {
  static final int FILE_BYTES = 256 << 20;
  private static final int PAGE = 4096;

  @Param({"65536", "262144", "1048576", "4194304"})
  public int blockSize;

  /** {@code direct-aligned}: a direct buffer that starts on a 4 KiB page, as O_DIRECT needs. */
  @Param({"heap", "direct", "direct-aligned"})
  public String buffer;

  private Path file;
  private FileChannel channel;
  private ByteBuffer block;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    file = TestFiles.random(Path.of(System.getProperty("custos.bench.memoryDir", "/dev/shm")), FILE_BYTES);
    channel = FileChannel.open(file, StandardOpenOption.READ);
    block = newBuffer(buffer, blockSize);
  }

  private static ByteBuffer newBuffer(String kind, int size) {
    switch (kind) {
      case "heap":
        return ByteBuffer.allocate(size);
      case "direct":
        return ByteBuffer.allocateDirect(size);
      case "direct-aligned":
        return ByteBuffer.allocateDirect(size + PAGE).alignedSlice(PAGE).limit(size).slice();
      default:
        throw new IllegalArgumentException("unknown buffer '" + kind + "' (expected heap, direct or direct-aligned)");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    channel.close();
    Files.delete(file);
  }

  /** Reads the whole file; returns the bytes read so that nothing can be optimised away. */
  @Benchmark
  @OperationsPerInvocation(FILE_BYTES)
  public long readWholeFile() throws IOException {
    return TestFiles.readWhole(channel, block, FILE_BYTES);
  }
}
