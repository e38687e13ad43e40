package dev.custos.source;

/** What a source path is. */
public enum SourceKind {
  /** A whole block device: {@code /dev/sdb}, {@code /dev/nvme0n1}, {@code /dev/loop3}. */
  BLOCK_DEVICE("block-device"),
  /** A partition of a block device: {@code /dev/sdb1}. */
  PARTITION("partition"),
  /** A regular file, such as an image acquired earlier. */
  FILE("file");

  private final String id;

  SourceKind(String id) {
    this.id = id;
  }

  /** The name the manifest uses. */
  public String id() {
    return id;
  }

  public boolean isDevice() {
    return this != FILE;
  }
}
