package dev.custos.cli;

import dev.custos.crypto.Signer;
import dev.custos.custody.CustodyRecorder;
import dev.custos.error.CustosException;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.HostInfo;
import dev.custos.report.ReportRendering;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Rendering a report from the command line, for {@code report render} and at the end of an acquisition. */
final class Reports {
  private Reports() {}

  static void render(Path directory, Signer signer, CustodyRecorder recorder, PrintWriter out) throws CustosException {
    ReportRendering.RenderedReport report = new ReportRendering(EvidenceClock.system(), HostInfo.current().hostname())
        .render(directory.toAbsolutePath().normalize(), signer, recorder);
    out.println(String.format(java.util.Locale.ROOT, "  %-12s %s (%d bytes, SHA-256 %s), %s", "report", report.file(),
        report.sizeBytes(), report.sha256(), report.signed() ? "signed (PAdES) by " + signer.name() : "UNSIGNED"));
    out.flush();
  }
}
