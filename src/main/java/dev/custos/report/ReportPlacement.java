package dev.custos.report;

import dev.custos.custody.CustodyEvent;
import dev.custos.custody.CustodyLog;
import dev.custos.custody.CustodyRecorder;
import dev.custos.custody.CustodyVerdict;
import dev.custos.custody.LogEvent;
import dev.custos.custody.LogEventJson;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.error.CustodyBrokenException;
import dev.custos.error.EvidenceWriteException;
import dev.custos.error.UsageException;
import dev.custos.io.WriteOnce;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Puts a rendered report into an evidence directory and records it, so that a {@code kill -9}, a
 * power cut or a full disk at any instant leaves a directory {@code report verify} reads as it is,
 * never a report that seems to come from elsewhere. Under the custody log's append lock, in this
 * order:
 *
 * <ol>
 *   <li>the bytes to the report's temporary name ({@code .report-2.pdf.partial}), fsync'ed,
 *       read-only, the directory fsync'ed ({@link WriteOnce#stage});
 *   <li>the {@code report-rendered} event: name, SHA-256, size, signed, the log head it shows;
 *   <li>a hard link from the report's name to the temporary file (never over an existing file),
 *       the temporary name removed, the directory fsync'ed.
 * </ol>
 *
 * <p>Stopped before the event, only a temporary file is left, which was never evidence (no record
 * names it, no report name links to it): the next render writes over it. Stopped after the event,
 * the recorded bytes are in the temporary file: verify checks them there and names the render as
 * interrupted, and the next render first puts them in place. A report's name therefore never
 * exists without its event. Stateless.
 */
final class ReportPlacement {
  private static final Pattern REPORT_NAME = Pattern.compile("report(?:-[0-9]{1,9})?\\.pdf");

  private ReportPlacement() {}

  /** What was placed: the new report, and the reports of interrupted renders put in place first. */
  record Placed(Path report, List<Path> completed) {}

  /**
   * Places {@code pdf} as the next free report name of {@code directory} and records it.
   *
   * @param record the facts the event carries but the file name, which is decided here
   * @throws CustodyBrokenException if the log is found broken under the lock: nothing is placed
   * @throws EvidenceWriteException if the report or the event cannot be written; the message says
   *     what the directory holds then
   */
  static Placed place(Path directory, byte[] pdf, LogEvent.ReportRendered record, CustodyRecorder recorder, ReportRendering.Checkpoint checkpoint)
      throws EvidenceWriteException, CustodyBrokenException {
    return recorder.whileLocked(directory, log -> {
      CustodyVerdict verdict = logAsItIs(directory);
      List<Path> completed = completeInterrupted(directory, verdict);
      String name = freeName(directory, verdict);
      Path target = directory.resolve(name);
      Path staged;
      try {
        staged = WriteOnce.stage(target, pdf);
      } catch (IOException e) {
        throw new EvidenceWriteException("cannot write the report " + target + ": " + e.getMessage()
            + "; nothing was placed or recorded", e);
      }
      checkpoint.reached("staged");
      try {
        log.append(LogEvent.REPORT_RENDERED, LogEventJson.reportRendered(record.named(name)));
      } catch (CustodyBrokenException e) {
        removeUnrecorded(staged, e);
        throw e;
      } catch (EvidenceWriteException e) {
        removeUnrecorded(staged, e);
        throw new EvidenceWriteException("cannot record the report: " + e.getMessage() + "; nothing was placed", e);
      }
      checkpoint.reached("recorded");
      try {
        putInPlace(target, staged, checkpoint);
      } catch (IOException e) {
        throw new EvidenceWriteException(name + " is recorded, but cannot be put in place: " + e.getMessage()
            + "; its bytes, as recorded, are in " + staged.getFileName() + ", which the next report render puts in place", e);
      }
      checkpoint.reached("placed");
      return new Placed(target, completed);
    });
  }

  private static void putInPlace(Path target, Path staged, ReportRendering.Checkpoint checkpoint) throws IOException {
    Files.createLink(target, staged);
    checkpoint.reached("linked");
    Files.delete(staged);
    WriteOnce.syncDirectory(target.toAbsolutePath().getParent());
  }

  /** A temporary file no event records and no report name links to: never evidence, so removed. */
  private static void removeUnrecorded(Path staged, Exception failure) {
    try {
      Files.deleteIfExists(staged);
    } catch (IOException e) {
      failure.addSuppressed(e); // the next render writes over it
    }
  }

  /** The log as it is now, under the lock: names and interrupted renders are decided from it. */
  private static CustodyVerdict logAsItIs(Path directory) throws EvidenceWriteException, CustodyBrokenException {
    CustodyVerdict verdict;
    try {
      verdict = CustodyLog.check(directory);
    } catch (UsageException e) {
      throw new EvidenceWriteException("cannot read the custody log again before placing the report: " + e.getMessage(), e);
    }
    if (!verdict.intact()) {
      throw new CustodyBrokenException("the custody log of " + directory + " is broken (" + verdict.breaks().get(0)
          + "); no report was written: run report custody " + directory);
    }
    return verdict;
  }

  /** The last {@code report-rendered} event of each report name. */
  private static Map<String, CustodyEvent> recorded(CustodyVerdict log) {
    Map<String, CustodyEvent> byName = new LinkedHashMap<>();
    for (CustodyEvent event : log.events()) {
      String file = rendered(event) == null ? null : rendered(event).file();
      if (file != null && REPORT_NAME.matcher(file).matches()) {
        byName.put(file, event);
      }
    }
    return byName;
  }

  /**
   * Finishes what interrupted renders recorded but did not place: a recorded report whose name is
   * free and whose temporary file holds exactly the recorded bytes (SHA-256 and size) is linked into
   * place; a temporary file that is a second name of its report is removed. Anything else is left
   * as it is, for verify to name.
   *
   * @return the reports put in place
   */
  private static List<Path> completeInterrupted(Path directory, CustodyVerdict log) throws EvidenceWriteException {
    List<Path> completed = new ArrayList<>();
    for (Map.Entry<String, CustodyEvent> entry : recorded(log).entrySet()) {
      Path target = directory.resolve(entry.getKey());
      Path staged = WriteOnce.temporaryOf(target);
      if (!Files.isRegularFile(staged, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          if (Files.isSameFile(target, staged)) {
            Files.delete(staged);
            WriteOnce.syncDirectory(directory);
          }
        } else if (holdsRecordedBytes(staged, entry.getValue())) {
          putInPlace(target, staged, ReportRendering.Checkpoint.NONE);
          completed.add(target);
        }
      } catch (IOException e) {
        throw new EvidenceWriteException("cannot put " + target + " of an interrupted render in place from " + staged.getFileName()
            + ": " + e.getMessage() + "; no new report was written", e);
      }
    }
    return completed;
  }

  private static boolean holdsRecordedBytes(Path staged, CustodyEvent event) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(staged, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readAllBytes();
    }
    LogEvent.ReportRendered report = rendered(event);
    return report.sizeBytes() != null && bytes.length == report.sizeBytes()
        && Digest.compute(HashAlgorithm.SHA_256, bytes).hex().equals(report.sha256());
  }

  /**
   * {@code report.pdf}, or the first of {@code report-2.pdf}, … that is not in the directory and
   * that no {@code report-rendered} event names (a recorded report that went missing keeps its
   * name, so its loss shows). A temporary file of that name is unrecorded: never evidence.
   */
  static String freeName(Path directory, CustodyVerdict log) {
    Set<String> recorded = new HashSet<>();
    for (CustodyEvent event : log.events()) {
      if (rendered(event) != null && rendered(event).file() != null) {
        recorded.add(rendered(event).file());
      }
    }
    for (int n = 1; ; n++) {
      String name = n == 1 ? "report.pdf" : "report-" + n + ".pdf";
      if (!recorded.contains(name) && !Files.exists(directory.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
        return name;
      }
    }
  }

  /** What {@code event} records of a report, or null when it is no {@code report-rendered} event. */
  private static LogEvent.ReportRendered rendered(CustodyEvent event) {
    return LogEvent.REPORT_RENDERED.equals(event.type()) ? LogEventJson.readReportRendered(event.data()) : null;
  }
}
