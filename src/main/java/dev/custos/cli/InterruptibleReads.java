package dev.custos.cli;

import dev.custos.acquire.StopSignal;

/**
 * The stretches of a run that a signal may cut short by interrupting the thread: reads, never the
 * append of a custody event (an interrupt closes the log's channel mid-write). Between {@link #enter}
 * and {@link #exit}, {@link #interrupt} interrupts the reading thread; outside, the stop signal
 * alone is set, and the next {@link #enter} refuses to begin.
 *
 * <p>Threading: {@link #interrupt} is called from the shutdown hook, the others from the reading
 * thread; the lock keeps an interrupt from landing after {@link #exit}.
 */
final class InterruptibleReads {
  private final Object lock = new Object();
  private final StopSignal stop;
  /** The thread inside a read, or null; guarded by {@code lock}. */
  private Thread reader;

  InterruptibleReads(StopSignal stop) {
    this.stop = stop;
  }

  /**
   * Marks the calling thread as reading.
   *
   * @throws InterruptedException if the stop signal is already set: the read does not begin
   */
  void enter() throws InterruptedException {
    synchronized (lock) {
      if (stop.isStopped()) {
        throw new InterruptedException(stop.reason());
      }
      reader = Thread.currentThread();
    }
  }

  /** Marks the read as over, and clears an interrupt that came as it ended (the stop signal stays set). */
  void exit() {
    synchronized (lock) {
      reader = null;
      Thread.interrupted();
    }
  }

  /** From the shutdown hook: interrupts the thread inside a read, if any. */
  void interrupt() {
    synchronized (lock) {
      if (reader != null) {
        reader.interrupt();
      }
    }
  }

  /** Whether a signal asked to stop. */
  boolean stopped() {
    return stop.isStopped();
  }
}
