package dev.custos.image.e01;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the chunks of an E01 are compressed, as libewf's compression levels: {@link #NONE} stores
 * every chunk, {@link #EMPTY_BLOCK} compresses only chunks whose bytes are all equal, {@link #FAST}
 * and {@link #BEST} compress every chunk with zlib at level 1 and 9. A compressed chunk is written
 * only when it is smaller than the chunk stored with its Adler-32.
 */
public enum E01Compression {
  /** Every chunk stored. */
  NONE("none"),
  /** Only chunks of one repeated byte compressed (libewf's "empty-block"). */
  EMPTY_BLOCK("empty-block"),
  /** zlib level 1. */
  FAST("fast"),
  /** zlib level 9. */
  BEST("best");

  private final String cliName;

  E01Compression(String cliName) {
    this.cliName = cliName;
  }

  /** The name on the command line and in messages: {@code none}, {@code empty-block}, {@code fast}, {@code best}. */
  public String cliName() {
    return cliName;
  }

  /**
   * The level of that {@linkplain #cliName() command-line name} (case-insensitive).
   *
   * @throws IllegalArgumentException if {@code name} is none of them, naming the valid names
   */
  public static E01Compression fromCliName(String name) {
    for (E01Compression level : values()) {
      if (name != null && level.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return level;
      }
    }
    throw new IllegalArgumentException("unknown E01 compression '" + name + "'; valid: "
        + Arrays.stream(values()).map(E01Compression::cliName).collect(Collectors.joining(", ")));
  }
}
