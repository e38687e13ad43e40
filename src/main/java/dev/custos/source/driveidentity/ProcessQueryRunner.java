package dev.custos.source.driveidentity;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link QueryRunner} over {@link ProcessBuilder}. Each of stdout and stderr is drained by a daemon
 * thread of its own, so the time limit holds even when a query stuck in the kernel (a dying drive
 * answering an ioctl) keeps its output open: the caller waits for the process, never for a read.
 * Output past {@value #MAX_OUTPUT} bytes is dropped (a transcript is kilobytes), and said so.
 *
 * <p>Thread-safe: stateless.
 */
final class ProcessQueryRunner implements QueryRunner {
  static final int MAX_OUTPUT = 8 << 20;

  @Override
  public QueryOutput run(List<String> command, Duration limit) throws InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    } catch (IOException e) {
      return QueryOutput.failed("could not be started: " + e.getMessage(), new byte[0], "");
    }
    Drain stdout = Drain.start(process.getInputStream(), "stdout of " + command.get(0));
    Drain stderr = Drain.start(process.getErrorStream(), "stderr of " + command.get(0));
    boolean ended;
    try {
      ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      throw e;
    }
    if (!ended) {
      // A process in uninterruptible sleep outlives SIGKILL: it is not waited for any longer.
      process.destroyForcibly();
      stdout.awaitBriefly();
      stderr.awaitBriefly();
      return QueryOutput.failed("timed out after " + limit.toSeconds() + " s (killed)", stdout.bytes(), stderr.text());
    }
    stdout.awaitBriefly();
    stderr.awaitBriefly();
    String errors = stderr.text() + (stdout.truncated() ? "\n[custos: stdout cut at " + MAX_OUTPUT + " bytes]" : "");
    return QueryOutput.exited(process.exitValue(), stdout.bytes(), errors);
  }

  /** Reads one stream to its end on a daemon thread, keeping at most {@link #MAX_OUTPUT} bytes. */
  private static final class Drain implements Runnable {
    private final InputStream in;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final Thread thread;
    private boolean truncated;

    private Drain(InputStream in, String name) {
      this.in = in;
      this.thread = new Thread(this, name);
      thread.setDaemon(true);
    }

    static Drain start(InputStream in, String name) {
      Drain drain = new Drain(in, name);
      drain.thread.start();
      return drain;
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try (in) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          synchronized (this) {
            int room = MAX_OUTPUT - kept.size();
            kept.write(buffer, 0, Math.min(room, n));
            truncated |= n > room;
          }
        }
      } catch (IOException e) {
        // the process was killed or closed its end: what was read is what it printed
      }
    }

    /** Waits up to a second for the stream's end: a process that ended has closed it, normally. */
    void awaitBriefly() throws InterruptedException {
      thread.join(1000);
    }

    synchronized byte[] bytes() {
      return kept.toByteArray();
    }

    synchronized String text() {
      return kept.toString(StandardCharsets.UTF_8);
    }

    synchronized boolean truncated() {
      return truncated;
    }
  }
}
