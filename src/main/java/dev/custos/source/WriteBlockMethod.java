package dev.custos.source;

/** How the source was protected from writes, as the manifest records it. */
public enum WriteBlockMethod {
  /** The kernel's read-only flag of the device was already set (e.g. {@code losetup -r}, a blocker). */
  KERNEL_READ_ONLY_FLAG("kernel-read-only-flag"),
  /** Custos set the kernel's read-only flag ({@code blockdev --setro}) and checked it took. */
  SET_READ_ONLY("set-read-only"),
  /** The examiner declared a hardware write blocker between drive and workstation. */
  HARDWARE_WRITE_BLOCKER("hardware-write-blocker"),
  /** The source is a file; it is opened for reading only. */
  READ_ONLY_FILE("read-only-file");

  private final String id;

  WriteBlockMethod(String id) {
    this.id = id;
  }

  /** The name the manifest uses. */
  public String id() {
    return id;
  }
}
