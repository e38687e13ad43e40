package dev.custos.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Sizes as examiners write them: {@code 4096}, {@code 64MiB}, {@code 2GiB} (binary), {@code 650MB}
 * (decimal). Exact: a size that overflows is refused, never clamped.
 */
final class ByteSizeConverter implements ITypeConverter<Long> {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]i?b?|b)?", Pattern.CASE_INSENSITIVE);

  @Override
  public Long convert(String value) {
    Matcher matcher = SIZE.matcher(value.trim());
    if (!matcher.matches()) {
      throw new TypeConversionException("'" + value + "' is not a size (examples: 4096, 64MiB, 2GiB, 650MB)");
    }
    try {
      long number = Long.parseLong(matcher.group(1));
      String unit = matcher.group(2) == null ? "" : matcher.group(2).toLowerCase(Locale.ROOT);
      return Math.multiplyExact(number, multiplier(unit));
    } catch (ArithmeticException | NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is too large");
    }
  }

  private static long multiplier(String unit) {
    if (unit.isEmpty() || unit.equals("b")) {
      return 1;
    }
    int power = "kmgt".indexOf(unit.charAt(0)) + 1;
    boolean binary = unit.contains("i") || unit.length() == 1;
    long base = binary ? 1024 : 1000;
    long result = 1;
    for (int i = 0; i < power; i++) {
      result = Math.multiplyExact(result, base);
    }
    return result;
  }
}
