package dev.custos.image.e01;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The text of the {@code header2} and {@code header} sections as libewf writes them for EnCase 6,
 * and its parsing. Stateless.
 *
 * <p>header2 is UTF-16LE with a byte-order mark, lines ending in LF, three categories (main, srce,
 * sub); dates are POSIX seconds. header is ASCII (a character outside ASCII becomes {@code ?}), lines
 * ending in CR LF, one category; dates are {@code "yyyy M d H m s"}, written here in UTC (libewf
 * uses the acquiring machine's local time; UTC does not depend on where the image is read).
 */
final class HeaderText {
  private HeaderText() {}

  /** The uncompressed header2 text. */
  static String header2(E01CaseFields f) {
    String main = String.join("\t", "a", "c", "n", "e", "t", "md", "sn", "av", "ov", "m", "u", "p", "dc");
    String values = String.join("\t", f.description(), f.caseNumber(), f.evidenceNumber(), f.examiner(), f.notes(),
        "", "", f.toolVersion(), f.operatingSystem(), Long.toString(f.acquired().getEpochSecond()),
        Long.toString(f.systemTime().getEpochSecond()), "0", "");
    // The sources and subjects categories, empty as libewf writes them for a single acquired device.
    return "3\nmain\n" + main + "\n" + values + "\n\n"
        + "srce\n0\t1\np\tn\tid\tev\ttb\tlo\tpo\tah\tgu\taq\n0\t0\n\t\t\t\t\t-1\t-1\t\t\t\n\n"
        + "sub\n0\t1\np\tn\tid\tnu\tco\tgu\n0\t0\n\t\t\t\t1\t\n\n";
  }

  /** The uncompressed header text. */
  static String header(E01CaseFields f) {
    String values = String.join("\t", f.caseNumber(), f.evidenceNumber(), f.description(), f.examiner(), f.notes(),
        f.toolVersion(), f.operatingSystem(), encaseDate(f.acquired()), encaseDate(f.systemTime()), "0");
    return "1\r\nmain\r\nc\tn\ta\te\tt\tav\tov\tm\tu\tp\r\n" + values + "\r\n\r\n";
  }

  /** The zlib-compressed header2 section body: BOM and UTF-16LE. */
  static byte[] header2Body(E01CaseFields fields) {
    byte[] text = header2(fields).getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[text.length + 2];
    withBom[0] = (byte) 0xff;
    withBom[1] = (byte) 0xfe;
    System.arraycopy(text, 0, withBom, 2, text.length);
    return deflate(withBom);
  }

  /** The zlib-compressed header section body. */
  static byte[] headerBody(E01CaseFields fields) {
    return deflate(header(fields).getBytes(StandardCharsets.US_ASCII));
  }

  private static String encaseDate(java.time.Instant instant) {
    ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
    return t.getYear() + " " + t.getMonthValue() + " " + t.getDayOfMonth() + " " + t.getHour() + " " + t.getMinute()
        + " " + t.getSecond();
  }

  static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /**
   * Inflates a header or header2 body, at most {@code limit} bytes of text.
   *
   * @throws DataFormatException if it is not a complete zlib stream
   */
  static byte[] inflate(byte[] data, int offset, int length, int limit) throws DataFormatException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(data, offset, length);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException("the zlib stream ends early");
        }
        out.write(buffer, 0, n);
        if (out.size() > limit) {
          throw new DataFormatException("inflates to more than " + limit + " bytes");
        }
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }

  /** The text of an inflated header2 body: UTF-16 by its byte-order mark. */
  static String decodeHeader2(byte[] text) {
    if (text.length >= 2 && (text[0] & 0xff) == 0xfe && (text[1] & 0xff) == 0xff) {
      return new String(text, 2, text.length - 2, StandardCharsets.UTF_16BE);
    }
    int skip = text.length >= 2 && (text[0] & 0xff) == 0xff && (text[1] & 0xff) == 0xfe ? 2 : 0;
    return new String(text, skip, text.length - skip, StandardCharsets.UTF_16LE);
  }

  /**
   * The identifiers and values of the main category (lines 3 and 4) of a header or header2 text.
   *
   * @throws IllegalArgumentException if the text has no main category
   */
  static Map<String, String> mainValues(String text) {
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    if (lines.length < 4 || !lines[1].trim().equals("main")) {
      throw new IllegalArgumentException("no main category in the header text");
    }
    String[] keys = lines[2].split("\t", -1);
    String[] values = lines[3].split("\t", -1);
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      map.put(keys[i], i < values.length ? values[i] : "");
    }
    return map;
  }
}
