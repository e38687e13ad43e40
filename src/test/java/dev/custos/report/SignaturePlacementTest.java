package dev.custos.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.TestSigner;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the visible signature lands, read by tools nobody here wrote: {@code qpdf --json} gives
 * every page's {@code /Annots} and the widget's {@code /Rect}, {@code pdftotext -bbox} every word's
 * box on the page as rendered (before the signature's incremental update). The widget is on the
 * last page only, once, in room no word of that page covers, for a one-page and a many-page report.
 */
class SignaturePlacementTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TestSigner JANE = TestSigner.named("Jane Doe");
  private static final Instant SIGNED_AT = Instant.parse("2026-11-25T10:15:30.123Z");
  private static final Pattern WORD = Pattern.compile(
      "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>");

  @TempDir static Path temp;
  private static byte[] manyPagesUnsigned;

  @BeforeAll
  static void renderALongReport() {
    ReportInput demo = ReportInputs.of(ReportInputs.demoDirectory(temp.resolve("demo")), ReportInputs.SIGNED);
    manyPagesUnsigned = ReportRenderer.render(ReportInputs.stretched(demo, 200, 120));
  }

  @Test
  void sign_onePageFilledDownToTheBox_widgetOnThatPageOnceOverNoWord() throws Exception {
    byte[] unsigned = onePageFilledToTheBox();
    Path rendered = Files.write(temp.resolve("one-page.pdf"), unsigned);
    assertThat(pageCount(rendered)).isEqualTo(1);
    Path signed = Files.write(temp.resolve("one-page-signed.pdf"), sign(unsigned));

    assertWidgetOnLastPageOnlyOverNoWord(rendered, signed, 1);
  }

  @Test
  void sign_manyPageReport_widgetOnTheLastPageOnlyOverNoWord() throws Exception {
    Path rendered = Files.write(temp.resolve("many-pages.pdf"), manyPagesUnsigned);
    int pages = pageCount(rendered);
    assertThat(pages).as("custody events and bad ranges make many pages").isGreaterThan(5);
    Path signed = Files.write(temp.resolve("many-pages-signed.pdf"), sign(manyPagesUnsigned));

    assertWidgetOnLastPageOnlyOverNoWord(rendered, signed, pages);
  }

  @Test
  void sign_manyPageReport_pdfsigValidatesAndVeraPdfFindsItPdfA3b() throws Exception {
    byte[] signed = sign(manyPagesUnsigned);
    Path file = Files.write(temp.resolve("many-pages-checked.pdf"), signed);

    assertThat(ExternalTool.run(List.of("pdfsig", "-nocert", file.toString())).stdout())
        .contains("Signature is Valid", "Total document signed");
    org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
    assertThat(PdfaValidationTest.failures(signed)).isEmpty();
  }

  private static void assertWidgetOnLastPageOnlyOverNoWord(Path rendered, Path signed, int pages) throws Exception {
    JsonNode qpdf = JSON.readTree(ExternalTool.ok("qpdf", "--json=2", signed.toString()));
    JsonNode objects = qpdf.path("qpdf").get(1);
    List<String> annotated = new ArrayList<>();
    JsonNode pageList = qpdf.path("pages");
    assertThat(pageList.size()).isEqualTo(pages);
    String widgetRef = null;
    for (JsonNode page : pageList) {
      JsonNode annots = value(objects, page.path("object").asText()).path("/Annots");
      if (annots.isTextual()) {
        annots = value(objects, annots.asText());
      }
      for (JsonNode annot : annots) {
        annotated.add("page " + page.path("pageposfrom1").asInt() + ": " + annot.asText());
        widgetRef = annot.asText();
      }
    }
    assertThat(annotated).as("the /Annots of every page").containsExactly("page " + pages + ": " + widgetRef);
    JsonNode widget = value(objects, widgetRef);
    assertThat(widget.path("/Subtype").asText()).isEqualTo("/Widget");
    assertThat(widget.path("/FT").asText()).isEqualTo("/Sig");
    assertThat(widget.path("/P").asText()).as("the widget's page").isEqualTo(pageList.get(pages - 1).path("object").asText());
    double[] rect = new double[4];
    for (int i = 0; i < 4; i++) {
      rect[i] = widget.path("/Rect").get(i).asDouble();
    }
    assertThat(rect[2] - rect[0]).as("a visible box").isGreaterThan(100);
    assertThat(rect[3] - rect[1]).isGreaterThan(30);

    // Word boxes run from the top of the page; the widget's rectangle from the bottom.
    double height = PageWriter.PAGE.getHeight();
    double top = height - rect[3];
    double bottom = height - rect[1];
    List<String> words = words(rendered, pages);
    assertThat(words).as("the last page has text, down to its footer").isNotEmpty();
    List<String> covered = words.stream().filter(word -> {
      double[] box = box(word);
      return box[0] < rect[2] && box[2] > rect[0] && box[1] < bottom && box[3] > top;
    }).toList();
    assertThat(covered).as("words of page %d under the widget %s", pages, java.util.Arrays.toString(rect)).isEmpty();
    // And the signature's own words are drawn inside it.
    List<String> signedWords = words(signed, pages);
    assertThat(signedWords.stream().filter(word -> word.endsWith(">Digitally</word>")).map(SignaturePlacementTest::box)
        .allMatch(box -> box[0] >= rect[0] && box[2] <= rect[2] && box[1] >= top && box[3] <= bottom)).isTrue();
    assertThat(signedWords).anyMatch(word -> word.endsWith(">Digitally</word>"));
  }

  private static JsonNode value(JsonNode objects, String reference) {
    return objects.path("obj:" + reference).path("value");
  }

  /** Every {@code <word …>} element pdftotext -bbox gives for {@code page}. */
  private static List<String> words(Path pdf, int page) {
    String html = ExternalTool.ok("pdftotext", "-bbox", "-f", Integer.toString(page), "-l", Integer.toString(page), pdf.toString(), "-");
    List<String> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(html);
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }

  private static double[] box(String word) {
    Matcher matcher = WORD.matcher(word);
    assertThat(matcher.matches()).isTrue();
    return new double[] {Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)),
        Double.parseDouble(matcher.group(3)), Double.parseDouble(matcher.group(4))};
  }

  private static int pageCount(Path pdf) {
    return Integer.parseInt(ExternalTool.ok("pdfinfo", pdf.toString()).lines().filter(line -> line.startsWith("Pages:"))
        .findFirst().orElseThrow().replaceAll("\\D", ""));
  }

  private static byte[] sign(byte[] pdf) throws Exception {
    return PadesSigner.sign(pdf, JANE, "Acquisition report", "lab-ws-01", SIGNED_AT, null);
  }

  /** One page written as the report writes its pages, its lines reaching down to the room kept for the signature. */
  private static byte[] onePageFilledToTheBox() throws Exception {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ReportFonts fonts = new ReportFonts(document);
      PageWriter page = new PageWriter(document, fonts);
      page.heading("A page filled to the signature box");
      for (int line = 1; page.fits(SignatureBox.HEIGHT + 10 + 2 * page.body.leading()); line++) {
        page.paragraph("line " + line + " of the one-page report, written across the whole width of the text column "
            + "so that a box over it would cover words", page.body);
      }
      SignatureBox.reserve(page);
      page.finish("One-page report", "footer text of the one-page report");
      assertThat(page.pageCount()).isEqualTo(1);
      document.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    }
  }
}
