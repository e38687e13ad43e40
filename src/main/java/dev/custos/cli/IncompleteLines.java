package dev.custos.cli;

import dev.custos.verify.AcquisitionExtent;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The verdict lines of an incomplete acquisition: never {@code VERIFIED}, whatever the checks of
 * what was acquired found.
 */
final class IncompleteLines {
  /** How the reason of an acquisition of a changing source begins (acquire's SourceWatch). */
  private static final String SOURCE_CHANGED = "source changed during acquisition";

  private IncompleteLines() {}

  /**
   * {@code INCOMPLETE: bytes 0–N of M acquired; what was acquired is as recorded}, or, when checks
   * failed ({@code notVerified} is their line), that line and then the extent.
   */
  static String headline(AcquisitionExtent extent, String notVerified) {
    if (notVerified != null) {
      return notVerified + "; and INCOMPLETE: " + extent.acquiredText();
    }
    return "INCOMPLETE: " + ("failed".equals(extent.status()) ? "the acquisition failed; " : "") + extent.acquiredText()
        + (extent.known() && extent.bytesAcquired() > 0 ? "; what was acquired is as recorded" : "");
  }

  /** What was not acquired, and how to go on. */
  static void details(AcquisitionExtent extent, Path directory, PrintWriter out) {
    String notAcquired = extent.notAcquiredText();
    if (notAcquired != null) {
      out.println("  " + TerminalText.escape(notAcquired));
    } else if (extent.reason() != null) {
      out.println("  " + TerminalText.escape(extent.reason()));
    }
    String resume = "acquire resume " + TerminalText.escape(directory.toString());
    if (!extent.resumable() && !"completed".equals(extent.status())) {
      out.println("  an unfinished E01 set cannot be resumed (its chunk tables were never written): acquire the source anew into"
          + " another directory");
    } else if (extent.reason() != null && extent.reason().startsWith(SOURCE_CHANGED)) {
      out.println("  the image holds bytes of no single state of the source: acquire it anew into another directory");
    } else if ("failed".equals(extent.status())) {
      out.println("  " + resume + " continues it once the cause is removed, if the source is unchanged");
    } else if (!"completed".equals(extent.status())) {
      out.println("  " + resume + " continues it");
    }
  }
}
