package dev.custos.partition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a GPT: the primary header at LBA 1 and the backup at the last LBA, each checked against
 * its CRC32s, the two compared; the partitions from the primary, or from the backup when only the
 * backup checks out. Stateless.
 */
final class Gpt {
  static final byte[] SIGNATURE = "EFI PART".getBytes(StandardCharsets.US_ASCII);

  private Gpt() {}

  static PartitionTable read(Media media, int sectorSize, List<String> findings) throws IOException {
    long lastLba = media.size() / sectorSize - 1;
    Optional<GptHeader> primary = media.readableBytes() >= 2L * sectorSize
        ? GptHeader.at(media, 1, sectorSize, "primary") : Optional.empty();
    byte[] primaryEntries = checked(primary, media, sectorSize, findings);
    if (primary.isEmpty()) {
      findings.add("primary GPT header missing (no \"EFI PART\" at LBA 1)");
    } else if (primary.get().alternateLba() != lastLba) {
      findings.add("the primary GPT header places its backup at LBA " + primary.get().alternateLba()
          + ", but the media's last LBA is " + lastLba);
    }
    Optional<GptHeader> backup = Optional.empty();
    byte[] backupEntries = null;
    if (media.readableBytes() < media.size()) {
      findings.add("backup GPT header not checked: only the first " + media.readableBytes() + " bytes of the media were read");
    } else if (lastLba > 1) {
      backup = GptHeader.at(media, lastLba, sectorSize, "backup");
      backupEntries = checked(backup, media, sectorSize, findings);
      if (backup.isEmpty()) {
        findings.add("backup GPT header missing (no \"EFI PART\" at the last LBA, " + lastLba + ")");
      }
    }
    if (primaryEntries != null && backupEntries != null) {
      compare(primary.get(), backup.get(), findings);
    }
    GptHeader source;
    byte[] entries;
    if (primaryEntries != null || backupEntries == null) {
      source = primary.orElse(null);
      entries = primaryEntries != null ? primaryEntries : primary.isPresent() && primary.get().plausibleEntries()
          ? primary.get().entries(media, sectorSize) : null;
    } else {
      findings.add("partitions read from the backup GPT: the primary does not check out");
      source = backup.get();
      entries = backupEntries;
    }
    List<Partition> partitions = source == null || entries == null ? List.of()
        : partitions(source, entries, sectorSize, findings);
    for (Partition partition : partitions) {
      if (partition.firstLba() < source.firstUsableLba() || partition.endLba() - 1 > source.lastUsableLba()) {
        findings.add("partition " + partition.number() + " lies outside the usable LBAs " + source.firstUsableLba() + "–"
            + source.lastUsableLba());
      }
    }
    Extents.check(partitions, lastLba + 1, findings);
    return new PartitionTable(PartitionScheme.GPT, sectorSize, source == null ? "" : source.diskGuid(), partitions, findings);
  }

  /**
   * The entry array of {@code header} when the header and the array both check out against their
   * CRC32s; null otherwise, with the findings saying why.
   */
  private static byte[] checked(Optional<GptHeader> read, Media media, int sectorSize, List<String> findings) throws IOException {
    if (read.isEmpty()) {
      return null;
    }
    GptHeader header = read.get();
    boolean good = true;
    if (!header.headerCrcMatches()) {
      findings.add(header.where() + " GPT header CRC mismatch (recorded " + Bytes.hex32(header.headerCrcRecorded())
          + ", computed " + Bytes.hex32(header.headerCrcComputed()) + ")");
      good = false;
    }
    if (header.myLba() != header.lba()) {
      findings.add(header.where() + " GPT header at LBA " + header.lba() + " says it is at LBA " + header.myLba());
    }
    if (!header.plausibleEntries()) {
      findings.add(header.where() + " GPT header gives an implausible partition entry array (" + header.entryCount()
          + " entries of " + header.entrySize() + " bytes)");
      return null;
    }
    byte[] entries = header.entries(media, sectorSize);
    if (entries == null) {
      findings.add(header.where() + " GPT partition entry array at LBA " + header.entriesLba() + " lies past what was read");
      return null;
    }
    long computed = GptHeader.crc(entries);
    if (computed != header.entriesCrcRecorded()) {
      findings.add(header.where() + " GPT partition entry array CRC mismatch (recorded "
          + Bytes.hex32(header.entriesCrcRecorded()) + ", computed " + Bytes.hex32(computed) + ")");
      good = false;
    }
    return good ? entries : null;
  }

  private static void compare(GptHeader primary, GptHeader backup, List<String> findings) {
    if (!primary.diskGuid().equals(backup.diskGuid())) {
      findings.add("backup GPT header differs from the primary: disk GUID " + backup.diskGuid() + ", not " + primary.diskGuid());
    }
    if (primary.entriesCrcRecorded() != backup.entriesCrcRecorded()) {
      findings.add("backup GPT partition entries differ from the primary's (CRC32 " + Bytes.hex32(backup.entriesCrcRecorded())
          + ", not " + Bytes.hex32(primary.entriesCrcRecorded()) + ")");
    }
  }

  /** The used entries of the array (an entry whose type GUID is all zeros is unused). */
  private static List<Partition> partitions(GptHeader header, byte[] entries, int sectorSize, List<String> findings) {
    List<Partition> partitions = new ArrayList<>();
    int size = (int) header.entrySize();
    for (int index = 0; index < header.entryCount(); index++) {
      int at = index * size;
      if (Bytes.allZero(entries, at, 16)) {
        continue;
      }
      long first = Bytes.u64(entries, at + 32);
      long last = Bytes.u64(entries, at + 40);
      if (first < 0 || last < first || last >= Long.MAX_VALUE / sectorSize) {
        findings.add("partition " + (index + 1) + " has an impossible extent, LBA " + Long.toUnsignedString(first) + " to "
            + Long.toUnsignedString(last) + ": it is left out");
        continue;
      }
      partitions.add(new Partition(index + 1, first, last - first + 1, sectorSize, PartitionType.gpt(Bytes.guid(entries, at)),
          name(entries, at + 56), Bytes.guid(entries, at + 16)));
    }
    return partitions;
  }

  /** The entry's name: up to 36 UTF-16LE code units, ending at the first NUL. */
  private static String name(byte[] entries, int at) {
    int length = 0;
    while (length < 72 && (entries[at + length] != 0 || entries[at + length + 1] != 0)) {
      length += 2;
    }
    return new String(entries, at, length, StandardCharsets.UTF_16LE);
  }
}
