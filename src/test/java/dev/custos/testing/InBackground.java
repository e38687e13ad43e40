package dev.custos.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A Custos command running on a thread of its own, so that a test can act on the world meanwhile. */
public final class InBackground implements AutoCloseable {
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final Future<Cli.Run> run;

  private InBackground(String... args) {
    run = executor.submit(() -> Cli.run(args));
  }

  /** Starts {@code custos args…}. */
  public static InBackground start(String... args) {
    return new InBackground(args);
  }

  /**
   * Waits until {@code file} holds at least {@code bytes}; fails when the command ends first or
   * after {@code timeoutSeconds}.
   */
  public void awaitSize(Path file, long bytes, long timeoutSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (size(file) < bytes) {
      if (run.isDone()) {
        throw new AssertionError("the command ended before " + file + " held " + bytes + " bytes: " + result(1));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(file + " did not reach " + bytes + " bytes within " + timeoutSeconds + " s");
      }
      Thread.sleep(10);
    }
  }

  /** Waits for the command's end, at most {@code timeoutSeconds}. */
  public Cli.Run result(long timeoutSeconds) throws InterruptedException {
    try {
      return run.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("the command threw", e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("the command did not end within " + timeoutSeconds + " s", e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
