package dev.custos.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.custody.Actor;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.CustodyLog;
import dev.custos.custody.CustodyVerdict;
import dev.custos.evidence.ManifestReader;
import dev.custos.testing.Cli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Report inputs for the tests: the demo evidence directory as it is, and stretched ones. */
final class ReportInputs {
  static final Instant RENDERED = Instant.parse("2026-11-25T14:00:00.123Z");
  static final SignatureBlock UNSIGNED = new SignatureBlock("DEMO — not for casework", null, null, null);
  static final SignatureBlock SIGNED = new SignatureBlock("Erika Mustermann",
      "b4c3ecd020ebb8c58ed8c9b76595fc3fe33808e0ba1baf4fe67bad951fcf7c58", "CN=Custos Lab CA, O=Example Lab",
      "http://timestamp.example");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReportInputs() {}

  /** Runs {@code acquire demo} into {@code directory}. */
  static Path demoDirectory(Path directory) {
    Cli.Run run = Cli.run("acquire", "demo", directory.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return directory;
  }

  /** The input {@code report render} would build from an evidence directory. */
  static ReportInput of(Path directory, SignatureBlock signature) {
    try {
      byte[] manifestBytes = Files.readAllBytes(directory.resolve("acquisition.json"));
      byte[] custodyBytes = Files.readAllBytes(directory.resolve("custody.jsonl"));
      CustodyVerdict verdict = CustodyLog.check(directory);
      return new ReportInput(ManifestReader.read(MAPPER.readTree(manifestBytes)), manifestBytes, custodyBytes, verdict.events(),
          verdict.head(), verdict.unsignedEvents(), signature, RENDERED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (dev.custos.error.UsageException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * {@code base} stretched: {@code badRanges} bad ranges spread over the source, {@code events}
   * custody events (every third unsigned, some with long notes), 40 rate samples.
   */
  static ReportInput stretched(ReportInput base, int badRanges, int events) {
    ObjectNode manifest = tree(base);
    long sectors = manifest.path("source").path("sectorCount").asLong();
    ArrayNode ranges = JsonNodeFactory.instance.arrayNode();
    long stride = sectors / badRanges;
    long bad = 0;
    for (int i = 0; i < badRanges; i++) {
      long count = 1 + i % 3;
      ranges.addObject().put("firstLba", i * stride).put("count", count).put("bytes", count * 512);
      bad += count;
    }
    ((ObjectNode) manifest.path("badSectors")).put("sectorCount", bad).set("ranges", ranges);
    ArrayNode samples = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i <= 40; i++) {
      samples.addObject().put("elapsedMs", i * 1000L).put("bytes", i * 30_000_000L + (i % 7) * 9_000_000L);
    }
    manifest.set("rateSamples", samples);
    List<CustodyEvent> list = new ArrayList<>();
    String prev = CustodyEvent.NO_PREVIOUS;
    int unsigned = 0;
    for (int i = 0; i < events; i++) {
      String hash = String.format(Locale.ROOT, "%064x", 0xabcdef00L + i);
      boolean signed = i % 3 != 0;
      unsigned += signed ? 0 : 1;
      ObjectNode data = JsonNodeFactory.instance.objectNode().put("text",
          "note " + i + (i % 10 == 0 ? " — a long note that wraps over several lines of the what column. ".repeat(6) : ""));
      list.add(new CustodyEvent(i, time(i), "note", new Actor("Examiner " + (i % 5), signed ? "ab".repeat(32) : null),
          new CustodyEvent.EventHost("vm", "Linux", "root"), new CustodyEvent.EventTool("custos", "0.1.0"),
          data, prev, hash, signed ? "c2ln" : null));
      prev = hash;
    }
    byte[] manifestBytes = manifest.toPrettyString().getBytes(StandardCharsets.UTF_8);
    return new ReportInput(ManifestReader.read(manifest), manifestBytes, base.custodyBytes(), list, list.get(list.size() - 1), unsigned,
        base.signature(), base.renderedAt());
  }

  /** Event {@code i}'s time: a distinct minute and millisecond, so each can be found in the text. */
  static Instant time(int i) {
    return Instant.parse("2026-11-25T15:00:00Z").plusSeconds(60L * i).plusMillis(i % 1000);
  }

  /** The input's manifest as a JSON tree of its bytes, to change for a test. */
  static ObjectNode tree(ReportInput input) {
    try {
      return (ObjectNode) MAPPER.readTree(input.manifestBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
