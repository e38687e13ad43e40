package dev.custos.rescue;

import dev.custos.error.SourceAccessException;
import dev.custos.source.BlockSource;
import dev.custos.source.LostDriveCheck;
import dev.custos.source.ReadOutcome;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The phases of a rescue after the first copy pass, as GNU ddrescue runs them, each on what the
 * ones before left: a second copy pass backwards over the skipped areas (still skipping), a third
 * forwards over what is left untried (no skipping); then trimming, which reads each failed area
 * sector by sector from both edges inwards until a sector fails; then scraping, which reads what
 * lies between the trimmed edges sector by sector; then {@code --retries} passes over the bad
 * sectors, alternating direction. Every sector read goes into the image at its offset; every
 * failed read is checked for a lost drive first ({@link LostDriveCheck}).
 *
 * <p>Stops between two reads when asked to (an interruption: the map says where the rescue stood,
 * for {@code acquire resume}), or when the time limit has passed (what is not reached stays
 * recorded in its state).
 *
 * <p>Threading: confined to the reader thread.
 */
public final class RescuePhases {
  /** Why the phases ended early, when they did. */
  public enum Stop { INTERRUPTED, TIME_LIMIT }

  /**
   * What the phases did.
   *
   * @param phases each phase that had something to read, in order
   * @param stop why they ended early, if they did
   * @param recoveredReads sectors that failed a read and then read fine in a retry pass
   * @param recovered where those sectors are, ascending
   * @param failedCopies the reads of the copy passes after the first that failed, as they failed
   */
  public record Outcome(List<PhaseRecord> phases, Optional<Stop> stop, long recoveredReads, List<Long> recovered,
      List<Area> failedCopies) {
    public Outcome {
      recovered = recovered.stream().sorted().toList();
      phases = List.copyOf(phases);
      failedCopies = List.copyOf(failedCopies);
    }
  }

  /** Told where the rescue stands; called on the reader thread, must be quick. */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = (phase, map) -> {};

    /**
     * A phase begins, or has read a while: {@code map} is the rescue's state now.
     *
     * @throws IOException if the state cannot be recorded: the rescue stops
     */
    void onPhase(String phase, RescueMap map) throws IOException;
  }

  private final BlockSource source;
  private final RescueMap map;
  private final LostDriveCheck lost;
  private final RescueOptions options;
  private final int blockSize;
  private final RecoveredBytes image;
  private final Supplier<Instant> clock;
  private final LongSupplier nanoTime;
  private final BooleanSupplier stopRequested;
  private final Listener listener;
  private final byte[] buffer;
  private final int unit;
  /** When the time limit passes, on {@code nanoTime}'s clock; empty without a limit. */
  private OptionalLong deadline = OptionalLong.empty();
  private Optional<Stop> stop = Optional.empty();
  private long phaseBytes;
  private long phaseFailures;
  private long recoveredReads;
  private final List<Long> recovered = new ArrayList<>();
  private String phase = "";
  private long reads;
  private final List<Area> failedCopies = new ArrayList<>();

  /**
   * @param source what to read
   * @param map the state the copy pass left, updated as the phases read
   * @param lost tells a lost drive from a bad area (shared with the copy pass: it knows the good sectors)
   * @param options retries, time limit, direction
   * @param blockSize the read size of the copy passes
   * @param image where what is read is written
   * @param clock the times of each phase (UTC)
   * @param nanoTime the time limit's clock
   * @param stopRequested whether to stop (Ctrl-C, SIGTERM)
   * @param listener told of each phase
   */
  public RescuePhases(BlockSource source, RescueMap map, LostDriveCheck lost, RescueOptions options, int blockSize,
      RecoveredBytes image, Supplier<Instant> clock, LongSupplier nanoTime, BooleanSupplier stopRequested, Listener listener) {
    this.source = source;
    this.map = map;
    this.lost = lost;
    this.options = options;
    this.blockSize = blockSize;
    this.image = image;
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.stopRequested = stopRequested;
    this.listener = listener;
    this.unit = source.errorUnit();
    this.buffer = new byte[Math.max(blockSize, unit)];
  }

  /**
   * Runs the phases until none is left, a stop, or the time limit.
   *
   * @throws SourceAccessException if the source is gone, lost or ended early
   * @throws IOException if the image cannot be written
   */
  public Outcome run() throws SourceAccessException, IOException {
    deadline = options.timeLimit().map(limit -> OptionalLong.of(nanoTime.getAsLong() + limit.toNanos())).orElse(OptionalLong.empty());
    List<PhaseRecord> phases = new ArrayList<>();
    phase("copy-backwards", AreaState.NON_TRIED, phases, this::copyBackwards);
    phase("copy-remaining", AreaState.NON_TRIED, phases, this::copyRemaining);
    phase("trim", AreaState.NON_TRIMMED, phases, this::trim);
    phase("scrape", AreaState.NON_SCRAPED, phases, this::scrape);
    for (int pass = 1; pass <= options.retries(); pass++) {
      boolean backwards = options.reverse() == (pass % 2 == 1);
      phase("retry-" + pass, AreaState.BAD_SECTOR, phases, () -> retry(backwards));
    }
    return new Outcome(phases, stop, recoveredReads, recovered, failedCopies);
  }

  @FunctionalInterface
  private interface PhaseBody {
    void run() throws SourceAccessException, IOException;
  }

  private void phase(String name, AreaState works, List<PhaseRecord> phases, PhaseBody body) throws SourceAccessException, IOException {
    if (stop.isPresent() || map.bytesIn(works) == 0) {
      return;
    }
    Instant started = clock.get();
    phaseBytes = 0;
    phaseFailures = 0;
    phase = name;
    listener.onPhase(name, map);
    body.run();
    phases.add(new PhaseRecord(name, started, clock.get(), phaseBytes, phaseFailures));
  }

  /** The second copy pass: the untried areas from the last, each from its end, skipping after a failure. */
  private void copyBackwards() throws SourceAccessException, IOException {
    CopyPass.Skip skip = new CopyPass.Skip(blockSize, source.size());
    for (Area area : reversed(map.inState(AreaState.NON_TRIED))) {
      long end = area.end();
      while (end > area.position() && !stopped()) {
        long start = Math.max(area.position(), end - blockSize);
        if (read(start, (int) (end - start), AreaState.NON_TRIMMED, false)) {
          skip.reset();
          end = start;
        } else {
          end = Math.max(area.position(), start - skip.next());
        }
      }
    }
  }

  /** The third copy pass: whatever is still untried, forwards, block by block. */
  private void copyRemaining() throws SourceAccessException, IOException {
    for (Area area : map.inState(AreaState.NON_TRIED)) {
      for (long at = area.position(); at < area.end() && !stopped(); at += blockSize) {
        read(at, (int) Math.min(blockSize, area.end() - at), AreaState.NON_TRIMMED, false);
      }
    }
  }

  /**
   * Each failed area, sector by sector from its leading edge and then from its trailing edge, each
   * until a sector fails; what lies between is left to scraping. A stop leaves the untrimmed rest
   * of the area as it was.
   */
  private void trim() throws SourceAccessException, IOException {
    List<Area> areas = map.inState(AreaState.NON_TRIMMED);
    for (Area area : options.reverse() ? reversed(areas) : areas) {
      long front = area.position();
      while (front < area.end() && !stopped() && read(front, unitAt(front, area.end()), AreaState.BAD_SECTOR, false)) {
        front += unit;
      }
      if (front >= area.end() || stop.isPresent()) {
        continue;
      }
      long back = lastUnit(area);
      while (back > front && !stopped()) {
        if (!read(back, unitAt(back, area.end()), AreaState.BAD_SECTOR, false)) {
          long middle = front + unit;
          if (back > middle) {
            map.mark(middle, back - middle, AreaState.NON_SCRAPED, area.error());
          }
          break;
        }
        back -= unit;
      }
    }
  }

  /** What lies between trimmed edges, sector by sector. */
  private void scrape() throws SourceAccessException, IOException {
    sectorBySector(AreaState.NON_SCRAPED, options.reverse(), false);
  }

  /** One pass over the bad sectors. */
  private void retry(boolean backwards) throws SourceAccessException, IOException {
    sectorBySector(AreaState.BAD_SECTOR, backwards, true);
  }

  private void sectorBySector(AreaState state, boolean backwards, boolean retrying) throws SourceAccessException, IOException {
    List<Area> areas = map.inState(state);
    for (Area area : backwards ? reversed(areas) : areas) {
      long first = area.position();
      long last = lastUnit(area);
      for (long at = backwards ? last : first; backwards ? at >= first : at <= last; at += backwards ? -unit : unit) {
        if (stopped()) {
          return;
        }
        read(at, unitAt(at, area.end()), AreaState.BAD_SECTOR, retrying);
      }
    }
  }

  /**
   * Reads {@code length} bytes at {@code position} once: into the image and {@link
   * AreaState#FINISHED} when they read, else {@code onFailure} with the error.
   *
   * @return whether they read
   */
  private boolean read(long position, int length, AreaState onFailure, boolean retrying) throws SourceAccessException, IOException {
    if (++reads % 64 == 0) {
      listener.onPhase(phase, map);
    }
    // A whole unit on the unit grid is read alone, past any cache; anything else (a unit cut by the
    // end of the source, or off the grid where the unit is larger than a sector) as bytes.
    boolean onGrid = position % unit == 0 && (length == unit || length < unit && position + length == source.size());
    ReadOutcome outcome = onGrid ? source.readUnit(position, buffer, 0) : source.read(position, buffer, 0, length);
    if (outcome instanceof ReadOutcome.Failed failed) {
      lost.afterFailure(failed, position);
      phaseFailures++;
      Area failedArea = new Area(position, length, onFailure, Optional.of(failed.error()));
      map.mark(failedArea);
      if (onFailure == AreaState.NON_TRIMMED) {
        failedCopies.add(failedArea);
      }
      return false;
    }
    lost.requireFull(position, outcome.bytes(), length);
    lost.readFine(position, length);
    image.write(position, buffer, 0, length);
    map.mark(position, length, AreaState.FINISHED, Optional.empty());
    phaseBytes += length;
    if (retrying) {
      recoveredReads++;
      recovered.add(position);
    }
    return true;
  }

  private boolean stopped() {
    if (stop.isEmpty() && stopRequested.getAsBoolean()) {
      stop = Optional.of(Stop.INTERRUPTED);
    } else if (stop.isEmpty() && deadline.isPresent() && nanoTime.getAsLong() - deadline.getAsLong() > 0) {
      stop = Optional.of(Stop.TIME_LIMIT);
    }
    return stop.isPresent();
  }

  /** The length of the unit at {@code at}: a whole unit, or what is left before {@code end}. */
  private int unitAt(long at, long end) {
    return (int) Math.min(unit, end - at);
  }

  /**
   * The start of the last unit of {@code area}, its units counted from its own start: an area's
   * start is a whole sector, but where the unit is larger than a sector (no native reads) it may be
   * off the unit grid, and its units must still cover it to the end.
   */
  private long lastUnit(Area area) {
    return area.position() + (area.end() - 1 - area.position()) / unit * unit;
  }

  private static List<Area> reversed(List<Area> areas) {
    List<Area> copy = new ArrayList<>(areas);
    Collections.reverse(copy);
    return copy;
  }
}
