package dev.custos.partition;

/** How a source is partitioned. */
public enum PartitionScheme {
  /** A DOS/MBR partition table in sector 0. */
  MBR("mbr", "MBR (DOS partition table)"),
  /** A GUID partition table: a protective MBR, headers at LBA 1 and the last LBA. */
  GPT("gpt", "GPT (GUID partition table)"),
  /** No partition table recognised: a file system from sector 0, an empty or unknown source. */
  NONE("none", "no partition table found");

  private final String id;
  private final String title;

  PartitionScheme(String id, String title) {
    this.id = id;
    this.title = title;
  }

  /** The manifest's name of it. */
  public String id() {
    return id;
  }

  /** Its name for a reader. */
  public String title() {
    return title;
  }

  /**
   * The scheme of {@code id}.
   *
   * @throws IllegalArgumentException if no scheme has that id
   */
  public static PartitionScheme ofId(String id) {
    for (PartitionScheme scheme : values()) {
      if (scheme.id.equals(id)) {
        return scheme;
      }
    }
    throw new IllegalArgumentException("unknown partition scheme '" + id + "'");
  }
}
