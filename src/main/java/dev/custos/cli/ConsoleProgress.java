package dev.custos.cli;

import dev.custos.digest.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress on stderr: on a terminal a bar redrawn in place (bytes, percent, rate, ETA, bad
 * sectors); otherwise, for logs, one line every few seconds.
 */
final class ConsoleProgress implements ProgressListener {
  private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;
  private static final int BAR_WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  /** {@code image: }, {@code source: } when a run reads more than one thing; empty otherwise. */
  private final String label;
  private long lastLineNanos = Long.MIN_VALUE;
  private String lastPhase = "";
  private long lastRescueLineNanos;

  ConsoleProgress(PrintWriter err, boolean terminal) {
    this(err, terminal, "");
  }

  private ConsoleProgress(PrintWriter err, boolean terminal, String label) {
    this.err = err;
    this.terminal = terminal;
    this.label = label;
  }

  /** Lines that begin {@code progress: WHAT: } (a log still finds them by {@code progress:}). */
  @Override
  public ConsoleProgress labelled(String what) {
    return new ConsoleProgress(err, terminal, what + ": ");
  }

  @Override
  public void onProgress(Progress progress) {
    if (terminal) {
      int filled = (int) Math.round(progress.fraction() * BAR_WIDTH);
      err.print("\r" + label + "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + describe(progress) + "  ");
      if (progress.finished()) {
        err.println();
      }
      err.flush();
      return;
    }
    if (progress.finished() || lastLineNanos == Long.MIN_VALUE || progress.elapsedNanos() - lastLineNanos >= LOG_INTERVAL_NANOS) {
      lastLineNanos = progress.elapsedNanos();
      err.println("progress: " + label + describe(progress));
      err.flush();
    }
  }

  @Override
  public void onRescue(RescueProgress rescue) {
    long now = System.nanoTime();
    String phase = rescue.phase();
    if (!phase.equals(lastPhase) || now - lastRescueLineNanos >= (terminal ? 200_000_000L : LOG_INTERVAL_NANOS)) {
      boolean newPhase = !phase.equals(lastPhase);
      lastPhase = phase;
      lastRescueLineNanos = now;
      String line = "rescue: " + phase + ", " + Sizes.human(rescue.untriedBytes()) + " still untried, "
          + Sizes.human(rescue.failedBytes()) + " of failed areas to read sector by sector, bad sectors: " + rescue.badSectors();
      if (terminal) {
        err.print((newPhase ? "\n" : "\r") + line + "  ");
      } else {
        err.println(line);
      }
      err.flush();
    }
  }

  private static String describe(Progress progress) {
    return String.format(Locale.ROOT, "%5.1f%% %s of %s, %s, %s, bad sectors: %d",
        progress.fraction() * 100, Sizes.human(progress.bytesDone()), Sizes.human(progress.totalBytes()),
        Sizes.rate(progress.bytesPerSecond()), eta(progress), progress.badSectors());
  }

  /** An end short of the total is a stop, not an arrival: no time to go is left to show. */
  private static String eta(Progress progress) {
    if (!progress.finished()) {
      return "ETA " + Sizes.duration(progress.etaSeconds());
    }
    return progress.bytesDone() < progress.totalBytes() ? "stopped" : "ETA " + Sizes.duration(0);
  }
}
