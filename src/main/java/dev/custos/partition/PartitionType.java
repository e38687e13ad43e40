package dev.custos.partition;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The type of a partition as its table records it: an MBR type byte ({@code 0x07}) or a GPT type
 * GUID (upper case, as sfdisk and Windows print it), with a name for the common ones.
 *
 * @param code {@code 0x} and two lower-case hex digits, or a GUID
 * @param name what it is, or {@code "unknown"}
 */
public record PartitionType(String code, String name) {
  /** The name of a type not in the tables below. */
  public static final String UNKNOWN = "unknown";

  private static final Map<Integer, String> MBR_NAMES = Map.ofEntries(
      Map.entry(0x01, "FAT12"), Map.entry(0x04, "FAT16 (< 32 MiB)"), Map.entry(0x05, "extended"),
      Map.entry(0x06, "FAT16"), Map.entry(0x07, "NTFS/exFAT"), Map.entry(0x0b, "FAT32"), Map.entry(0x0c, "FAT32 (LBA)"),
      Map.entry(0x0e, "FAT16 (LBA)"), Map.entry(0x0f, "extended (LBA)"), Map.entry(0x27, "Windows recovery"),
      Map.entry(0x82, "Linux swap"), Map.entry(0x83, "Linux"), Map.entry(0x85, "Linux extended"), Map.entry(0x8e, "Linux LVM"),
      Map.entry(0xa5, "FreeBSD"), Map.entry(0xa8, "Apple UFS"), Map.entry(0xaf, "Apple HFS/HFS+"),
      Map.entry(0xee, "GPT protective"), Map.entry(0xef, "EFI System"), Map.entry(0xfd, "Linux RAID"));

  private static final Map<String, String> GPT_NAMES = Map.ofEntries(
      Map.entry("C12A7328-F81F-11D2-BA4B-00A0C93EC93B", "EFI System"),
      Map.entry("EBD0A0A2-B9E5-4433-87C0-68B6B72699C7", "Microsoft basic data"),
      Map.entry("E3C9E316-0B5C-4DB8-817D-F92DF00215AE", "Microsoft reserved"),
      Map.entry("DE94BBA4-06D1-4D40-A16A-BFD50179D6AC", "Windows recovery environment"),
      Map.entry("5808C8AA-7E8F-42E0-85D2-E1E90434CFB3", "Windows LDM metadata"),
      Map.entry("AF9B60A0-1431-4F62-BC68-3311714A69AD", "Windows LDM data"),
      Map.entry("0FC63DAF-8483-4772-8E79-3D69D8477DE4", "Linux filesystem"),
      Map.entry("0657FD6D-A4AB-43C4-84E5-0933C84B4F4F", "Linux swap"),
      Map.entry("E6D6D379-F507-44C2-A23C-238F2A3DF928", "Linux LVM"),
      Map.entry("A19D880F-05FC-4D3B-A006-743F0F84911E", "Linux RAID"),
      Map.entry("4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709", "Linux root (x86-64)"),
      Map.entry("BC13C2FF-59E6-4262-A352-B275FD6F7172", "Linux extended boot"),
      Map.entry("21686148-6449-6E6F-744E-656564454649", "BIOS boot"),
      Map.entry("48465300-0000-11AA-AA11-00306543ECAC", "Apple HFS+"),
      Map.entry("7C3457EF-0000-11AA-AA11-00306543ECAC", "Apple APFS"),
      Map.entry("516E7CB4-6ECF-11D6-8FF8-00022D09712B", "FreeBSD UFS"));

  /** @throws IllegalArgumentException if the code is blank */
  public PartitionType {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    if (code.isBlank()) {
      throw new IllegalArgumentException("a partition type needs a code");
    }
  }

  /** The type of MBR type byte {@code value} (0–255). */
  public static PartitionType mbr(int value) {
    if (value < 0 || value > 0xff) {
      throw new IllegalArgumentException("an MBR type is one byte, got " + value);
    }
    return new PartitionType(String.format(Locale.ROOT, "0x%02x", value), MBR_NAMES.getOrDefault(value, UNKNOWN));
  }

  /** The type of GPT type GUID {@code guid} (any case). */
  public static PartitionType gpt(String guid) {
    String upper = guid.toUpperCase(Locale.ROOT);
    return new PartitionType(upper, GPT_NAMES.getOrDefault(upper, UNKNOWN));
  }

  /** Whether this MBR type is an extended partition, a container of logical ones. */
  boolean isExtended() {
    return code.equals("0x05") || code.equals("0x0f") || code.equals("0x85");
  }

  /** The code and its name, as a reader sees it: {@code 0x07 NTFS/exFAT}. */
  @Override
  public String toString() {
    return code + " " + name;
  }
}
