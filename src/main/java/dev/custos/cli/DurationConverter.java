package dev.custos.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as examiners write them: {@code 45s}, {@code 30m}, {@code 2h}, {@code 1h30m}, or ISO 8601 {@code PT1H30M}. */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern SHORT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  @Override
  public Duration convert(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    Matcher matcher = SHORT.matcher(text);
    try {
      if (!text.isEmpty() && matcher.matches()) {
        return Duration.ofHours(number(matcher.group(1))).plusMinutes(number(matcher.group(2))).plusSeconds(number(matcher.group(3)));
      }
      return Duration.parse(value.trim());
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a duration (examples: 45s, 30m, 2h, 1h30m)");
    }
  }

  private static long number(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }
}
