package dev.custos.report;

import static dev.custos.testing.ExternalTool.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where a table meets the foot of a page, a reader never finds one row cut off from the rest: a
 * table that breaks keeps at least two rows on each side of every break and repeats its column
 * titles on the next page; a table too short for that moves to the next page whole; a section
 * title never ends a page on its own, and the custody table starts on the page of its title. Checked page by page with {@code pdftotext -layout -f N -l N}.
 *
 * <p>The reports sweep the break through the tables: each adds a bad range (a row of the "Bad
 * sectors" table), which pushes everything after it, the custody table included, a row further
 * down.
 */
class TablePageBreakTest {
  /** A custody row: its seq, then its time, as the stretched events have them. */
  private static final Pattern CUSTODY_ROW = Pattern.compile("^\\s*(\\d+)\\s+(2026-11-25T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z)\\s");
  /** A bad-sectors row: first LBA, sectors, bytes. */
  private static final Pattern BAD_ROW = Pattern.compile("^\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*$");

  @TempDir static Path temp;
  private static ReportInput demo;

  @BeforeAll
  static void demo() {
    demo = ReportInputs.of(ReportInputs.demoDirectory(temp.resolve("demo")), ReportInputs.UNSIGNED);
  }

  static IntStream badRanges() {
    return IntStream.rangeClosed(2, 50);
  }

  @ParameterizedTest(name = "{0} bad ranges, 5 custody events")
  @MethodSource("badRanges")
  void render_tableAtTheFootOfAPage_neverALoneRowTitlesRepeated_headingNeverAlone(int badRanges) throws IOException {
    ReportInput input = ReportInputs.stretched(demo, badRanges, 5);
    Path pdf = Files.write(temp.resolve("breaks-" + badRanges + ".pdf"), ReportRenderer.render(input));
    List<List<String>> pages = pages(pdf);
    Set<String> badRows = new HashSet<>();
    for (JsonNode range : ReportInputs.tree(input).path("badSectors").path("ranges")) {
      badRows.add(range.path("firstLba").asText() + " " + range.path("count").asText() + " " + range.path("bytes").asText());
    }

    List<Integer> custodyRows = rowsPerPage(pages, CUSTODY_ROW, row -> true, "Time (UTC)");
    List<Integer> badTableRows = rowsPerPage(pages, BAD_ROW, row -> badRows.contains(row.group(1) + " " + row.group(2) + " "
        + row.group(3)), "First LBA");

    assertThat(custodyRows.stream().mapToInt(Integer::intValue).sum()).as("custody rows").isEqualTo(5);
    assertThat(badTableRows.stream().mapToInt(Integer::intValue).sum()).as("bad-sector rows").isEqualTo(badRanges);
    assertNoLoneRows("custody table", custodyRows);
    assertNoLoneRows("bad-sectors table", badTableRows);
    assertThat(pageOf(pages, line -> line.strip().equals("Chain of custody")))
        .as("the custody table starts on the page of its title and explanation")
        .isEqualTo(pageOf(pages, line -> CUSTODY_ROW.matcher(line).find()));
    for (String heading : List.of("Sector map", "Bad sectors", "Read rate", "Piece digests", "Chain of custody", "Signature")) {
      assertHeadingFollowedOnItsPage(pages, heading);
    }
  }

  private static int pageOf(List<List<String>> pages, java.util.function.Predicate<String> line) {
    for (int page = 0; page < pages.size(); page++) {
      if (pages.get(page).stream().anyMatch(line)) {
        return page + 1;
      }
    }
    throw new AssertionError("no such line in the report");
  }

  static IntStream everyFourthBadRange() {
    return IntStream.iterate(2, count -> count <= 50, count -> count + 4);
  }

  /** The box the signature shows in, at the foot of the last page, is never there alone: its section is with it. */
  @ParameterizedTest(name = "{0} bad ranges, signed")
  @MethodSource("everyFourthBadRange")
  void render_signed_signatureSectionOnTheLastPageWithTheBox(int badRanges) throws IOException {
    ReportInput base = ReportInputs.stretched(demo, badRanges, 5);
    ReportInput signed = new ReportInput(base.manifest(), base.manifestBytes(), base.custodyBytes(), base.events(), base.head(),
        base.unsignedEvents(), ReportInputs.SIGNED, base.renderedAt());
    Path pdf = Files.write(temp.resolve("signed-" + badRanges + ".pdf"), ReportRenderer.render(signed));
    List<List<String>> pages = pages(pdf);

    List<String> last = pages.get(pages.size() - 1).stream().map(String::strip).toList();
    assertThat(last).as("the last page").contains("Signature")
        .anySatisfy(line -> assertThat(line).matches("Signed by\\s+Erika Mustermann"));
  }

  /** Per page that holds rows of the table, how many; fails unless the column titles head each such page. */
  private static List<Integer> rowsPerPage(List<List<String>> pages, Pattern row, java.util.function.Predicate<Matcher> ofTable,
      String title) {
    List<Integer> counts = new ArrayList<>();
    for (int page = 0; page < pages.size(); page++) {
      int count = 0;
      boolean titled = false;
      for (String line : pages.get(page)) {
        Matcher matcher = row.matcher(line);
        if (matcher.find() && ofTable.test(matcher)) {
          assertThat(titled).as("page %d: a row of the table before its column titles \"%s\": %s", page + 1, title, line).isTrue();
          count++;
        } else if (line.contains(title)) {
          titled = true;
        }
      }
      if (count > 0) {
        counts.add(count);
      }
    }
    return counts;
  }

  private static void assertNoLoneRows(String table, List<Integer> rowsPerPage) {
    if (rowsPerPage.size() > 1) {
      assertThat(rowsPerPage).as("%s rows per page it spans: at least 2 on each side of every break", table)
          .allSatisfy(rows -> assertThat(rows).isGreaterThanOrEqualTo(2));
    }
  }

  /** The heading's page has at least two more lines of the section after it, above the footer. */
  private static void assertHeadingFollowedOnItsPage(List<List<String>> pages, String heading) {
    for (int page = 0; page < pages.size(); page++) {
      List<String> lines = pages.get(page);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).strip().equals(heading)) {
          long after = lines.subList(i + 1, lines.size()).stream().filter(line -> !line.isBlank())
              .filter(line -> !line.contains(" of " + pages.size())).count();
          assertThat(after).as("lines after the heading \"%s\" on page %d", heading, page + 1).isGreaterThanOrEqualTo(2);
          return;
        }
      }
    }
    throw new AssertionError("no heading \"" + heading + "\" in the report");
  }

  /** The lines of each page as {@code pdftotext -layout -f N -l N} gives them. */
  private static List<List<String>> pages(Path pdf) {
    Matcher count = Pattern.compile("Pages:\\s+(\\d+)").matcher(ok("pdfinfo", pdf.toString()));
    assertThat(count.find()).isTrue();
    List<List<String>> pages = new ArrayList<>();
    for (int page = 1; page <= Integer.parseInt(count.group(1)); page++) {
      String number = Integer.toString(page);
      pages.add(ok("pdftotext", "-layout", "-f", number, "-l", number, pdf.toString(), "-").lines().toList());
    }
    return pages;
  }
}
