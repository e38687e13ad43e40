package dev.custos.custody;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The bytes of a torn last line, as set aside beside the log before the next append: never
 * deleted, recorded by a {@code log-repaired} event. A torn line is what a crash during an append
 * leaves, and also what cutting the end of the log leaves (deleting the end of an event and every
 * event after it): nothing in the log tells the two apart; only a head kept elsewhere
 * ({@code report verify --head SEQ:HASH}) or a later report's head does.
 *
 * @param setAsideAs the file they were moved to, relative to the evidence directory
 * @param bytes how many bytes
 * @param sha256 their SHA-256, so the file can be checked
 * @param afterSeq seq of the last whole event before them, -1 when there was none
 */
public record TornLine(String setAsideAs, long bytes, String sha256, long afterSeq) {
  /** The {@code data} of the {@code log-repaired} event. */
  ObjectNode describe() {
    return LogEventJson.logRepaired(this);
  }

  /** What a torn line cannot prove, said wherever one is reported. */
  public static final String CANNOT_PROVE = "a crash during an append leaves this, and so does cutting the end of the log"
      + " (into an event, deleting it and any after it); the log cannot tell which: only a head kept elsewhere"
      + " (report verify --head SEQ:HASH) or a later report's head can";

  /**
   * Whether {@code tail} begins the event that would follow {@code last}: its {@code prev} is
   * {@code last}'s hash, or its {@code seq} is the next one. Then a whole event may have been cut.
   *
   * @return the words for it, e.g. "they begin an event with seq 5 and prev = the hash of seq 4",
   *     or {@code null} when they do not
   */
  public static String continuation(byte[] tail, CustodyEvent last) {
    if (last == null) {
      return null;
    }
    String text = new String(tail, java.nio.charset.StandardCharsets.UTF_8);
    java.util.List<String> signs = new java.util.ArrayList<>();
    // The event's own prev and seq, adjacent in canonical (sorted-key) JSON; the last match, since
    // an event's data (a report's head, say) may hold keys of the same names before them.
    java.util.regex.Matcher matcher = java.util.regex.Pattern
        .compile("\"prev\":\"([0-9a-f]{0,64})(\"(,\"seq\":(\\d+),)?|$)").matcher(text);
    String prev = null;
    String seq = null;
    boolean whole = false;
    while (matcher.find()) {
      prev = matcher.group(1);
      whole = matcher.group(2).startsWith("\"");
      seq = matcher.group(4);
    }
    if (prev != null && last.hash().startsWith(prev) && (whole ? prev.length() == 64 : !prev.isEmpty())) {
      signs.add("prev = the hash of seq " + last.seq() + (whole ? "" : " (as far as it goes)"));
    }
    if (seq != null && seq.equals(Long.toString(last.seq() + 1))) {
      signs.add("seq " + seq);
    }
    return signs.isEmpty() || !text.startsWith("{") ? null
        : "they begin the next event (" + String.join(", ", signs) + "): a whole event cut short, whether by a crash during its"
            + " append or by cutting the log";
  }
}
