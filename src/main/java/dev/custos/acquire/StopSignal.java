package dev.custos.acquire;

/**
 * Asks a running acquisition to stop cleanly (Ctrl-C, SIGTERM): it finishes the block in hand,
 * flushes what was written and records how far it got. Thread-safe.
 */
public final class StopSignal {
  private volatile String reason;

  /** Asks to stop, for {@code reason} (e.g. "interrupted by SIGINT"); the first reason wins. */
  public void stop(String reason) {
    if (this.reason == null) {
      this.reason = reason;
    }
  }

  public boolean isStopped() {
    return reason != null;
  }

  /** Why a stop was asked for, or {@code null}. */
  public String reason() {
    return reason;
  }
}
