package dev.custos.cli;

import dev.custos.crypto.Signer;
import dev.custos.crypto.TimestampAuthority;
import dev.custos.custody.CustodyRecorder;
import dev.custos.error.CustosException;
import dev.custos.error.UsageException;
import dev.custos.report.ReportRendering;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Rendering a report from the command line, for {@code report render} and at the end of an acquisition. */
final class Reports {
  private Reports() {}

  /**
   * The authority at {@code url}, or null when none is given.
   *
   * @throws UsageException if it is not an http(s) URL
   */
  static TimestampAuthority authority(String url) throws UsageException {
    if (url == null) {
      return null;
    }
    try {
      java.net.URI uri = new java.net.URI(url);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new UsageException("--tsa must be an http or https URL, got '" + url + "'");
      }
      return new TimestampAuthority(uri);
    } catch (java.net.URISyntaxException e) {
      throw new UsageException("--tsa '" + url + "' is not a URL: " + e.getMessage(), e);
    }
  }

  static void render(Environment environment, Path directory, Signer signer, TimestampAuthority authority,
      CustodyRecorder recorder, PrintWriter out) throws CustosException {
    ReportRendering.RenderedReport report = environment.reportRendering().render(directory.toAbsolutePath().normalize(), signer, authority, recorder);
    for (Path completed : report.completed()) {
      if (completed.getFileName().toString().equals(dev.custos.evidence.EvidenceDirectory.MANIFEST)) {
        out.println(String.format(java.util.Locale.ROOT, "  %-12s %s, recorded by the acquisition's ending event, put in place from"
            + " its temporary file (its bytes as recorded)", "manifest", TerminalText.escape(completed.toString())));
        continue;
      }
      out.println(String.format(java.util.Locale.ROOT, "  %-12s %s, recorded by an interrupted render, put in place from its"
          + " temporary file (its bytes as recorded)", "report", TerminalText.escape(completed.toString())));
    }
    out.println(String.format(java.util.Locale.ROOT, "  %-12s %s (%d bytes, SHA-256 %s), %s", "report", TerminalText.escape(report.file().toString()),
        report.sizeBytes(), report.sha256(), report.signed() ? "signed (PAdES) by " + signer.name() + " (" + dev.custos.crypto.SignerFingerprints.of(signer.certificateChain()).describe() + ")" + (authority == null ? "" : ", timestamped by " + authority.uri())
            : "UNSIGNED"));
    out.flush();
  }
}
