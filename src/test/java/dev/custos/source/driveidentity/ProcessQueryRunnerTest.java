package dev.custos.source.driveidentity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A query never holds up an acquisition past its time limit, and its stdout, stderr and exit are kept apart. */
class ProcessQueryRunnerTest {
  private final QueryRunner runner = QueryRunner.system();

  @Test
  void run_exitsNonZero_stdoutVerbatimStderrApartExitKept() throws InterruptedException {
    QueryOutput output = runner.run(List.of("sh", "-c", "printf 'out\\n\\tline'; echo err >&2; exit 3"), Duration.ofSeconds(10));

    assertThat(new String(output.stdout(), StandardCharsets.UTF_8)).isEqualTo("out\n\tline");
    assertThat(output.firstStderrLine()).contains("err");
    assertThat(output.exitCode()).hasValue(3);
    assertThat(output.failure()).isEmpty();
  }

  @Test
  void run_hangs_killedAtTheLimitWithWhatItPrinted() throws InterruptedException {
    long start = System.nanoTime();

    QueryOutput output = runner.run(List.of("sh", "-c", "echo asked; exec sleep 60"), Duration.ofSeconds(1));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(output.failure()).contains("timed out after 1 s (killed)");
    assertThat(output.exitCode()).isEmpty();
    assertThat(new String(output.stdout(), StandardCharsets.UTF_8)).isEqualTo("asked\n");
  }

  @Test
  void run_childKeepsStdoutOpenAfterTheLimit_notWaitedFor() throws InterruptedException {
    long start = System.nanoTime();

    // The grandchild holds stdout open after the query itself is killed, as a process stuck in the kernel would.
    QueryOutput output = runner.run(List.of("sh", "-c", "sleep 60 & sleep 60"), Duration.ofSeconds(1));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(output.failure()).contains("timed out after 1 s (killed)");
  }

  @Test
  void run_toolMissing_failureSaysItCouldNotStart() throws InterruptedException {
    QueryOutput output = runner.run(List.of("/nonexistent/smartctl", "-x"), Duration.ofSeconds(5));

    assertThat(output.failure()).hasValueSatisfying(why -> assertThat(why).startsWith("could not be started: "));
  }
}
