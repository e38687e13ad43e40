package dev.custos.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
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
 * Reading a 256 MiB file on a real file system in 1 MiB blocks, with {@code O_DIRECT} (an aligned
 * direct buffer, the page cache bypassed) against an ordinary read into a direct buffer.
 *
 * <p>What is measured: the file is written just before, so the ordinary reads are served from the
 * page cache (a memory copy, the best case of a second read), while every {@code O_DIRECT} read
 * goes to the device. Dropping the cache between iterations is not possible portably, so the
 * ordinary read of a cold device is not measured here. The directory is {@code
 * -Dcustos.bench.diskDir} (default {@code /var/tmp}; tmpfs refuses {@code O_DIRECT}). Reported in
 * MB/s: an operation is one byte.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms64m", "-Xmx192m"})
public class DirectIoRead {
  private static final int FILE_BYTES = 256 << 20;
  private static final int BLOCK_BYTES = 1 << 20;

  @Param({"page-cache", "o-direct"})
  public String mode;

  private Path file;
  private FileChannel channel;
  private ByteBuffer block;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    file = TestFiles.random(Path.of(System.getProperty("custos.bench.diskDir", "/var/tmp")), FILE_BYTES);
    int alignment = (int) Files.getFileStore(file).getBlockSize();
    channel = FileChannel.open(file, mode.equals("o-direct") ? directOptions() : Set.of(StandardOpenOption.READ));
    block = ByteBuffer.allocateDirect(BLOCK_BYTES + alignment).alignedSlice(alignment).limit(BLOCK_BYTES).slice();
  }

  @SuppressForbidden(reason = "O_DIRECT is what this benchmark measures")
  private static Set<OpenOption> directOptions() {
    return Set.of(StandardOpenOption.READ, com.sun.nio.file.ExtendedOpenOption.DIRECT);
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
