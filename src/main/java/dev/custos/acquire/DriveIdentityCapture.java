package dev.custos.acquire;

import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.evidence.EvidenceClock;
import dev.custos.io.WriteOnce;
import dev.custos.source.SourceIdentity;
import dev.custos.source.driveidentity.Answer;
import dev.custos.source.driveidentity.Moment;
import dev.custos.source.driveidentity.QueryOutput;
import dev.custos.source.driveidentity.QueryPlan;
import dev.custos.source.driveidentity.QueryRunner;
import dev.custos.source.driveidentity.Transcript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Asks the source drive about itself ({@link QueryPlan}) and keeps each answer in the evidence
 * directory as it was printed: {@code drive-identity-RUN-MOMENT-QUERY.EXT}, written new (never
 * over a file of that name), flushed and read-only. Nothing here stops an acquisition: a query
 * that cannot run, fails or hangs past {@link #TIME_LIMIT} is recorded "not available" with the
 * reason, and a transcript that cannot be written likewise.
 *
 * <p>Thread-safe: stateless but for its injected seams.
 */
final class DriveIdentityCapture {
  /** How long one query may take: a dying drive can hang an identify command. */
  static final Duration TIME_LIMIT = Duration.ofSeconds(30);

  private final QueryRunner runner;
  private final EvidenceClock clock;
  private final BiFunction<SourceIdentity, Moment, List<QueryPlan.Planned>> plan;
  private final Duration limit;

  /**
   * @param runner runs the queries
   * @param clock the time of each query
   * @param plan which queries a source is asked at a moment
   * @param limit how long one query may take
   */
  DriveIdentityCapture(QueryRunner runner, EvidenceClock clock, BiFunction<SourceIdentity, Moment, List<QueryPlan.Planned>> plan,
      Duration limit) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.plan = Objects.requireNonNull(plan, "plan");
    this.limit = Objects.requireNonNull(limit, "limit");
  }

  /** The capture of this system: its tools, run as processes. */
  static DriveIdentityCapture system(EvidenceClock clock) {
    return new DriveIdentityCapture(QueryRunner.system(), clock, QueryPlan::of, TIME_LIMIT);
  }

  /**
   * The number of the run about to begin in {@code directory}: one more than the highest run any
   * transcript there belongs to, so a resumption (or a run that ended without a word) never
   * writes over, nor is confused with, an earlier run's transcripts.
   */
  static int nextRun(Path directory) {
    int highest = 0;
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        String name = entry.getFileName().toString();
        if (Transcript.TranscriptFile.NAME.matcher(name).matches()) {
          highest = Math.max(highest, Integer.parseInt(name.split("-")[2]));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // unlisted: the names written are new files regardless, and a clash is recorded, not overwritten
    }
    return highest + 1;
  }

  /**
   * Runs the queries of {@code source} at {@code moment}, one after the other.
   *
   * @return one transcript per query planned, in the plan's order
   * @throws InterruptedException if the calling thread was interrupted while a query ran
   */
  List<Transcript> capture(SourceIdentity source, Path directory, int run, Moment moment) throws InterruptedException {
    List<Transcript> transcripts = new ArrayList<>();
    for (QueryPlan.Planned planned : plan.apply(source, moment)) {
      Instant started = clock.now();
      if (planned.command().isEmpty()) {
        transcripts.add(new Transcript(run, moment, planned.query(), List.of(), started, started, OptionalInt.empty(),
            Optional.empty(), planned.notAvailable()));
        continue;
      }
      if (moment == Moment.AFTER && !Files.exists(source.path())) {
        transcripts.add(new Transcript(run, moment, planned.query(), List.of(), started, started, OptionalInt.empty(),
            Optional.empty(), Optional.of("the device node " + source.path() + " is gone: the drive was not there to ask")));
        continue;
      }
      QueryOutput output = runner.run(planned.command(), limit);
      Instant ended = clock.now();
      Optional<String> notAvailable = Answer.of(planned.query(), output).notAvailable();
      Optional<Transcript.TranscriptFile> file = Optional.empty();
      byte[] stdout = output.stdout();
      if (stdout.length > 0) {
        String name = Transcript.TranscriptFile.nameOf(run, moment, planned.query());
        try {
          WriteOnce.writeNew(directory.resolve(name), stdout);
          file = Optional.of(new Transcript.TranscriptFile(name, stdout.length, Digest.compute(HashAlgorithm.SHA_256, stdout).hex()));
        } catch (IOException e) {
          notAvailable = Optional.of("its transcript could not be written as " + name + ": " + e.getMessage()
              + notAvailable.map(why -> "; " + why).orElse(""));
        }
      }
      transcripts.add(new Transcript(run, moment, planned.query(), planned.command(), started,
          ended.isBefore(started) ? started : ended, output.exitCode(), file, notAvailable));
    }
    return transcripts;
  }
}
