package dev.custos.custody;

import java.util.Arrays;

/**
 * The bytes of {@code custody.jsonl} cut into whole lines (each ended by {@code \n}) and the tail
 * after the last line end, which is empty unless the last append did not finish or the file was
 * edited. Immutable: the log's bytes are copied once, lines are cut from them when asked for, so
 * the log is held once in memory, not twice.
 */
final class LogLines {
  private final byte[] log;
  /** Where each line ends (its {@code \n}); line n begins after line n-1's end. */
  private final int[] ends;
  private final long wholeLength;

  private LogLines(byte[] log, int[] ends, long wholeLength) {
    this.log = log;
    this.ends = ends;
    this.wholeLength = wholeLength;
  }

  static LogLines of(byte[] log) {
    int count = 0;
    for (byte b : log) {
      count += b == '\n' ? 1 : 0;
    }
    int[] ends = new int[count];
    int line = 0;
    for (int i = 0; i < log.length; i++) {
      if (log[i] == '\n') {
        ends[line++] = i;
      }
    }
    return new LogLines(log.clone(), ends, count == 0 ? 0 : ends[count - 1] + 1L);
  }

  /** The number of whole lines. */
  int count() {
    return ends.length;
  }

  /** Whole line {@code number} (from 1), without its line end. */
  byte[] line(int number) {
    int start = number == 1 ? 0 : ends[number - 2] + 1;
    return Arrays.copyOfRange(log, start, ends[number - 1]);
  }

  /** The bytes after the last line end; empty when the log ends with one. */
  byte[] tail() {
    return Arrays.copyOfRange(log, (int) wholeLength, log.length);
  }

  boolean hasTail() {
    return wholeLength < log.length;
  }

  /** Bytes up to and including the last line end. */
  long wholeLength() {
    return wholeLength;
  }
}
