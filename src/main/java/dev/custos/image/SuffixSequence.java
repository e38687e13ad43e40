package dev.custos.image;

import java.util.List;

/**
 * The suffixes a splitting tool gives the pieces of one image, {@code NAME.SUFFIX}: piece 0 is the
 * first segment. Immutable.
 */
sealed interface SuffixSequence {
  /** Longest suffix considered: keeps every index inside a {@code long}. */
  int MAX_WIDTH = 12;

  /** The suffix of piece {@code index}, or null when the tool has no name that far (it stops there). */
  String suffix(long index);

  /** The index of {@code suffix} in this sequence, or -1 when the tool never gives that name. */
  long indexOf(String suffix);

  /**
   * The sequences a first segment named {@code NAME.suffix} may begin, more than one when tools
   * agree on the first names and part later: empty when no tool begins a set with that suffix.
   */
  static List<SuffixSequence> beginningWith(String suffix) {
    int width = suffix.length();
    if (width < 2 || width > MAX_WIDTH) {
      return List.of();
    }
    if (suffix.chars().allMatch(c -> c >= '0' && c <= '9')) {
      String zeros = suffix.substring(0, width - 1);
      if (!zeros.chars().allMatch(c -> c == '0')) {
        return List.of();
      }
      char last = suffix.charAt(width - 1);
      if (last != '0' && last != '1') {
        return List.of();
      }
      if (suffix.equals("00")) {
        // split -d: 00 … 89, 9000 …; split -d -a 2: 00 … 99.
        return List.of(new Widening('0', 10), new Numbered(2, 0));
      }
      return List.of(new Numbered(width, last - '0'));
    }
    if (suffix.chars().allMatch(c -> c == 'a')) {
      if (width == 2) {
        // split: aa … yz, zaaa …; split -a 2: aa … zz.
        return List.of(new Widening('a', 26), new Letters(2));
      }
      return List.of(new Letters(width));
    }
    return List.of();
  }

  /**
   * Decimal numbers from {@code start}, zero-padded to {@code width} and growing past it ({@code 999,
   * 1000}), as FTK Imager, Guymager, Custos and {@code split -d -a N --numeric-suffixes=FROM} name
   * them (split stops at the widest number instead of growing; the set then simply ends).
   */
  record Numbered(int width, int start) implements SuffixSequence {
    @Override
    public String suffix(long index) {
      String digits = Long.toString(Math.addExact(start, index));
      return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    @Override
    public long indexOf(String suffix) {
      if (suffix.isEmpty() || suffix.length() > 18 || !suffix.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return -1;
      }
      long index = Long.parseLong(suffix) - start;
      return index >= 0 && suffix(index).equals(suffix) ? index : -1;
    }
  }

  /** Lowercase letters of a fixed width, {@code aaa, aab, … zzz}, as {@code split -a N} names them. */
  record Letters(int width) implements SuffixSequence {
    @Override
    public String suffix(long index) {
      return index < power(26, width) ? digits(index, width, 'a', 26) : null;
    }

    @Override
    public long indexOf(String suffix) {
      return suffix.length() == width ? value(suffix, 'a', 26) : -1;
    }
  }

  /**
   * GNU {@code split}'s automatic widening (no {@code -a}, counting from the first name): two
   * characters while the first is not the last of the alphabet, then one more behind each extra
   * last character: {@code aa … yz, zaaa … zyzz, zzaaaa …}; {@code 00 … 89, 9000 … 9899, 990000 …}.
   */
  record Widening(char zero, int radix) implements SuffixSequence {
    @Override
    public String suffix(long index) {
      long remaining = index;
      for (int extra = 0; 2 * extra + 2 <= MAX_WIDTH; extra++) {
        long count = (radix - 1) * power(radix, extra + 1);
        if (remaining < count) {
          char last = (char) (zero + radix - 1);
          return String.valueOf(last).repeat(extra) + digits(remaining, extra + 2, zero, radix);
        }
        remaining -= count;
      }
      return null;
    }

    @Override
    public long indexOf(String suffix) {
      char last = (char) (zero + radix - 1);
      int extra = 0;
      while (extra < suffix.length() && suffix.charAt(extra) == last) {
        extra++;
      }
      String rest = suffix.substring(extra);
      if (rest.length() != extra + 2 || suffix.length() > MAX_WIDTH) {
        return -1;
      }
      long value = value(rest, zero, radix);
      if (value < 0) {
        return -1;
      }
      long before = 0;
      for (int shorter = 0; shorter < extra; shorter++) {
        before += (radix - 1) * power(radix, shorter + 1);
      }
      return before + value;
    }
  }

  private static long power(int radix, int exponent) {
    long result = 1;
    for (int i = 0; i < exponent; i++) {
      result = Math.multiplyExact(result, radix);
    }
    return result;
  }

  /** {@code value} in {@code width} digits of the alphabet {@code zero, zero + 1, …}. */
  private static String digits(long value, int width, char zero, int radix) {
    char[] out = new char[width];
    long rest = value;
    for (int i = width - 1; i >= 0; i--) {
      out[i] = (char) (zero + rest % radix);
      rest /= radix;
    }
    return new String(out);
  }

  /** The value of {@code text} in the alphabet {@code zero, zero + 1, …}, or -1 when a character is outside it. */
  private static long value(String text, char zero, int radix) {
    long result = 0;
    for (int i = 0; i < text.length(); i++) {
      int digit = text.charAt(i) - zero;
      if (digit < 0 || digit >= radix) {
        return -1;
      }
      result = result * radix + digit;
    }
    return result;
  }
}
