package dev.custos.image.e01;

/**
 * The extensions EnCase gives the segment files of a set: {@code E01} … {@code E99}, then {@code
 * EAA} … {@code EZZ}, {@code FAA} … up to {@code ZZZ}. Stateless.
 */
public final class SegmentNames {
  /** 99 numbered, then 22 letters (E to Z) × 26 × 26. */
  public static final int MAX_SEGMENTS = 99 + 22 * 26 * 26;

  private SegmentNames() {}

  /**
   * The extension of segment {@code number} (from 1), upper case.
   *
   * @throws IllegalArgumentException if {@code number} is not within 1 and {@link #MAX_SEGMENTS}
   */
  public static String extension(int number) {
    if (number < 1 || number > MAX_SEGMENTS) {
      throw new IllegalArgumentException("an E01 set holds segments 1 to " + MAX_SEGMENTS + " (E01 to ZZZ), not " + number);
    }
    if (number <= 99) {
      return number < 10 ? "E0" + number : "E" + number;
    }
    int rest = number - 100;
    char first = (char) ('E' + rest / (26 * 26));
    char second = (char) ('A' + rest / 26 % 26);
    char third = (char) ('A' + rest % 26);
    return "" + first + second + third;
  }
}
