package dev.custos.verify;

import dev.custos.crypto.TrustAnchors;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.CustodyVerdict;
import dev.custos.custody.SignerCertificates;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.io.EvidenceFile;
import dev.custos.io.NotEvidenceFileException;
import dev.custos.io.ReadLimit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The {@code reports} check of {@code report verify}: every report PDF of an evidence directory,
 * those in it ({@code report.pdf}, {@code report-N.pdf}) and those the custody log's {@code
 * report-rendered} events name. Each must be recorded, byte for byte as recorded (SHA-256 and
 * size), carry a PAdES signature that verifies ({@link PadesCheck}) exactly when it was recorded
 * as signed, and embed the manifest and the log up to the head it shows ({@link EmbeddedFiles}).
 * A recorded report whose render was stopped between recording it and linking it into place is
 * checked in its temporary file ({@code .report-2.pdf.partial}) when that holds the recorded bytes,
 * and named so. Every defect is a {@link Problem} naming the PDF; nothing about the evidence throws.
 * Stateless.
 */
final class ReportCheck {
  /** What {@code report render} names reports: {@code report.pdf}, {@code report-2.pdf}, … */
  private static final Pattern REPORT_NAME = Pattern.compile("report(?:-([0-9]{1,9}))?\\.pdf");
  /** How the temporary name of a report being written ends: {@code .report-2.pdf.partial}. */
  private static final String PARTIAL = ".partial";
  /** Reports in render order, then any other recorded names. */
  private static final Comparator<String> ORDER = Comparator.comparingLong(ReportCheck::number)
      .thenComparing(Comparator.naturalOrder());

  private ReportCheck() {}

  /**
   * Checks every report PDF of {@code directory}.
   *
   * @param manifestBytes {@code acquisition.json} as the caller read it
   * @param earlierManifests manifests of interruptions set aside as recorded: a report rendered
   *     before a resumption embeds one of these
   * @param custodyBytes {@code custody.jsonl} as the caller read it
   * @param custody {@code CustodyLog.check(directory, custodyBytes)}
   * @return the {@link Check#REPORTS} result: a pass naming each report's signer and signing time,
   *     or a failure with every problem found
   * @throws UncheckedIOException if the directory cannot be listed or a report in it cannot be read
   */
  static CheckResult check(Path directory, byte[] manifestBytes, List<byte[]> earlierManifests, byte[] custodyBytes,
      CustodyVerdict custody) {
    return check(directory, manifestBytes, earlierManifests, custodyBytes, custody, TrustAnchors.none(), TrustAnchors.none()).result();
  }

  /**
   * The reports check and every report signature judged against the anchors.
   *
   * @param result the {@link Check#REPORTS} result
   * @param signatures each report's signature and timestamp (or its absence), in report order
   */
  record Outcome(CheckResult result, List<SignatureTrust> signatures) {}

  /**
   * As {@link #check(Path, byte[], List, byte[], CustodyVerdict)}, judging each report's signer
   * against {@code anchors} and each timestamp authority against {@code authorities}.
   */
  static Outcome check(Path directory, byte[] manifestBytes, List<byte[]> earlierManifests, byte[] custodyBytes,
      CustodyVerdict custody, TrustAnchors anchors, TrustAnchors authorities) {
    List<SignatureTrust> signatures = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Map<String, ReportEvent> recorded = recorded(custody, problems);
    TreeSet<String> names = new TreeSet<>(ORDER);
    names.addAll(reportFiles(directory));
    names.addAll(recorded.keySet());
    SignerCertificates certificates = SignerCertificates.in(directory);
    List<String> parts = new ArrayList<>();
    for (String name : names) {
      Report report = new Report(directory, name, recorded.get(name), certificates, manifestBytes, earlierManifests, custodyBytes,
          custody, anchors, authorities);
      parts.add(name + " " + report.check());
      signatures.addAll(report.signatures);
      report.problems.forEach(message -> problems.add(new Problem(name, message)));
    }
    String summary = names.isEmpty() ? "no report PDFs, and none recorded"
        : names.size() + (names.size() == 1 ? " report: " : " reports: ") + String.join(", ", parts);
    return new Outcome(CheckResult.of(Check.REPORTS, summary, problems), signatures);
  }

  /** The last {@code report-rendered} event of each file name; events naming no plain file name are problems. */
  private static Map<String, ReportEvent> recorded(CustodyVerdict custody, List<Problem> problems) {
    Map<String, ReportEvent> byName = new LinkedHashMap<>();
    for (CustodyEvent event : custody.events()) {
      if (!ReportEvent.TYPE.equals(event.type())) {
        continue;
      }
      ReportEvent report = ReportEvent.of(event);
      String file = report.file();
      if (file == null || file.isEmpty() || file.contains("/") || file.contains("\\") || file.equals(".") || file.equals("..")) {
        problems.add(new Problem(EvidenceDirectory.CUSTODY_LOG, report.name()
            + " records a report that is not a file of the evidence directory: " + (file == null ? "no file name" : file)));
        continue;
      }
      ReportEvent earlier = byName.put(file, report);
      if (earlier != null) {
        problems.add(new Problem(file, "recorded twice, by " + earlier.name() + " and by seq " + report.seq()
            + ": Custos never writes a report over another; checked against the later event"));
      }
    }
    return byName;
  }

  private static List<String> reportFiles(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.map(path -> path.getFileName().toString()).filter(name -> REPORT_NAME.matcher(name).matches()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the evidence directory " + directory + ": " + e.getMessage(), e);
    }
  }

  /** 1 for {@code report.pdf}, N for {@code report-N.pdf}, after them any other name. */
  private static long number(String name) {
    Matcher matcher = REPORT_NAME.matcher(name);
    if (!matcher.matches()) {
      return Long.MAX_VALUE;
    }
    return matcher.group(1) == null ? 1 : Long.parseLong(matcher.group(1));
  }

  /** One report PDF being checked: collects its problems. */
  private static final class Report {
    private final Path file;
    private final ReportEvent event;
    private final SignerCertificates certificates;
    private final byte[] manifest;
    private final List<byte[]> earlierManifests;
    private final byte[] log;
    private final CustodyVerdict custody;
    private final List<String> problems = new ArrayList<>();
    private final TrustAnchors anchors;
    private final TrustAnchors authorities;
    private final List<SignatureTrust> signatures = new ArrayList<>();

    Report(Path directory, String name, ReportEvent event, SignerCertificates certificates, byte[] manifest,
        List<byte[]> earlierManifests, byte[] log, CustodyVerdict custody, TrustAnchors anchors, TrustAnchors authorities) {
      this.anchors = anchors;
      this.authorities = authorities;
      this.earlierManifests = earlierManifests;
      this.file = directory.resolve(name);
      this.event = event;
      this.certificates = certificates;
      this.manifest = manifest;
      this.log = log;
      this.custody = custody;
    }

    /** Checks the report; returns the phrase for the summary. */
    String check() {
      if (event == null) {
        problems.add("no report-rendered event in " + EvidenceDirectory.CUSTODY_LOG + " records this PDF (the log ends at "
            + (custody.head() == null ? "no event" : "seq " + custody.head().seq())
            + "): it did not come from report render, or the log was cut short");
      }
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        if (event == null) {
          return "missing";
        }
        String staged = checkStaged();
        if (staged != null) {
          return staged;
        }
        problems.add("missing: " + event.name() + " recorded it (SHA-256 " + event.sha256() + ", " + event.sizeBytes()
            + " bytes) but it is not in the evidence directory");
        return "missing";
      }
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        problems.add("not a regular file (a directory or a link): not a report Custos wrote");
        return "not a file";
      }
      byte[] pdf;
      try {
        pdf = EvidenceFile.read(file, ReadLimit.REPORT);
      } catch (NotEvidenceFileException e) {
        problems.add(e.getMessage());
        return "not read";
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
      if (event != null) {
        checkAsRecorded(pdf);
      }
      return checkPdf(pdf);
    }

    /**
     * A recorded report not in place whose temporary file ({@code .report-2.pdf.partial}) holds
     * exactly the recorded bytes: {@code report render} writes that file, records it, then links it
     * into place, and was stopped in between. Checked there as it would be in place; the phrase for
     * the summary, or null when there is no such file (the report is missing then).
     */
    private String checkStaged() {
      Path staged = file.resolveSibling("." + file.getFileName() + PARTIAL);
      if (!Files.isRegularFile(staged, LinkOption.NOFOLLOW_LINKS)) {
        return null;
      }
      byte[] pdf;
      try {
        pdf = Files.readAllBytes(staged);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + staged + ": " + e.getMessage(), e);
      }
      String sha256 = Digest.compute(HashAlgorithm.SHA_256, pdf).hex();
      if (!sha256.equals(event.sha256()) || event.sizeBytes() == null || pdf.length != event.sizeBytes()) {
        problems.add("missing: " + event.name() + " recorded it (SHA-256 " + event.sha256() + ", " + event.sizeBytes()
            + " bytes) but it is not in the evidence directory, and " + staged.getFileName() + " holds other bytes (SHA-256 "
            + sha256 + ", " + pdf.length + " bytes)");
        return "missing";
      }
      return checkPdf(pdf) + "; its render was interrupted after recording it, before putting it in place: the bytes "
          + event.name() + " recorded are in " + staged.getFileName() + " (the next report render puts them in place)";
    }

    /** The signature and embedded-file checks of {@code pdf}; returns the phrase for the summary. */
    private String checkPdf(byte[] pdf) {
      try (PDDocument document = Loader.loadPDF(pdf)) {
        PadesCheck.Outcome signatures = PadesCheck.check(document, pdf, certificates, event, file.getFileName().toString(),
            anchors, authorities);
        problems.addAll(signatures.problems());
        this.signatures.addAll(signatures.trust());
        problems.addAll(EmbeddedFiles.check(document, manifest, earlierManifests, log, custody, event));
        return signatures.description() + signedAsRecorded(signatures.signatures() > 0);
      } catch (IOException | RuntimeException e) {
        // PDFBox reports damaged or hostile PDFs with runtime exceptions too: every one is a finding, named.
        problems.add("not a readable PDF: " + e.getMessage());
        return "not a readable PDF";
      }
    }

    private void checkAsRecorded(byte[] pdf) {
      String sha256 = Digest.compute(HashAlgorithm.SHA_256, pdf).hex();
      if (event.sha256() == null || event.sizeBytes() == null) {
        problems.add(event.name() + " does not record the report's SHA-256 and size: it cannot be checked as recorded");
      } else if (!sha256.equals(event.sha256()) || pdf.length != event.sizeBytes()) {
        problems.add("changed since it was rendered: SHA-256 " + sha256 + ", " + pdf.length + " bytes; " + event.name()
            + " recorded SHA-256 " + event.sha256() + ", " + event.sizeBytes() + " bytes");
      }
    }

    /** {@code " (as recorded)"} for an unsigned report recorded unsigned; a problem when the signature and the record disagree. */
    private String signedAsRecorded(boolean signed) {
      if (event == null || event.signed() == null) {
        if (event != null) {
          problems.add(event.name() + " does not record whether the report was signed");
        }
        return "";
      }
      if (event.signed() && !signed) {
        problems.add("carries no signature, but " + event.name() + " recorded it as signed");
      } else if (!event.signed() && signed) {
        problems.add("carries a signature, but " + event.name() + " recorded it as unsigned");
      }
      return !signed && !event.signed() ? " (as recorded)" : "";
    }
  }
}
