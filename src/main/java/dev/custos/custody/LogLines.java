package dev.custos.custody;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of {@code custody.jsonl} cut into whole lines (each ended by {@code \n}) and the tail
 * after the last line end, which is empty unless the last append did not finish or the file was
 * edited. Immutable.
 */
final class LogLines {
  private final List<byte[]> lines;
  private final byte[] tail;
  private final long wholeLength;

  private LogLines(List<byte[]> lines, byte[] tail, long wholeLength) {
    this.lines = lines;
    this.tail = tail;
    this.wholeLength = wholeLength;
  }

  static LogLines of(byte[] log) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < log.length; i++) {
      if (log[i] == '\n') {
        lines.add(Arrays.copyOfRange(log, start, i));
        start = i + 1;
      }
    }
    return new LogLines(List.copyOf(lines), Arrays.copyOfRange(log, start, log.length), start);
  }

  /** The number of whole lines. */
  int count() {
    return lines.size();
  }

  /** Whole line {@code number} (from 1), without its line end. */
  byte[] line(int number) {
    return lines.get(number - 1).clone();
  }

  /** The bytes after the last line end; empty when the log ends with one. */
  byte[] tail() {
    return tail.clone();
  }

  boolean hasTail() {
    return tail.length > 0;
  }

  /** Bytes up to and including the last line end. */
  long wholeLength() {
    return wholeLength;
  }
}
