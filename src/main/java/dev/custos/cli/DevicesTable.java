package dev.custos.cli;

import dev.custos.source.BlockDevice;
import dev.custos.source.DeviceListing;
import dev.custos.source.HiddenAreas;
import dev.custos.source.Mount;
import dev.custos.source.Partition;
import dev.custos.source.SourceIdentity;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of {@code acquire devices}: one row a device in fixed-width columns (as wide as their
 * widest value: nothing is cut short), then under each device its node, backing file, holders,
 * partitions with their mounts, and its HPA/DCO state. Unknown text is {@code -}. Control
 * characters in names are shown as {@code \ooo}, as mountinfo writes them, so that a crafted
 * label cannot forge a line.
 */
final class DevicesTable {
  private static final String[] HEADERS = {
      "DEVICE", "SIZE (BYTES)", "SIZE", "LOG-SEC", "PHY-SEC", "RM", "ROT", "RO", "VENDOR", "MODEL", "SERIAL"};
  /** Which columns hold numbers, aligned right, header and all. */
  private static final boolean[] NUMERIC = {false, true, true, true, true, true, true, true, false, false, false};
  private static final String GAP = "  ";

  private DevicesTable() {}

  /** The listing as text, each line ending in {@code \n}. */
  static String render(DeviceListing listing) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADERS);
    for (BlockDevice device : listing.devices()) {
      rows.add(row(device.identity()));
    }
    int[] widths = widths(rows);

    StringBuilder out = new StringBuilder();
    line(out, HEADERS, widths);
    for (int i = 0; i < listing.devices().size(); i++) {
      line(out, rows.get(i + 1), widths);
      details(out, listing.devices().get(i));
    }
    summary(out, listing);
    return out.toString();
  }

  private static String[] row(SourceIdentity identity) {
    return new String[] {
        printable(identity.path().toString()),
        Long.toString(identity.sizeBytes()),
        DecimalSize.of(identity.sizeBytes()),
        Integer.toString(identity.logicalSectorSize()),
        Integer.toString(identity.physicalSectorSize()),
        flag(identity.removable()),
        flag(identity.rotational()),
        flag(identity.kernelReadOnly()),
        text(identity.vendor()),
        text(identity.model()),
        text(identity.serial())};
  }

  private static void details(StringBuilder out, BlockDevice device) {
    SourceIdentity identity = device.identity();
    if (!device.nodePresent()) {
      out.append("  no device node: ").append(printable(identity.path().toString())).append(" does not exist here\n");
    }
    if (identity.backingFile() != null) {
      out.append("  backing file: ").append(printable(identity.backingFile())).append('\n');
    }
    if (!device.holders().isEmpty()) {
      out.append("  in use by: ").append(printable(String.join(", ", device.holders()))).append('\n');
    }
    for (Mount mount : device.ownMounts()) {
      out.append("  ").append(describe(mount)).append('\n');
    }
    for (Partition partition : device.partitions()) {
      out.append("  partition ").append(partition.number())
          .append("  ").append(printable(partition.path().toString()))
          .append(partition.nodePresent() ? "" : " (no device node)")
          .append("  start LBA ").append(partition.startLba(identity.logicalSectorSize()))
          .append("  size ").append(partition.sizeBytes()).append(" bytes (").append(DecimalSize.of(partition.sizeBytes()))
          .append(")  RO ").append(flag(partition.kernelReadOnly()))
          .append('\n');
      if (!partition.holders().isEmpty()) {
        out.append("    in use by: ").append(printable(String.join(", ", partition.holders()))).append('\n');
      }
      if (partition.mounts().isEmpty()) {
        out.append("    not mounted\n");
      }
      for (Mount mount : partition.mounts()) {
        out.append("    ").append(describe(mount)).append('\n');
      }
    }
    HiddenAreas hidden = identity.hiddenAreas();
    out.append("  HPA/DCO: ").append(printable(hidden.describe())).append('\n');
    if (hidden.available()) {
      out.append("    ").append(printable(hidden.detail())).append('\n');
    }
  }

  private static String describe(Mount mount) {
    return "mounted at " + printable(mount.mountPoint()) + " (" + printable(mount.fileSystemType()) + ", "
        + (mount.readOnly() ? "ro" : "rw") + ")";
  }

  private static void summary(StringBuilder out, DeviceListing listing) {
    int listed = listing.devices().size();
    out.append('\n').append(listed).append(listed == 1 ? " device" : " devices").append(" with a medium");
    List<String> empty = listing.withoutMedium();
    if (!empty.isEmpty()) {
      out.append("; ").append(empty.size()).append(empty.size() == 1 ? " device" : " devices")
          .append(" without medium (size 0) not listed: ").append(printable(String.join(", ", empty)));
    }
    out.append('\n');
  }

  private static int[] widths(List<String[]> rows) {
    int[] widths = new int[HEADERS.length];
    for (String[] row : rows) {
      for (int column = 0; column < row.length; column++) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    return widths;
  }

  private static void line(StringBuilder out, String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < cells.length; column++) {
      if (column > 0) {
        line.append(GAP);
      }
      String padding = " ".repeat(widths[column] - cells[column].length());
      line.append(NUMERIC[column] ? padding + cells[column] : cells[column] + padding);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static String flag(boolean value) {
    return value ? "1" : "0";
  }

  private static String text(String value) {
    return value == null ? "-" : printable(value);
  }

  /**
   * {@code text} with control characters (and backslash, to stay unambiguous) written as a
   * backslash and three octal digits, and invisible format characters (such as a right-to-left
   * override) as a backslash, {@code u} and four hex digits.
   */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\\') {
        out.append('\\').append((char) ('0' + ((c >> 6) & 3))).append((char) ('0' + ((c >> 3) & 7)))
            .append((char) ('0' + (c & 7)));
      } else if (Character.getType(c) == Character.FORMAT) {
        String hex = Integer.toHexString(c);
        out.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
