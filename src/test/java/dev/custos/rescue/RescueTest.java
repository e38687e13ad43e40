package dev.custos.rescue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.custos.error.SourceAccessException;
import dev.custos.source.LostDriveCheck;
import dev.custos.testing.ScriptedBlockSource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The rescue of a dying drive, good data first, as GNU ddrescue reads one: a copy pass that
 * skips ahead after a failure, a second pass backwards and a third over what is left, trimming
 * and scraping the failed areas sector by sector, then the retry passes. Specified on a scripted
 * source that fails where told, without root.
 */
class RescueTest {
  private static final int SECTOR = 512;
  private static final int BLOCK = 1 << 20;
  private static final Supplier<Instant> CLOCK = () -> Instant.parse("2026-12-02T10:00:00.000Z");

  private final byte[] content = random(16 << 20);
  private final byte[] image = new byte[content.length];

  @Test
  void rescue_singleBadSector_onlyThatSectorBadAndEveryOtherInTheImage() throws Exception {
    ScriptedBlockSource source = new ScriptedBlockSource(content, SECTOR, SECTOR).failing(2049L * SECTOR, SECTOR);

    RescueMap map = rescue(source, new RescueOptions(1, Optional.empty(), false));

    assertThat(map.unfinished()).extracting(Area::position, Area::size, Area::state)
        .containsExactly(tuple(2049L * SECTOR, (long) SECTOR, AreaState.BAD_SECTOR));
    assertThat(map.unfinished().get(0).error()).map(error -> error.name()).contains("EIO");
    assertImageIsSourceExceptZeroAt(List.of(new long[] {2049L * SECTOR, SECTOR}));
  }

  @Test
  void rescue_badSectorsAcrossBoundaries_firstAndLast_exactlyThose() throws Exception {
    long last = content.length - SECTOR;
    List<long[]> bad = List.of(new long[] {0, SECTOR}, new long[] {7L * SECTOR, 2 * SECTOR}, new long[] {BLOCK - SECTOR, 2 * SECTOR},
        new long[] {last, SECTOR});
    ScriptedBlockSource source = new ScriptedBlockSource(content, SECTOR, SECTOR);
    bad.forEach(range -> source.failing(range[0], range[1]));

    RescueMap map = rescue(source, new RescueOptions(0, Optional.empty(), false));

    assertThat(map.unfinished()).extracting(Area::position, Area::size)
        .containsExactly(bad.stream().map(range -> tuple(range[0], range[1])).toArray(Tuple[]::new));
    assertImageIsSourceExceptZeroAt(bad);
  }

  @Test
  void copy_deadZone_skipsAheadSoFewReadsFail_andTheZoneEndsExactlyBad() throws Exception {
    long zone = 2L << 20;
    long zoneSize = 5L << 20;
    ScriptedBlockSource source = new ScriptedBlockSource(content, SECTOR, SECTOR).failing(zone + 3 * SECTOR, zoneSize);
    RescueMap map = new RescueMap(content.length);
    LostDriveCheck lost = new LostDriveCheck(source, 0);
    CopyPass copy = new CopyPass(source, map, lost, BLOCK);

    copyAll(copy);

    assertThat(copy.failedReads().size()).as("failed reads of the copy pass over a 5-block dead zone").isLessThanOrEqualTo(3);
    assertThat(map.bytesIn(AreaState.NON_TRIED)).as("skipped, for a later pass").isPositive();

    phases(source, map, lost, new RescueOptions(0, Optional.empty(), false)).run();

    assertThat(map.unfinished()).extracting(Area::position, Area::size, Area::state)
        .containsExactly(tuple(zone + 3 * SECTOR, zoneSize, AreaState.BAD_SECTOR));
    assertImageIsSourceExceptZeroAt(List.of(new long[] {zone + 3 * SECTOR, zoneSize}));
  }

  @Test
  void retries_sectorThatReadsOnALaterTry_isRecoveredAndCounted() throws Exception {
    // The copy read and the trimming read fail; the first retry pass fails too; the second reads.
    ScriptedBlockSource source = new ScriptedBlockSource(content, SECTOR, SECTOR).failingTimes(4096L * SECTOR + SECTOR, SECTOR, 3);
    RescueMap map = new RescueMap(content.length);
    LostDriveCheck lost = new LostDriveCheck(source, 0);
    copyAll(new CopyPass(source, map, lost, BLOCK));

    RescuePhases.Outcome outcome = phases(source, map, lost, new RescueOptions(2, Optional.empty(), false)).run();

    assertThat(map.unfinished()).isEmpty();
    assertThat(outcome.recoveredReads()).isEqualTo(1);
    assertThat(outcome.phases()).extracting(PhaseRecord::phase).containsExactly("copy-backwards", "trim", "retry-1", "retry-2");
    assertImageIsSourceExceptZeroAt(List.of());
  }

  @Test
  void retries_fewerThanTheSectorNeeds_leaveItBad() throws Exception {
    ScriptedBlockSource source = new ScriptedBlockSource(content, SECTOR, SECTOR).failingTimes(4096L * SECTOR + SECTOR, SECTOR, 3);

    RescueMap map = rescue(source, new RescueOptions(1, Optional.empty(), false));

    assertThat(map.inState(AreaState.BAD_SECTOR)).extracting(Area::position).containsExactly(4097L * SECTOR);
  }

  @Test
  void timeLimit_passed_stopsThePhasesAndLeavesWhatIsNotReachedInItsState() throws Exception {
    ScriptedBlockSource source = new ScriptedBlockSource(content, SECTOR, SECTOR).failing(3L << 20, 64L * SECTOR);
    RescueMap map = new RescueMap(content.length);
    LostDriveCheck lost = new LostDriveCheck(source, 0);
    copyAll(new CopyPass(source, map, lost, BLOCK));
    AtomicLong now = new AtomicLong();
    // Every look at the clock is a second later: the 30 s limit passes during trimming.
    RescuePhases phases = new RescuePhases(source, map, lost, new RescueOptions(3, Optional.of(Duration.ofSeconds(30)), false), BLOCK,
        this::write, CLOCK, () -> now.addAndGet(1_000_000_000L), () -> false, RescuePhases.Listener.NONE);

    RescuePhases.Outcome outcome = phases.run();

    assertThat(outcome.stop()).contains(RescuePhases.Stop.TIME_LIMIT);
    assertThat(map.bytesIn(AreaState.NON_TRIMMED)).as("not trimmed when the time was up").isPositive();
    assertThat(map.bytesIn(AreaState.FINISHED) + map.bytesIn(AreaState.NON_TRIMMED) + map.bytesIn(AreaState.BAD_SECTOR))
        .isEqualTo(content.length);
  }

  @Test
  void stop_requested_endsBetweenReadsAsInterrupted() throws Exception {
    ScriptedBlockSource source = new ScriptedBlockSource(content, SECTOR, SECTOR).failing(3L << 20, 64L * SECTOR);
    RescueMap map = new RescueMap(content.length);
    LostDriveCheck lost = new LostDriveCheck(source, 0);
    copyAll(new CopyPass(source, map, lost, BLOCK));
    RescuePhases phases = new RescuePhases(source, map, lost, new RescueOptions(3, Optional.empty(), false), BLOCK, this::write, CLOCK,
        System::nanoTime, () -> true, RescuePhases.Listener.NONE);

    assertThat(phases.run().stop()).contains(RescuePhases.Stop.INTERRUPTED);
    assertThat(map.bytesIn(AreaState.BAD_SECTOR)).isZero();
  }

  @Test
  void lostDrive_duringScraping_stopsTheRescueInsteadOfRecordingTheRestBad() {
    ScriptedBlockSource source = new ScriptedBlockSource(content, SECTOR, SECTOR).failing(3L << 20, 64L * SECTOR);
    RescueMap map = new RescueMap(content.length);
    LostDriveCheck lost = new LostDriveCheck(source, 0);

    assertThatThrownBy(() -> {
      copyAll(new CopyPass(source, map, lost, BLOCK));
      source.vanishingAfter(source.log().size() + 40);
      phases(source, map, lost, new RescueOptions(0, Optional.empty(), false)).run();
    }).isInstanceOf(SourceAccessException.class).hasMessageContaining("stopped answering");
    assertThat(map.bytesIn(AreaState.BAD_SECTOR)).as("bad sectors found before the drive went").isLessThan(64L * SECTOR);
  }

  @Test
  void reverse_trimsAndScrapesFromTheEnd() throws Exception {
    ScriptedBlockSource source = new ScriptedBlockSource(content, SECTOR, SECTOR).failing(1L << 20, SECTOR)
        .failing(9L << 20, SECTOR);

    rescue(source, new RescueOptions(0, Optional.empty(), true));

    // Sector reads inside the two failed blocks (the others are the lost-drive check's probes).
    List<Long> trimmed = source.log().stream().filter(line -> line.startsWith("unit "))
        .map(line -> Long.parseLong(line.split(" ")[1]))
        .filter(at -> at >> 20 == 1 || at >> 20 == 9).toList();
    assertThat(trimmed.get(0)).as("the first sector trimmed is in the last failed area").isEqualTo(9L << 20);
  }

  /**
   * Without native reads a 512-byte-sector device fails in 4 KiB units; its size need not be a whole
   * number of them. The readable tail is read, each bad sector costs at most its own unit, and no
   * area is left unread because its start is off the 4 KiB grid.
   */
  @Test
  void rescue_errorUnitLargerThanTheSector_sizeOffItsGrid_onlyTheFailingUnitsUnread() throws Exception {
    int size = (3 << 20) + 1536;
    byte[] odd = Arrays.copyOf(content, size);
    long[] bad = {(1L << 20) + 3 * SECTOR, (2L << 20) + 5 * SECTOR, size - 2 * SECTOR};
    ScriptedBlockSource source = new ScriptedBlockSource(odd, SECTOR, 4096);
    for (long sector : bad) {
      source.failing(sector, SECTOR);
    }
    byte[] written = new byte[size];
    RescueMap map = new RescueMap(size);
    LostDriveCheck lost = new LostDriveCheck(source, 0);
    CopyPass copy = new CopyPass(source, map, lost, BLOCK);
    byte[] block = new byte[BLOCK];
    for (long offset = 0; offset < size; offset += BLOCK) {
      int length = (int) Math.min(BLOCK, size - offset);
      copy.read(offset, block, length);
      System.arraycopy(block, 0, written, (int) offset, length);
    }
    new RescuePhases(source, map, lost, new RescueOptions(1, Optional.empty(), false), BLOCK,
        (position, data, offset, length) -> System.arraycopy(data, offset, written, (int) position, length), CLOCK, System::nanoTime,
        () -> false, RescuePhases.Listener.NONE).run();

    assertThat(map.unfinished()).allSatisfy(area -> assertThat(area.state()).isEqualTo(AreaState.BAD_SECTOR));
    assertThat(map.bytesIn(AreaState.BAD_SECTOR)).as("each bad sector costs at most its 4 KiB unit").isLessThanOrEqualTo(3 * 4096);
    for (long sector : bad) {
      assertThat(map.within(sector, sector + SECTOR)).extracting(Area::state).containsOnly(AreaState.BAD_SECTOR);
    }
    for (Area area : map.inState(AreaState.FINISHED)) {
      assertThat(Arrays.equals(odd, (int) area.position(), (int) area.end(), written, (int) area.position(), (int) area.end()))
          .as("%s as the source", area).isTrue();
    }
  }

  private RescueMap rescue(ScriptedBlockSource source, RescueOptions options) throws SourceAccessException, IOException {
    RescueMap map = new RescueMap(content.length);
    LostDriveCheck lost = new LostDriveCheck(source, 0);
    copyAll(new CopyPass(source, map, lost, BLOCK));
    phases(source, map, lost, options).run();
    return map;
  }

  private RescuePhases phases(ScriptedBlockSource source, RescueMap map, LostDriveCheck lost, RescueOptions options) {
    return new RescuePhases(source, map, lost, options, BLOCK, this::write, CLOCK, System::nanoTime, () -> false,
        RescuePhases.Listener.NONE);
  }

  /** The streaming copy pass, as the block pipeline runs it: every block in order into the image. */
  private void copyAll(CopyPass copy) throws SourceAccessException {
    byte[] block = new byte[BLOCK];
    for (long offset = 0; offset < content.length; offset += BLOCK) {
      int length = (int) Math.min(BLOCK, content.length - offset);
      copy.read(offset, block, length);
      System.arraycopy(block, 0, image, (int) offset, length);
    }
  }

  private void write(long position, byte[] data, int offset, int length) {
    System.arraycopy(data, offset, image, (int) position, length);
  }

  private void assertImageIsSourceExceptZeroAt(List<long[]> bad) {
    byte[] expected = content.clone();
    bad.forEach(range -> Arrays.fill(expected, (int) range[0], (int) (range[0] + range[1]), (byte) 0));
    for (int sector = 0; sector < content.length / SECTOR; sector++) {
      int from = sector * SECTOR;
      if (!Arrays.equals(expected, from, from + SECTOR, image, from, from + SECTOR)) {
        throw new AssertionError("sector " + sector + " of the image is neither the source's nor zero where unreadable");
      }
    }
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(7).nextBytes(bytes);
    return bytes;
  }
}
