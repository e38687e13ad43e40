package dev.custos.source.driveidentity;

/** When a drive was asked: before the first read of a run, or after its last. */
public enum Moment {
  BEFORE("before"),
  AFTER("after");

  private final String id;

  Moment(String id) {
    this.id = id;
  }

  /** The name the manifest and the file names use. */
  public String id() {
    return id;
  }

  /** The moment whose {@link #id} is {@code id}. */
  public static Moment byId(String id) {
    for (Moment moment : values()) {
      if (moment.id.equals(id)) {
        return moment;
      }
    }
    throw new IllegalArgumentException("no moment '" + id + "', only before or after");
  }
}
