package dev.custos.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Sizes as examiners write them, by one rule: IEC units {@code KiB MiB GiB TiB} are powers of 1024,
 * SI units {@code kB MB GB TB} powers of 1000, a bare number is bytes. A bare {@code K M G T} is
 * refused: tools read it both ways (dd and numfmt as 1024, disk vendors as 1000), and a segment or
 * piece size recorded in the manifest must be the one the examiner meant. Exact: a size that
 * overflows is refused, never clamped. Stateless.
 */
final class ByteSizeConverter implements ITypeConverter<Long> {
  /** The rule, as {@code --help} and the README state it. */
  static final String RULE = "KiB, MiB, GiB, TiB are powers of 1024; kB, MB, GB, TB powers of 1000; a bare K, M, G or T is"
      + " refused as ambiguous";
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(?:([kmgt])(i?b|i)?|(b))?", Pattern.CASE_INSENSITIVE);
  private static final String PREFIXES = "kmgt";

  @Override
  public Long convert(String value) {
    Matcher matcher = SIZE.matcher(value.trim());
    if (!matcher.matches()) {
      throw new TypeConversionException("'" + value + "' is not a size (examples: 4096, 64MiB, 2GiB, 650MB)");
    }
    try {
      long number = Long.parseLong(matcher.group(1));
      if (matcher.group(2) == null) {
        return number;
      }
      int power = PREFIXES.indexOf(matcher.group(2).toLowerCase(Locale.ROOT)) + 1;
      if (matcher.group(3) == null) {
        throw new TypeConversionException(ambiguous(value.trim(), number, matcher.group(2), power));
      }
      boolean binary = matcher.group(3).toLowerCase(Locale.ROOT).startsWith("i");
      return Math.multiplyExact(number, pow(binary ? 1024 : 1000, power));
    } catch (ArithmeticException | NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is too large");
    }
  }

  /** {@code '2G' is ambiguous: say 2GiB (2147483648 bytes) or 2GB (2000000000 bytes)}. */
  private static String ambiguous(String value, long number, String prefix, int power) {
    String upper = prefix.toUpperCase(Locale.ROOT);
    String si = upper.equals("K") ? "k" : upper;
    return "'" + value + "' is ambiguous: say " + number + upper + "iB (" + reading(number, 1024, power) + ") or " + number + si
        + "B (" + reading(number, 1000, power) + ")";
  }

  private static String reading(long number, long base, int power) {
    try {
      return Math.multiplyExact(number, pow(base, power)) + " bytes";
    } catch (ArithmeticException e) {
      return "too large";
    }
  }

  private static long pow(long base, int power) {
    long result = 1;
    for (int i = 0; i < power; i++) {
      result = Math.multiplyExact(result, base);
    }
    return result;
  }
}
