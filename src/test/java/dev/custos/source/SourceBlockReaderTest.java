package dev.custos.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.error.SourceAccessException;
import dev.custos.testing.ScriptedBlockSource;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The read-error rules of {@link SourceBlockReader}, one test each, on a {@link
 * ScriptedBlockSource}: fast, without root. The same rules on a real failing device: the
 * Acquire*FailingDevice*, AcquireSlowFailingRegion and AcquireVanishingSource tests.
 */
class SourceBlockReaderTest {
  private static final int SECTOR = 512;
  private static final int UNIT = 4096;
  private static final int BLOCK = 64 << 10;
  private static final int SIZE = 256 << 10;
  private static final byte[] CONTENT = content(SIZE);

  /** The result of reading a source from byte 0 to its end, block by block. */
  private record Acquired(byte[] image, BadSectorMap badSectors, SourceBlockReader reader) {}

  private static Acquired readAll(BlockSource source, int retries) throws SourceAccessException {
    BadSectorMap badSectors = new BadSectorMap();
    SourceBlockReader reader = new SourceBlockReader(source, retries, badSectors);
    byte[] image = new byte[(int) source.size()];
    byte[] block = new byte[BLOCK];
    for (long offset = 0; offset < source.size(); offset += BLOCK) {
      int length = (int) Math.min(BLOCK, source.size() - offset);
      Arrays.fill(block, (byte) 0x77); // a pool block holds whatever the last use left in it
      reader.read(offset, block, length);
      System.arraycopy(block, 0, image, (int) offset, length);
    }
    return new Acquired(image, badSectors, reader);
  }

  @Test
  void read_healthySource_bytesAsTheSourceOneReadABlockNothingRecorded() throws SourceAccessException {
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT);

    Acquired acquired = readAll(source, 3);

    assertThat(acquired.image()).isEqualTo(CONTENT);
    assertThat(source.log()).hasSize(SIZE / BLOCK).allMatch(line -> line.startsWith("block ") && line.endsWith(" ok"));
    assertThat(acquired.badSectors().ranges()).isEmpty();
    assertThat(acquired.reader().recoveredReadErrors()).isZero();
  }

  @Test
  void read_blockFailsTwiceThenReads_retriedAndKeptCountedRecovered() throws SourceAccessException {
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT).failingTimes(BLOCK + 8192, UNIT, 2);

    Acquired acquired = readAll(source, 2);

    assertThat(acquired.image()).isEqualTo(CONTENT);
    assertThat(source.log()).as("tried, the latest good unit probed (still there: not lost), tried again, read").containsExactly(
        "block 0 " + BLOCK + " ok",
        "block " + BLOCK + " " + BLOCK + " " + ScriptedBlockSource.EIO,
        "unit 0 " + UNIT + " ok",
        "block " + BLOCK + " " + BLOCK + " " + ScriptedBlockSource.EIO,
        "block " + BLOCK + " " + BLOCK + " ok",
        "block " + 2L * BLOCK + " " + BLOCK + " ok",
        "block " + 3L * BLOCK + " " + BLOCK + " ok");
    assertThat(acquired.badSectors().ranges()).isEmpty();
    assertThat(acquired.reader().recoveredReadErrors()).isEqualTo(1);
  }

  @Test
  void read_blockFailsMoreOftenThanRetries_readUnitByUnitEachUnitTriedRetriesPlusOneTimes() throws SourceAccessException {
    long bad = 2L * BLOCK + 3 * UNIT;
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT).failing(bad, UNIT);

    Acquired acquired = readAll(source, 1);

    List<String> blockReads = source.log().stream().filter(line -> line.startsWith("block " + 2L * BLOCK + " ")).toList();
    assertThat(blockReads).as("the block: tried, and once again").hasSize(2);
    assertThat(source.log().stream().filter(line -> line.equals("unit " + bad + " " + UNIT + " " + ScriptedBlockSource.EIO)))
        .as("the bad unit: tried, and once again").hasSize(2);
    assertThat(source.log().stream().filter(line -> line.startsWith("unit ") && line.endsWith(" ok")))
        .as("every other unit of the block once, and the reference unit probed once for each of the two failures")
        .hasSize(BLOCK / UNIT - 1 + 2);
    assertThat(acquired.badSectors().ranges()).containsExactly(new SectorRange(bad / SECTOR, UNIT / SECTOR));
  }

  @Test
  void read_unreadableUnit_zeroFilledAndTheRestOfTheBlockAsTheSource() throws SourceAccessException {
    long bad = BLOCK + 5 * UNIT;
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT).failing(bad, UNIT);

    Acquired acquired = readAll(source, 1);

    byte[] expected = CONTENT.clone();
    Arrays.fill(expected, (int) bad, (int) bad + UNIT, (byte) 0);
    assertThat(acquired.image()).isEqualTo(expected);
  }

  @Test
  void read_oneBadSectorInAUnit_wholeErrorUnitRecordedAndZeroFilled() throws SourceAccessException {
    long badSector = BLOCK + 2 * UNIT + 3 * SECTOR;
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT).failing(badSector, SECTOR);

    Acquired acquired = readAll(source, 0);

    long unit = badSector / UNIT * UNIT;
    assertThat(acquired.badSectors().ranges()).as("the error unit is the granularity").containsExactly(
        new SectorRange(unit / SECTOR, UNIT / SECTOR));
    assertThat(Arrays.copyOfRange(acquired.image(), (int) unit, (int) unit + UNIT)).containsOnly(0);
  }

  @Test
  void read_unitFailsOnceThenReads_keptNotRecordedNotCountedRecovered() throws SourceAccessException {
    long flaky = 3L * BLOCK + UNIT;
    // Two failures for the block's two tries, one for the unit's first.
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT).failingTimes(flaky, UNIT, 3);

    Acquired acquired = readAll(source, 1);

    assertThat(acquired.image()).isEqualTo(CONTENT);
    assertThat(acquired.badSectors().ranges()).isEmpty();
    assertThat(acquired.reader().recoveredReadErrors()).as("only block reads that recovered count").isZero();
  }

  @Test
  void read_retriesZero_eachBlockAndUnitTriedOnce() throws SourceAccessException {
    long bad = BLOCK;
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT).failing(bad, UNIT);

    Acquired acquired = readAll(source, 0);

    assertThat(source.log()).filteredOn(line -> line.endsWith(ScriptedBlockSource.EIO))
        .containsExactly("block " + BLOCK + " " + BLOCK + " " + ScriptedBlockSource.EIO,
            "unit " + bad + " " + UNIT + " " + ScriptedBlockSource.EIO);
    assertThat(acquired.badSectors().ranges()).containsExactly(new SectorRange(bad / SECTOR, UNIT / SECTOR));
  }

  @Test
  void read_badUnitsAtLba0AndTheLastUnit_recordedLikeAnyOther() throws SourceAccessException {
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT).failing(0, UNIT).failing(SIZE - UNIT, UNIT);

    Acquired acquired = readAll(source, 1);

    assertThat(acquired.badSectors().ranges()).containsExactly(new SectorRange(0, UNIT / SECTOR),
        new SectorRange((SIZE - UNIT) / SECTOR, UNIT / SECTOR));
    assertThat(acquired.badSectors().sectorCount()).isEqualTo(2 * UNIT / SECTOR);
  }

  @Test
  void read_badUnitsAcrossABlockBoundary_oneMergedRange() throws SourceAccessException {
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT).failing(BLOCK - UNIT, 3 * UNIT);

    Acquired acquired = readAll(source, 1);

    assertThat(acquired.badSectors().ranges()).containsExactly(new SectorRange((BLOCK - UNIT) / SECTOR, 3 * UNIT / SECTOR));
  }

  @Test
  void read_lastUnitShorterThanAUnit_onlyItsSectorsRecorded() throws SourceAccessException {
    int size = SIZE + 3 * SECTOR;
    ScriptedBlockSource source = new ScriptedBlockSource(content(size), SECTOR, UNIT).failing(SIZE, 3 * SECTOR);

    Acquired acquired = readAll(source, 1);

    assertThat(acquired.badSectors().ranges()).containsExactly(new SectorRange(SIZE / SECTOR, 3));
    assertThat(Arrays.copyOfRange(acquired.image(), SIZE, size)).containsOnly(0);
  }

  @Test
  void read_sizeNotAWholeSector_partSectorAtTheEndRecordedAsOneSector() throws SourceAccessException {
    int size = SIZE + 100;
    ScriptedBlockSource source = new ScriptedBlockSource(content(size), SECTOR, UNIT).failing(SIZE, 100);

    Acquired acquired = readAll(source, 0);

    assertThat(acquired.badSectors().ranges()).containsExactly(new SectorRange(SIZE / SECTOR, 1));
  }

  @Test
  void read_badRegionWhileEarlierUnitsStillRead_probesTheLatestGoodUnitAndGoesOn() throws SourceAccessException {
    long bad = 2L * BLOCK + UNIT;
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT).failing(bad, UNIT);

    readAll(source, 0);

    // The block failed: before trying again, the latest unit that read fine (the block before's first) is read.
    int failedBlock = source.log().indexOf("block " + 2L * BLOCK + " " + BLOCK + " " + ScriptedBlockSource.EIO);
    assertThat(source.log().get(failedBlock + 1)).isEqualTo("unit " + BLOCK + " " + UNIT + " ok");
  }

  @Test
  void read_latestGoodUnitFailsButTheFirstReads_aBadRegionNotALostDrive() throws SourceAccessException {
    // Blocks 0 and 1 read fine (good units at 0 and at BLOCK); then everything from BLOCK on fails.
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT).failingAfter(2, BLOCK, SIZE - BLOCK);

    Acquired acquired = readAll(source, 1);

    assertThat(source.log().subList(2, 6)).as("the failed block, then the latest good unit twice, then the first").containsExactly(
        "block " + 2L * BLOCK + " " + BLOCK + " " + ScriptedBlockSource.EIO,
        "unit " + BLOCK + " " + UNIT + " " + ScriptedBlockSource.EIO,
        "unit " + BLOCK + " " + UNIT + " " + ScriptedBlockSource.EIO,
        "unit 0 " + UNIT + " ok");
    assertThat(acquired.badSectors().ranges()).containsExactly(new SectorRange(2L * BLOCK / SECTOR, (SIZE - 2L * BLOCK) / SECTOR));
    assertThat(Arrays.copyOfRange(acquired.image(), 0, 2 * BLOCK)).isEqualTo(Arrays.copyOfRange(CONTENT, 0, 2 * BLOCK));
  }

  @Test
  void read_deviceGoneMidway_reportedLostNotBad() throws SourceAccessException {
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT).vanishingAfter(2);

    assertThatThrownBy(() -> readAll(source, 3))
        .isInstanceOf(SourceAccessException.class)
        .hasMessage("source /dev/scripted stopped answering at byte " + 2L * BLOCK + ": sectors that read fine before (at bytes 0"
            + " and " + BLOCK + ") now fail too (Input/output error), so the drive is gone (removed, reset or disconnected), not"
            + " damaged");
    assertThat(source.log()).as("no retries and no unit-by-unit reading of a lost drive: one failed read, then the probes")
        .hasSize(2 + 1 + 2 * 4);
  }

  @Test
  void read_lostWhileReadingUnitByUnit_noBadSectorOfTheBlockRecorded() {
    long bad = BLOCK + UNIT;
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT).failing(bad, UNIT)
        // block 0; block 1 fails, probe; unit 0 reads, unit 1 fails, probe: then the drive goes.
        .vanishingAfter(7);
    BadSectorMap badSectors = new BadSectorMap();
    SourceBlockReader reader = new SourceBlockReader(source, 0, badSectors);
    byte[] block = new byte[BLOCK];

    assertThatThrownBy(() -> {
      reader.read(0, block, BLOCK);
      reader.read(BLOCK, block, BLOCK);
    }).isInstanceOf(SourceAccessException.class).hasMessageContaining("stopped answering at byte " + BLOCK + ":");
    assertThat(source.log().get(4)).as("the bad unit was found").isEqualTo("unit " + bad + " " + UNIT + " "
        + ScriptedBlockSource.EIO);
    assertThat(badSectors.ranges()).as("the block is not acquired, nor its bad sectors").isEmpty();
  }

  @Test
  void read_goneKindOfFailure_stopsAtOnceWithoutRetry() {
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT).failingWith(BLOCK, UNIT, "No such device or address");

    assertThatThrownBy(() -> readAll(source, 5))
        .isInstanceOf(SourceAccessException.class)
        .hasMessage("source /dev/scripted is gone at byte " + BLOCK + ": No such device or address");
    assertThat(source.readsTouching(BLOCK, BLOCK)).isEqualTo(1);
  }

  @Test
  void read_goneKindOfFailureOfAUnit_namesTheUnit() {
    long unit = 2L * BLOCK + 3 * UNIT;
    // The block's three tries fail with EIO from the unit before (a flaky one), then that unit reads
    // and the next one's read says the file system serving the source is gone.
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT).failingTimes(unit - UNIT, UNIT, 3)
        .failingWith(unit, UNIT, "Transport endpoint is not connected");

    assertThatThrownBy(() -> readAll(source, 2))
        .isInstanceOf(SourceAccessException.class)
        .hasMessage("source /dev/scripted is gone at byte " + unit + ": Transport endpoint is not connected");
    assertThat(source.log()).filteredOn(line -> line.startsWith("unit " + unit + " ")).as("not tried again").hasSize(1);
  }

  @Test
  void read_nodeGoneAfterAFailure_reportedGoneWithWhatChangedNoRetry() {
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT).vanishingAfter(1)
        .showingOnceVanished("its size is now 0 bytes, was " + SIZE + " bytes");

    assertThatThrownBy(() -> readAll(source, 3))
        .isInstanceOf(SourceAccessException.class)
        .hasMessage("source /dev/scripted is gone at byte " + BLOCK + ": its size is now 0 bytes, was " + SIZE + " bytes");
    assertThat(source.log()).hasSize(2);
  }

  @Test
  void read_failingBeforeAnyUnitReadFine_nothingToCompareWithSoRecordedBad() throws SourceAccessException {
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT).vanishingAfter(0);
    BadSectorMap badSectors = new BadSectorMap();
    byte[] block = new byte[BLOCK];
    Arrays.fill(block, (byte) 1);

    new SourceBlockReader(source, 1, badSectors).read(0, block, BLOCK);

    assertThat(badSectors.ranges()).containsExactly(new SectorRange(0, BLOCK / SECTOR));
    assertThat(block).containsOnly(0);
  }

  @Test
  void read_sourceEndsBeforeItsSize_stopsNamingWhereItEnded() {
    long end = 3L * BLOCK + 1000;
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT).endingAt(end);

    assertThatThrownBy(() -> readAll(source, 3))
        .isInstanceOf(SourceAccessException.class)
        .hasMessage("source /dev/scripted ended at byte " + end + " although its size is " + SIZE
            + " bytes: it changed during the acquisition");
    assertThat(source.readsTouching(3L * BLOCK, BLOCK)).as("not tried again").isEqualTo(1);
  }

  @Test
  void read_sourceEndsWithinAUnitReadUnitByUnit_stopsNamingWhereItEnded() {
    long end = BLOCK + 2 * UNIT + 512;
    ScriptedBlockSource source = new ScriptedBlockSource(CONTENT, SECTOR, UNIT).failing(BLOCK, UNIT).endingAt(end);

    assertThatThrownBy(() -> readAll(source, 0))
        .isInstanceOf(SourceAccessException.class)
        .hasMessageStartingWith("source /dev/scripted ended at byte " + end + " although its size is " + SIZE + " bytes");
  }

  private static byte[] content(int size) {
    byte[] bytes = new byte[size];
    new Random(17).nextBytes(bytes);
    return bytes;
  }
}
