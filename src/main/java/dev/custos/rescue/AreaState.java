package dev.custos.rescue;

import java.util.Arrays;

/**
 * Where an area of the source stands in the rescue, as in GNU ddrescue's mapfile: from not yet
 * read, through the phases that close in on a failed area, to read or unreadable.
 */
public enum AreaState {
  /** Not read yet: skipped by the copy phase after a failed read nearby. */
  NON_TRIED("non-tried"),
  /** A read of the area failed in a copy phase; its edges are still to be trimmed. */
  NON_TRIMMED("non-trimmed"),
  /** Between the trimmed edges of a failed area: still to be read sector by sector. */
  NON_SCRAPED("non-scraped"),
  /** Read sector by sector and failed; the retry passes try it again. */
  BAD_SECTOR("bad-sector"),
  /** Read: the bytes are in the image. */
  FINISHED("finished");

  private final String id;

  AreaState(String id) {
    this.id = id;
  }

  /** The name in the progress record and the manifest. */
  public String id() {
    return id;
  }

  /** The state named {@code id}. */
  public static AreaState byId(String id) {
    return Arrays.stream(values()).filter(state -> state.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown area state \"" + id + "\""));
  }
}
