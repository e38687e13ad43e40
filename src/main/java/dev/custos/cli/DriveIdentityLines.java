package dev.custos.cli;

import dev.custos.evidence.Manifest;
import dev.custos.evidence.TranscriptFiles;
import dev.custos.source.driveidentity.DriveIdentity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The acquisition summary's lines of what the drive said about itself in the run just ended:
 * before and after, each "not available (reason)" when no query answered, then every change and
 * every disagreement with the kernel, each on a line of its own so none is missed.
 */
final class DriveIdentityLines {
  private DriveIdentityLines() {}

  static void print(Manifest manifest, Path directory, PrintWriter out) {
    List<DriveIdentity> runs = DriveIdentity.of(manifest.driveIdentity(),
        transcript -> TranscriptFiles.read(directory, transcript.file().orElseThrow()), manifest.source().serial());
    if (runs.isEmpty()) {
      return;
    }
    DriveIdentity last = runs.get(runs.size() - 1);
    said("drive before", last.before(), out);
    last.after().ifPresent(after -> said("drive after", after, out));
    for (String change : last.sinceEarlierRun()) {
      out.println(Summary.line("DRIVE CHANGED", TerminalText.escape(change)));
    }
    for (String change : last.changes()) {
      out.println(Summary.line("DRIVE CHANGED", TerminalText.escape(change)));
    }
    for (String disagreement : last.disagreements()) {
      out.println(Summary.line("DRIVE SERIAL", TerminalText.escape(disagreement)));
    }
  }

  private static void said(String label, DriveIdentity.Said said, PrintWriter out) {
    if (said.nothing()) {
      out.println(Summary.line(label, TerminalText.escape(said.notAvailableLine())));
      return;
    }
    out.println(Summary.line(label, TerminalText.escape(said.identityLine())));
    said.healthLine().ifPresent(health -> out.println(Summary.line("", TerminalText.escape(health))));
  }
}
