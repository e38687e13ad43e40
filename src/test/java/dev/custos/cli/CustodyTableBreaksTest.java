package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.Identities;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An examiner's notes, appended one by one with {@code report note}, push the custody table over a
 * page break at a new place with each report rendered after them: in every report, each page the
 * table spans holds at least two of its rows and starts with its column titles, as {@code pdftotext
 * -layout -f N -l N} reads the page.
 */
class CustodyTableBreaksTest {
  /** A row of the custody table: its seq, then its time. */
  private static final Pattern ROW = Pattern.compile("^\\s*(\\d+)\\s+\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\\s");

  @TempDir Path temp;

  @Test
  void reportNote_tableBreaksAtEveryPlace_neverALoneRowTitlesOnEveryPage() {
    Identities.KeyFile jane = Identities.keygen(temp, "jane", "Jane Doe");
    Path evidence = temp.resolve("evidence");
    assertThat(Evidence.acquireFloppy(evidence, jane.options()).exitCode()).isZero();
    List<List<Integer>> breaks = new ArrayList<>();
    for (int note = 1; note <= 40; note++) {
      String text = "Note " + note + (note % 7 == 0 ? ": the seals of bag 42 were checked again and found intact,"
          + " photographed from both sides, and the bag was put back on shelf 3 of the evidence room" : "");
      assertThat(Cli.run(Cli.join(new String[] {"report", "note", evidence.toString(), text}, jane.options())).exitCode()).isZero();
      if (note < 12) {
        continue;
      }
      int events = Evidence.custodyEvents(evidence).size();
      Cli.Run render = Cli.run(Cli.join(new String[] {"report", "render", evidence.toString()}, jane.options()));
      assertThat(render.exitCode()).as(render.err()).isZero();
      List<JsonNode> log = Evidence.custodyEvents(evidence);
      Path report = evidence.resolve(log.get(log.size() - 1).path("data").path("file").asText());

      List<Integer> rows = rowsPerPage(report);

      assertThat(rows.stream().mapToInt(Integer::intValue).sum()).as("rows of %s", report).isEqualTo(events);
      if (rows.size() > 1) {
        assertThat(rows).as("rows per page of %s", report).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(2));
      }
      breaks.add(rows);
    }
    assertThat(breaks.stream().filter(rows -> rows.size() > 1).map(rows -> rows.get(rows.size() - 1)).distinct().count())
        .as("rows after the last break, report by report: the break falls at many places").isGreaterThanOrEqualTo(5);
  }

  /** Per page holding custody rows, how many; fails unless the column titles come first on each such page. */
  private static List<Integer> rowsPerPage(Path pdf) {
    Matcher pages = Pattern.compile("Pages:\\s+(\\d+)").matcher(ExternalTool.ok("pdfinfo", pdf.toString()));
    assertThat(pages.find()).isTrue();
    List<Integer> counts = new ArrayList<>();
    for (int page = 1; page <= Integer.parseInt(pages.group(1)); page++) {
      String number = Integer.toString(page);
      int count = 0;
      boolean titled = false;
      for (String line : ExternalTool.ok("pdftotext", "-layout", "-f", number, "-l", number, pdf.toString(), "-").lines().toList()) {
        if (ROW.matcher(line).find()) {
          assertThat(titled).as("page %d of %s: a row before the column titles: %s", page, pdf, line).isTrue();
          count++;
        } else if (line.contains("Time (UTC)") && line.contains("What")) {
          titled = true;
        }
      }
      if (count > 0) {
        counts.add(count);
      }
    }
    return counts;
  }
}
