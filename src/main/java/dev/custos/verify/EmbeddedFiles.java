package dev.custos.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.CustodyVerdict;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.JsonText;
import dev.custos.io.ReadLimit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Checks the files a report embeds against the evidence directory: {@code acquisition.json} byte
 * for byte the manifest, and {@code custody.jsonl} a prefix of the log ending at a line end, whose
 * last event is the head the report's event recorded (and the report prints). Stateless.
 */
final class EmbeddedFiles {
  private static final ObjectMapper JSON = JsonText.boundedMapper(ReadLimit.CUSTODY_LINE).build();

  private EmbeddedFiles() {}

  /** The last event of a log: its seq and hash; seq -1 for an empty log. */
  record Head(long seq, String hash) {
    static final Head EMPTY = new Head(-1, CustodyEvent.NO_PREVIOUS);

    @Override
    public String toString() {
      return seq < 0 ? "no event" : "seq " + seq + " (hash " + hash + ")";
    }
  }

  /**
   * Every problem with the embedded files of {@code document}, one line each.
   *
   * @param earlierManifests manifests of interruptions set aside as recorded, which a report
   *     rendered before a resumption embeds instead of {@code manifest}
   * @param event the report's {@code report-rendered} event, or null when none records it
   */
  static List<String> check(PDDocument document, byte[] manifest, List<byte[]> earlierManifests, byte[] log, CustodyVerdict custody,
      ReportEvent event) {
    List<String> problems = new ArrayList<>();
    Map<String, byte[]> embedded = new TreeMap<>();
    try {
      PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
      collect(names == null ? null : names.getEmbeddedFiles(), embedded, problems, 0);
    } catch (IOException e) {
      problems.add("the embedded files cannot be read: " + e.getMessage());
      return problems;
    }
    byte[] embeddedManifest = embedded.get(EvidenceDirectory.MANIFEST);
    if (!embedded.containsKey(EvidenceDirectory.MANIFEST)) {
      problems.add("does not embed " + EvidenceDirectory.MANIFEST);
    } else if (embeddedManifest != null && !Arrays.equals(embeddedManifest, manifest)
        && earlierManifests.stream().noneMatch(earlier -> Arrays.equals(embeddedManifest, earlier))) {
      problems.add(EvidenceDirectory.MANIFEST + " differs from the copy this report embeds from byte "
          + Arrays.mismatch(embeddedManifest, manifest) + " (" + manifest.length + " bytes on disk, " + embeddedManifest.length
          + " embedded): one of them was changed after the report was rendered");
    }
    byte[] embeddedLog = embedded.get(EvidenceDirectory.CUSTODY_LOG);
    if (!embedded.containsKey(EvidenceDirectory.CUSTODY_LOG)) {
      problems.add("does not embed " + EvidenceDirectory.CUSTODY_LOG);
    } else if (embeddedLog != null) {
      checkLog(embeddedLog, log, custody, event, problems);
    }
    return problems;
  }

  private static void checkLog(byte[] embedded, byte[] log, CustodyVerdict custody, ReportEvent event, List<String> problems) {
    String name = EvidenceDirectory.CUSTODY_LOG;
    Head head = headOf(embedded);
    if (embedded.length > 0 && embedded[embedded.length - 1] != '\n') {
      problems.add("the embedded " + name + " does not end at a line end: it is not a log Custos embeds");
    }
    int differs = Arrays.mismatch(embedded, log);
    if (differs == log.length && differs < embedded.length) {
      problems.add(name + " was cut short after this report was rendered: it ends at "
          + (custody.head() == null ? "no event" : "seq " + custody.head().seq()) + ", but the report embeds the log up to "
          + (head == null ? "a line that is not an event" : head.toString()));
    } else if (differs >= 0 && differs < embedded.length) {
      long line = 1;
      for (int i = 0; i < differs; i++) {
        line += embedded[i] == '\n' ? 1 : 0;
      }
      problems.add(name + " differs from the log this report embeds from line " + line
          + ": the log was changed after the report was rendered");
    }
    if (head == null) {
      problems.add("the last line of the embedded " + name + " is not a custody event");
    } else if (event != null) {
      if (event.headSeq() == null || event.headHash() == null) {
        problems.add(event.name() + " does not record the log head the report shows (logHead seq and hash)");
      } else if (event.headSeq() != head.seq() || !event.headHash().equals(head.hash())) {
        problems.add("the report embeds the log up to " + head + ", but " + event.name() + " recorded its head as "
            + new Head(event.headSeq(), event.headHash()));
      }
    }
  }

  /** The seq and hash of the last line of {@code log}, {@link Head#EMPTY} for no line, null when it is not an event. */
  static Head headOf(byte[] log) {
    int end = log.length > 0 && log[log.length - 1] == '\n' ? log.length - 1 : log.length;
    if (end == 0) {
      return Head.EMPTY;
    }
    int start = end;
    while (start > 0 && log[start - 1] != '\n') {
      start--;
    }
    try {
      JsonNode event = JSON.readTree(log, start, end - start);
      JsonNode seq = event == null ? null : event.get("seq");
      JsonNode hash = event == null ? null : event.get("hash");
      if (seq == null || !seq.isIntegralNumber() || hash == null || !hash.isTextual()) {
        return null;
      }
      return new Head(seq.longValue(), hash.textValue());
    } catch (IOException e) {
      return null;
    }
  }

  private static void collect(PDNameTreeNode<PDComplexFileSpecification> node, Map<String, byte[]> into, List<String> problems, int depth)
      throws IOException {
    if (node == null || depth > 32) {
      return;
    }
    Map<String, PDComplexFileSpecification> names = node.getNames();
    if (names != null) {
      for (Map.Entry<String, PDComplexFileSpecification> entry : names.entrySet()) {
        PDComplexFileSpecification spec = entry.getValue();
        PDEmbeddedFile file = spec == null ? null
            : spec.getEmbeddedFileUnicode() != null ? spec.getEmbeddedFileUnicode() : spec.getEmbeddedFile();
        if (file == null) {
          problems.add("the embedded file " + entry.getKey() + " has no contents");
          into.put(entry.getKey(), null);
          continue;
        }
        try {
          into.put(entry.getKey(), file.toByteArray());
        } catch (IOException e) {
          problems.add("the embedded file " + entry.getKey() + " cannot be decoded: " + e.getMessage());
          into.put(entry.getKey(), null);
        }
      }
    }
    List<PDNameTreeNode<PDComplexFileSpecification>> kids = node.getKids();
    if (kids != null) {
      for (PDNameTreeNode<PDComplexFileSpecification> kid : kids) {
        collect(kid, into, problems, depth + 1);
      }
    }
  }
}
