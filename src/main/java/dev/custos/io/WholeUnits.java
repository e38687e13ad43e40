package dev.custos.io;

/**
 * The refusal of a size that is not a whole number of units (sectors, or the 4096 bytes of a direct
 * read). Custos refuses such a size rather than rounding it: the size the manifest records is the
 * size the examiner typed, and the refusal names the nearest sizes that would do, so the examiner
 * chooses. Stateless.
 */
public final class WholeUnits {
  private WholeUnits() {}

  /**
   * Whether {@code size} is a positive whole number of {@code unit}s.
   *
   * @throws IllegalArgumentException if {@code unit} is not positive
   */
  public static boolean fits(long size, long unit) {
    requirePositive(unit);
    return size > 0 && size % unit == 0;
  }

  /**
   * The sentence refusing {@code size}, for instance {@code segment size 650000000 bytes is not a whole
   * number of 512-byte sectors: say 649999872 or 650000384}. The smaller choice is left out when it
   * would be 0, the larger when it would exceed {@code max} (a size above {@code max} that fits is the
   * caller's to refuse).
   *
   * @param what what the size is, {@code segment size}
   * @param units what a unit is, {@code 512-byte sectors}
   * @param max the largest size allowed
   * @throws IllegalArgumentException if {@code unit} is not positive or {@code size} fits
   */
  public static String refusal(String what, long size, long unit, String units, long max) {
    requirePositive(unit);
    if (fits(size, unit)) {
      throw new IllegalArgumentException(size + " is a whole number of " + unit + "-byte units");
    }
    if (size <= 0) {
      return what + " must be positive, got " + size;
    }
    long below = size - size % unit;
    long above = below > Long.MAX_VALUE - unit ? -1 : below + unit;
    StringBuilder choices = new StringBuilder();
    if (below > 0) {
      choices.append(below);
    }
    if (above > 0 && above <= max) {
      choices.append(choices.length() > 0 ? " or " : "").append(above);
    }
    String sentence = what + " " + size + " bytes is not a whole number of " + units;
    return choices.length() == 0 ? sentence : sentence + ": say " + choices;
  }

  private static void requirePositive(long unit) {
    if (unit <= 0) {
      throw new IllegalArgumentException("unit must be positive, got " + unit);
    }
  }
}
