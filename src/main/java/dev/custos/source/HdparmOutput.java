package dev.custos.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code hdparm -N} and {@code hdparm --dco-identify} print. Only a well-formed,
 * plausible answer is taken; anything else is {@link NotAnswered} with the reason, never a guess.
 *
 * <p>The formats, from hdparm 9.x: {@code -N} prints {@code " max sectors   = VISIBLE/NATIVE, HPA
 * is enabled"} (or {@code disabled}; {@code ACCESSIBLE MAX ADDRESS enabled/disabled} on an ACS-3
 * drive; {@code HPA setting seems invalid} when visible exceeds native), and nothing after the
 * device name when the device does not answer ATA commands. {@code --dco-identify} prints
 * {@code "\tReal max sectors: N"} among the DCO features, optionally after {@code DCO Checksum
 * verified.} or {@code DCO Checksum FAILED!}. Both may print an error and still exit 0.
 */
final class HdparmOutput {
  private static final Pattern MAX_SECTORS =
      Pattern.compile("^\\s*max sectors\\s*=\\s*(\\d+)/(\\d+)(.*)$", Pattern.MULTILINE);
  private static final Pattern REAL_MAX_SECTORS =
      Pattern.compile("^\\s*Real max sectors:\\s*(\\d+)\\s*$", Pattern.MULTILINE);

  private HdparmOutput() {}

  /**
   * What {@code hdparm -N} said.
   *
   * @param visible sectors the drive shows the host (IDENTIFY DEVICE)
   * @param nativeMax sectors the drive has below any HPA (READ NATIVE MAX ADDRESS)
   * @param accessibleMaxAddress whether the drive uses ACS-3's ACCESSIBLE MAX ADDRESS, the
   *     successor of the HPA
   */
  record MaxSectors(long visible, long nativeMax, boolean accessibleMaxAddress) {
    MaxSectors {
      if (visible < 1 || nativeMax < visible) {
        throw new IllegalArgumentException("max sectors must be 1 <= visible <= native, got " + visible + "/" + nativeMax);
      }
    }

    long hiddenSectors() {
      return nativeMax - visible;
    }
  }

  /** The drive's answer could not be read or is not plausible; the message says why, on one line. */
  static final class NotAnswered extends Exception {
    private static final long serialVersionUID = 1L;

    NotAnswered(String reason) {
      super(reason);
    }
  }

  /**
   * Parses the output of {@code hdparm -N DEVICE}.
   *
   * @throws NotAnswered if it holds no max sectors, reports bad sense data (a bridge that does not
   *     pass the command answers with garbage such as {@code 0/1}), or an invalid setting
   */
  static MaxSectors maxSectors(String output) throws NotAnswered {
    if (output.contains("bad/missing sense data")) {
      throw new NotAnswered("the drive (or its bridge) returned bad/missing sense data; its answer is not trusted");
    }
    Matcher matcher = MAX_SECTORS.matcher(output);
    if (!matcher.find()) {
      throw new NotAnswered("no 'max sectors' in its output (" + gist(output) + ")");
    }
    long visible = parseCount(matcher.group(1));
    long nativeMax = parseCount(matcher.group(2));
    String rest = matcher.group(3);
    if (rest.contains("seems invalid") || visible > nativeMax || visible < 1) {
      throw new NotAnswered("it reports an invalid setting, " + visible + "/" + nativeMax
          + " visible/native sectors; the answer is not trusted");
    }
    return new MaxSectors(visible, nativeMax, rest.contains("ACCESSIBLE MAX ADDRESS"));
  }

  /**
   * Parses the output of {@code hdparm --dco-identify DEVICE}: the real max sectors, the size of
   * the drive below any DCO.
   *
   * @throws NotAnswered if it holds none, or the DCO checksum failed
   */
  static long realMaxSectors(String output) throws NotAnswered {
    if (output.contains("DCO Checksum FAILED")) {
      throw new NotAnswered("the DCO checksum failed; its real max sectors is not trusted");
    }
    Matcher matcher = REAL_MAX_SECTORS.matcher(output);
    if (!matcher.find()) {
      throw new NotAnswered("no 'Real max sectors' in its output (" + gist(output) + ")");
    }
    long real = parseCount(matcher.group(1));
    if (real < 1) {
      throw new NotAnswered("it reports " + real + " real max sectors; the answer is not trusted");
    }
    return real;
  }

  private static long parseCount(String digits) throws NotAnswered {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new NotAnswered("sector count " + digits + " is out of range");
    }
  }

  /**
   * What the output says besides the device name hdparm prints first, on one line: usually the
   * error of a failed ioctl.
   */
  static String gist(String output) {
    StringBuilder gist = new StringBuilder();
    for (String line : output.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || (trimmed.startsWith("/") && trimmed.endsWith(":"))) {
        continue;
      }
      if (gist.length() > 0) {
        gist.append(' ');
      }
      gist.append(trimmed);
    }
    return gist.length() == 0 ? "it printed only the device name" : gist.toString();
  }
}
