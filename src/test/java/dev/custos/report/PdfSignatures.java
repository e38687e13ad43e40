package dev.custos.report;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a signed PDF's last signature as its bytes lie in the file, the way a validator does: /ByteRange and /Contents. */
final class PdfSignatures {
  private PdfSignatures() {}

  /**
   * The DER CMS in the last signature's {@code /Contents}: the hex between the two byte ranges, cut
   * to the length its outer DER header gives (the rest is zero padding).
   */
  static byte[] contents(byte[] pdf) {
    int[] range = byteRange(pdf);
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    byte[] padded = HexFormat.of().parseHex(text.substring(range[0] + range[1] + 1, range[2] - 1));
    int length;
    int header;
    if ((padded[1] & 0x80) == 0) {
      length = padded[1];
      header = 2;
    } else {
      int octets = padded[1] & 0x7f;
      length = 0;
      for (int i = 0; i < octets; i++) {
        length = (length << 8) | (padded[2 + i] & 0xff);
      }
      header = 2 + octets;
    }
    return java.util.Arrays.copyOf(padded, header + length);
  }

  /** The last {@code /ByteRange [a b c d]}. */
  static int[] byteRange(byte[] pdf) {
    Matcher matcher = Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]")
        .matcher(new String(pdf, StandardCharsets.ISO_8859_1));
    int[] range = null;
    while (matcher.find()) {
      range = new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
          Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4))};
    }
    if (range == null) {
      throw new AssertionError("no /ByteRange in the PDF");
    }
    return range;
  }
}
