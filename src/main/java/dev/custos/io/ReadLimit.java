package dev.custos.io;

/**
 * The most Custos reads of each kind of file it reads from an evidence directory, in one place. A
 * file beyond its limit is refused before it is parsed, so a hostile file costs one line, never the
 * memory of the JVM. Each limit is far above what Custos writes for a real acquisition and is
 * stated in the file's schema ({@code evidence-schema/}) and the documentation.
 *
 * <p>JSON is parsed with two more bounds (see {@code JsonText.boundedMapper}): nesting at most
 * {@link #MAX_NESTING} deep, and at most {@link #maxTokens()} tokens a document.
 */
public enum ReadLimit {
  /** {@code acquisition.json} and the manifests of interruptions set aside. */
  MANIFEST("a manifest", 16 << 20, 1_000_000),
  /** {@code custody.jsonl}, the whole log. */
  CUSTODY_LOG("a custody log", 16 << 20, 0),
  /** One line (event) of {@code custody.jsonl}, and a torn line set aside. */
  CUSTODY_LINE("a custody line", 1 << 20, 50_000),
  /** {@code acquisition-progress.jsonl}: a line a piece. */
  PROGRESS_RECORD("a progress record", 64 << 20, 0),
  /** One line of the progress record. */
  PROGRESS_LINE("a progress record line", 4 << 20, 400_000),
  /** {@code examiner.pem} and {@code certificates/*.pem}: a certificate chain in PEM. */
  CERTIFICATE("a certificate file", 64 << 10, 0),
  /** {@code drive-identity-*.txt/json}: what one identity query printed (Custos keeps at most 8 MiB of it). */
  DRIVE_IDENTITY("a drive identity transcript", 16 << 20, 0),
  /** {@code report.pdf}, {@code report-N.pdf}. */
  REPORT("a report", 64 << 20, 0);

  /** How deep JSON Custos reads may nest: an event or a manifest nests 4 deep; 64 is ample. */
  public static final int MAX_NESTING = 64;

  private final String what;
  private final long bytes;
  private final long maxTokens;

  ReadLimit(String what, long bytes, long maxTokens) {
    this.what = what;
    this.bytes = bytes;
    this.maxTokens = maxTokens;
  }

  /** The most bytes a file (or line) of this kind may hold. */
  public long bytes() {
    return bytes;
  }

  /** The most JSON tokens a document of this kind may hold; 0 when it is not one JSON document. */
  public long maxTokens() {
    return maxTokens;
  }

  /** {@code a custody line may hold at most 1 MiB (1048576 bytes)}. */
  public String rule() {
    return what + " may hold at most " + human(bytes) + " (" + bytes + " bytes)";
  }

  private static String human(long bytes) {
    return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB" : bytes / (1 << 10) + " KiB";
  }
}
