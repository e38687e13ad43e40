package dev.custos.report;

import static dev.custos.testing.ExternalTool.identical;
import static dev.custos.testing.ExternalTool.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.custody.CustodyEvent;
import dev.custos.evidence.EvidenceClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendered reports checked with poppler-utils and qpdf, tools nobody here wrote. */
class ReportRendererTest {
  @TempDir
  static Path temp;
  private static Path demoDirectory;
  private static ReportInput demo;
  private static Path demoPdf;

  @BeforeAll
  static void renderDemo() throws IOException {
    demoDirectory = ReportInputs.demoDirectory(temp.resolve("demo"));
    demo = ReportInputs.of(demoDirectory, ReportInputs.UNSIGNED);
    demoPdf = Files.write(temp.resolve("report.pdf"), ReportRenderer.render(demo));
  }

  @Test
  void pdfinfo_demo_a4PagesAndTitle() {
    String info = ok("pdfinfo", demoPdf.toString());

    assertThat(pages(info)).isGreaterThanOrEqualTo(2);
    assertThat(info).contains("Page size:       595.276 x 841.89 pts (A4)")
        .contains("Title:           Acquisition report: case DEMO-0001, evidence FLOPPY-01")
        .contains("Encrypted:       no").contains("JavaScript:      no");
  }

  @Test
  void pdffonts_everyFontEmbeddedDejaVu() {
    List<String> fonts = ok("pdffonts", demoPdf.toString()).lines().skip(2).toList();

    assertThat(fonts).hasSize(3).allSatisfy(font -> {
      assertThat(font).contains("DejaVuSans");
      assertThat(font.substring(font.indexOf("Identity-H") + "Identity-H".length()).trim()).startsWith("yes");
    });
  }

  @Test
  void pdfdetach_listsExactlyManifestAndLog_byteIdentical() throws IOException {
    assertThat(ok("pdfdetach", "-list", demoPdf.toString()).lines().skip(1).map(String::strip))
        .containsExactly("1: acquisition.json", "2: custody.jsonl");
    Path out = Files.createDirectories(temp.resolve("detached"));

    ok("pdfdetach", "-saveall", "-o", out.toString(), demoPdf.toString());

    assertThat(identical(demoDirectory.resolve("acquisition.json"), out.resolve("acquisition.json"))).isTrue();
    assertThat(identical(demoDirectory.resolve("custody.jsonl"), out.resolve("custody.jsonl"))).isTrue();
  }

  @Test
  void qpdf_check_passes() {
    assertThat(ok("qpdf", "--check", demoPdf.toString())).contains("No syntax or stream encoding errors found");
  }

  @Test
  void pdftotext_demo_hasIdsGroupedDigestsPagesHeadAndUnsigned() {
    String text = ok("pdftotext", "-layout", demoPdf.toString(), "-");
    String flat = text.replaceAll("\\s+", " ");
    JsonNode manifest = ReportInputs.tree(demo);
    int pages = pages(ok("pdfinfo", demoPdf.toString()));

    assertThat(text).contains("DEMO-0001", "FLOPPY-01", "page 1 of " + pages, "page " + pages + " of " + pages, "UNSIGNED");
    manifest.path("digests").properties().forEach(digest ->
        assertThat(flat).contains(Formats.hexGroups(digest.getValue().asText(), 99)));
    assertThat(flat).contains("a849b99b 9c1b133e bcff3e20 c7834f94");
    assertThat(flat).contains(Formats.hexGroups(demo.head().hash(), 99));
    assertThat(text).doesNotContain(demo.head().hash());
  }

  /**
   * What the report prints is text a reader can copy: a digest, a path, a word with "ff", "fi" or
   * "fl" extracts as those letters, never as a ligature glyph (U+FB00-FB06) that matches nothing.
   */
  @Test
  void pdftotext_lettersNeverLigatures_pathAndWordsCopyAsPrinted() {
    String text = ok("pdftotext", demoPdf.toString(), "-");

    assertThat(text).contains("floppy-fat12.ima").contains("fingerprint").contains("identify")
        .doesNotContainPattern("[\\x{FB00}-\\x{FB06}]");
  }

  /** The floppy is a FAT12 file system from sector 0: the report says so, not that it is damaged. */
  @Test
  void pdftotext_sourceStructure_noPartitionTableAndWhy() {
    String flat = ok("pdftotext", demoPdf.toString(), "-").replaceAll("\\s+", " ");

    assertThat(flat).contains("Source structure No partition table found (sector 0 is the boot sector of a FAT12 file system,"
        + " which fills the source without a partition table).");
  }

  @Test
  void pdftotext_everyPage_hasCaseAndEvidenceInHeader() {
    String text = ok("pdftotext", demoPdf.toString(), "-");

    for (String page : text.split("\f")) {
      if (!page.isBlank()) {
        assertThat(page).contains("Case DEMO-0001").contains("Evidence FLOPPY-01");
      }
    }
  }

  @Test
  void render_signed_printsSignerFingerprintIssuerAndTsa() throws IOException {
    Path pdf = Files.write(temp.resolve("signed.pdf"), ReportRenderer.render(ReportInputs.of(demoDirectory, ReportInputs.SIGNED)));

    String flat = ok("pdftotext", pdf.toString(), "-").replaceAll("\\s+", " ");

    assertThat(flat).contains("Erika Mustermann", "b4c3ecd0 20ebb8c5 8ed8c9b7 6595fc3f", "CN=Custos Lab CA",
        "http://timestamp.example").doesNotContain("UNSIGNED");
  }

  @Test
  void render_sameInputTwice_sameBytes() {
    assertThat(ReportRenderer.render(demo)).isEqualTo(ReportRenderer.render(demo));
  }

  @Test
  void render_otherRenderingTime_otherDocumentId() {
    ReportInput later = new ReportInput(demo.manifest(), demo.manifestBytes(), demo.custodyBytes(), demo.events(),
        demo.head(), demo.unsignedEvents(), demo.signature(), demo.renderedAt().plusSeconds(1));

    assertThat(trailerId(ReportRenderer.render(later))).isNotEqualTo(trailerId(ReportRenderer.render(demo)));
  }

  @Test
  void render_300EventsAnd500BadRanges_paginatesAndLosesNothing() throws IOException {
    ReportInput stretched = ReportInputs.stretched(demo, 500, 300);
    Path pdf = Files.write(temp.resolve("long.pdf"), ReportRenderer.render(stretched));

    int pages = pages(ok("pdfinfo", pdf.toString()));
    String text = ok("pdftotext", pdf.toString(), "-");
    String[] pageTexts = text.split("\f");

    assertThat(pages).isGreaterThan(10);
    assertThat(ok("qpdf", "--check", pdf.toString())).contains("No syntax or stream encoding errors found");
    assertThat(pageTexts[pages - 1]).contains("Signature", "page " + pages + " of " + pages);
    for (CustodyEvent event : stretched.events()) {
      assertThat(text).contains(EvidenceClock.format(event.time()));
    }
    ReportInputs.tree(stretched).path("badSectors").path("ranges").forEach(range ->
        assertThat(text).contains(range.path("firstLba").asText()));
    assertThat(text).contains("partly UNSIGNED");
  }

  @Test
  void render_completedWithBadSectors_outcomeSaysEverySectorTriedNotRead() throws IOException {
    ReportInput withBad = ReportInputs.stretched(ReportInputs.of(demoDirectory, ReportInputs.UNSIGNED), 2, 3);
    Path pdf = Files.write(temp.resolve("bad-outcome.pdf"), ReportRenderer.render(withBad));

    String text = ok("pdftotext", pdf.toString(), "-").replaceAll("\\s+", " ");

    long bad = ReportInputs.tree(withBad).path("badSectors").path("sectorCount").asLong();
    assertThat(text).contains("COMPLETED: every sector was tried; " + bad + " sectors in 2 ranges could not be read"
        + " (zero-").doesNotContain("every sector of the source was read");
    assertThat(ok("pdftotext", demoPdf.toString(), "-")).contains("COMPLETED: every sector of the source was read");
  }

  @Test
  void render_interruptedWithoutBadSectors_sectorMapDoesNotSayEverySectorRead() throws IOException {
    ReportInput base = ReportInputs.of(demoDirectory, ReportInputs.UNSIGNED);
    com.fasterxml.jackson.databind.node.ObjectNode manifest = ReportInputs.tree(base);
    ((com.fasterxml.jackson.databind.node.ObjectNode) manifest.path("outcome")).put("status", "interrupted")
        .put("reason", "interrupted by the examiner").put("bytesAcquired", 512 * 100);
    ReportInput interrupted = new ReportInput(dev.custos.evidence.ManifestReader.read(manifest), base.manifestBytes(), base.custodyBytes(), base.events(), base.head(),
        base.unsignedEvents(), base.signature(), base.renderedAt());
    Path pdf = Files.write(temp.resolve("interrupted.pdf"), ReportRenderer.render(interrupted));

    String text = ok("pdftotext", pdf.toString(), "-").replaceAll("\\s+", " ");

    assertThat(text).contains("INCOMPLETE, INTERRUPTED").doesNotContain("(every sector)").doesNotContain("every sector of the source");
    assertThat(ok("pdftotext", demoPdf.toString(), "-")).contains("(every sector)");
  }

  @Test
  void render_300Events_noTextOutsideThePage() throws IOException {
    Path pdf = Files.write(temp.resolve("bbox.pdf"), ReportRenderer.render(ReportInputs.stretched(demo, 500, 300)));

    String boxes = ok("pdftotext", "-bbox", pdf.toString(), "-");
    Matcher word = Pattern.compile("xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\"").matcher(boxes);
    int words = 0;
    while (word.find()) {
      words++;
      assertThat(Double.parseDouble(word.group(1))).isGreaterThanOrEqualTo(PageWriter.LEFT - 1);
      assertThat(Double.parseDouble(word.group(3))).isLessThanOrEqualTo(PageWriter.RIGHT + 1);
      assertThat(Double.parseDouble(word.group(2))).isGreaterThanOrEqualTo(20);
      assertThat(Double.parseDouble(word.group(4))).isLessThanOrEqualTo(PageWriter.PAGE.getHeight() - 20);
    }
    assertThat(words).isGreaterThan(1000);
  }

  @Test
  void render_noRateSamplesAndOneSample_saysTooFew() throws IOException {
    for (int count : new int[] {0, 1}) {
      com.fasterxml.jackson.databind.node.ObjectNode manifest = ReportInputs.tree(demo);
      com.fasterxml.jackson.databind.node.ArrayNode samples = manifest.putArray("rateSamples");
      if (count == 1) {
        samples.addObject().put("elapsedMs", 0).put("bytes", 0);
      }
      ReportInput input = new ReportInput(dev.custos.evidence.ManifestReader.read(manifest), demo.manifestBytes(), demo.custodyBytes(), demo.events(),
          demo.head(), demo.unsignedEvents(), demo.signature(), demo.renderedAt());
      Path pdf = Files.write(temp.resolve("samples-" + count + ".pdf"), ReportRenderer.render(input));

      assertThat(ok("pdftotext", pdf.toString(), "-")).contains(count + (count == 1 ? " rate sample" : " rate samples")
          + " recorded: too few to draw a rate");
    }
  }

  private static int pages(String pdfinfo) {
    Matcher matcher = Pattern.compile("Pages:\\s+(\\d+)").matcher(pdfinfo);
    assertThat(matcher.find()).as("pdfinfo names the page count: " + pdfinfo).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  private static String trailerId(byte[] pdf) {
    String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
    Matcher matcher = Pattern.compile("/ID\\s*\\[\\s*<([0-9A-Fa-f]+)>").matcher(text);
    assertThat(matcher.find()).as("a trailer /ID").isTrue();
    return matcher.group(1);
  }
}
