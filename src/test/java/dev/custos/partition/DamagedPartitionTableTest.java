package dev.custos.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A damaged or missing table is a finding in what is read, never an exception. */
class DamagedPartitionTableTest {
  private static final ByteMedia GPT = ByteMedia.fixture("gpt-512");
  private static final ByteMedia MBR = ByteMedia.fixture("mbr-512");
  private static final long LAST_LBA = GPT.size() / 512 - 1;

  @Test
  void read_flippedByteInPrimaryGptHeader_findsCrcMismatchAndReadsTheBackup() throws IOException {
    PartitionTable table = PartitionTableReader.read(GPT.flipped(512 + 40), 512); // FirstUsableLBA

    assertThat(table.scheme()).isEqualTo(PartitionScheme.GPT);
    assertThat(table.findings()).anySatisfy(f -> assertThat(f).startsWith("primary GPT header CRC mismatch (recorded 0x"))
        .contains("partitions read from the backup GPT: the primary does not check out");
    assertThat(table.partitions()).hasSize(4);
  }

  @Test
  void read_flippedByteInPrimaryEntries_findsEntriesCrcMismatch() throws IOException {
    PartitionTable table = PartitionTableReader.read(GPT.flipped(1024 + 56), 512); // first entry's name

    assertThat(table.findings()).anySatisfy(f -> assertThat(f).startsWith("primary GPT partition entry array CRC mismatch"));
    assertThat(table.partitions()).first().extracting(Partition::name).isEqualTo("EFI system");
  }

  @Test
  void read_bothGptHeadersDamaged_readsThePrimaryAnywayAndSaysSo() throws IOException {
    ByteMedia media = GPT.flipped(512 + 40).flipped(LAST_LBA * 512 + 40);

    PartitionTable table = PartitionTableReader.read(media, 512);

    assertThat(table.findings()).anySatisfy(f -> assertThat(f).startsWith("primary GPT header CRC mismatch"))
        .anySatisfy(f -> assertThat(f).startsWith("backup GPT header CRC mismatch"));
    assertThat(table.partitions()).hasSize(4);
  }

  @Test
  void read_gptMediaCutShort_backupMissingAndPartitionPastTheEnd() throws IOException {
    PartitionTable table = PartitionTableReader.read(GPT.truncated(7 * 1024 * 1024), 512);

    assertThat(table.findings()).contains(
        "the primary GPT header places its backup at LBA 16383, but the media's last LBA is 14335",
        "backup GPT header missing (no \"EFI PART\" at the last LBA, 14335)");
    PartitionTable shorter = PartitionTableReader.read(GPT.truncated(6 * 1024 * 1024), 512);
    assertThat(shorter.findings()).anySatisfy(f -> assertThat(f).isEqualTo("partition 4 extends past the end of the media (it ends at LBA 14335, the media's last LBA is 12287)"));
  }

  @Test
  void read_onlyTheHeadReadable_backupNotCheckedSaysSo() throws IOException {
    PartitionTable table = PartitionTableReader.read(GPT.headOnly(1 << 20), 512);

    assertThat(table.findings()).containsExactly("backup GPT header not checked: only the first 1048576 bytes of the media were read");
    assertThat(table.partitions()).hasSize(4);
  }

  @Test
  void read_gptWithoutProtectiveMbr_findsIt() throws IOException {
    ByteMedia media = GPT.flipped(510);

    PartitionTable table = PartitionTableReader.read(media, 512);

    assertThat(table.scheme()).isEqualTo(PartitionScheme.GPT);
    assertThat(table.findings()).containsExactly("no protective MBR: sector 0 has no boot signature 0x55AA");
  }

  @Test
  void read_mbrPartitionPastTheEnd_findsIt() throws IOException {
    PartitionTable table = PartitionTableReader.read(MBR.truncated(3 * 1024 * 1024), 512);

    assertThat(table.scheme()).isEqualTo(PartitionScheme.MBR);
    assertThat(table.findings()).anySatisfy(f -> assertThat(f)
        .isEqualTo("partition 3 extends past the end of the media (it ends at LBA 7167, the media's last LBA is 6143)"));
  }

  @Test
  void read_fatFloppy_noPartitionTableAndWhy() throws IOException {
    ByteMedia floppy = new ByteMedia(java.nio.file.Files.readAllBytes(Path.of("test-fixtures/floppy-fat12.ima")));

    PartitionTable table = PartitionTableReader.read(floppy, 512);

    assertThat(table.headline()).isEqualTo("no partition table found (sector 0 is the boot sector of a FAT12 file system,"
        + " which fills the source without a partition table)");
  }

  @Test
  void read_zeros_noPartitionTable() throws IOException {
    PartitionTable table = PartitionTableReader.read(new ByteMedia(new byte[4096]), 512);

    assertThat(table.headline()).isEqualTo("no partition table found (sector 0 has no boot signature 0x55AA)");
    assertThat(table.partitions()).isEmpty();
  }

  @Test
  void read_lessThanASector_noPartitionTable() throws IOException {
    assertThat(PartitionTableReader.read(new ByteMedia(new byte[100]), 512).headline())
        .isEqualTo("no partition table found (the media holds less than one sector)");
  }

  @Test
  void read_extendedChainLoopingBack_stopsWithAFinding() throws IOException {
    byte[] bytes = MBR.bytes().clone();
    // The first EBR (LBA 7168) links to the next at the extended partition's start + 0: itself.
    int link = 7168 * 512 + 0x1be + 16 + 8;
    bytes[link] = 0;
    bytes[link + 1] = 0;

    PartitionTable table = PartitionTableReader.read(new ByteMedia(bytes), 512);

    assertThat(table.findings()).contains("the chain of extended boot records loops back to LBA 7168: it is read no further");
    assertThat(table.partitions()).extracting(Partition::number).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void read_hostileGptEntryCount_findingNotAHugeRead() throws IOException {
    byte[] bytes = GPT.bytes().clone();
    bytes[512 + 80 + 3] = (byte) 0x7f; // NumberOfPartitionEntries

    PartitionTable table = PartitionTableReader.read(new ByteMedia(bytes), 512);

    assertThat(table.findings()).anySatisfy(f -> assertThat(f).startsWith("primary GPT header gives an implausible"));
    assertThat(table.partitions()).hasSize(4); // from the backup
  }
}
