package dev.custos.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.testing.TestSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * How long rendering and signing take for a large acquisition: a 2 TiB source, 32,768 piece digests
 * (64 MiB pieces), 1,000 bad ranges, 100 custody events. Run by {@code bench/report-render}; prints
 * the median of several runs after a warm-up. Not a test: speed is shown by benchmarks, not timed tests.
 */
public final class RenderBenchmark {
  private RenderBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path work = Files.createTempDirectory("custos-render-bench-");
    ReportInput base = ReportInputs.of(ReportInputs.demoDirectory(work.resolve("demo")), ReportInputs.SIGNED);
    ReportInput large = large(base);
    TestSigner signer = TestSigner.named("Bench Examiner");
    long[] renderMillis = new long[runs];
    long[] signMillis = new long[runs];
    byte[] pdf = null;
    for (int i = -1; i < runs; i++) {
      long start = System.nanoTime();
      pdf = ReportRenderer.render(large);
      long rendered = System.nanoTime();
      PadesSigner.sign(pdf, signer, "bench", "bench", Instant.now(), null);
      long signed = System.nanoTime();
      if (i >= 0) {
        renderMillis[i] = (rendered - start) / 1_000_000;
        signMillis[i] = (signed - rendered) / 1_000_000;
      }
    }
    Arrays.sort(renderMillis);
    Arrays.sort(signMillis);
    System.out.printf(Locale.ROOT, "2 TiB source, %d piece digests, %d bad ranges, %d events: %d bytes of PDF%n",
        large.manifest().pieces().count(), large.manifest().badSectors().ranges().size(),
        large.events().size(), pdf.length);
    System.out.printf(Locale.ROOT, "render: median %d ms (min %d, max %d) over %d runs after a warm-up%n",
        renderMillis[runs / 2], renderMillis[0], renderMillis[runs - 1], runs);
    System.out.printf(Locale.ROOT, "sign:   median %d ms (min %d, max %d)%n", signMillis[runs / 2], signMillis[0], signMillis[runs - 1]);
  }

  private static ReportInput large(ReportInput base) {
    ReportInput stretched = ReportInputs.stretched(base, 1000, 100);
    ObjectNode manifest = ReportInputs.tree(stretched);
    long size = 2L << 40;
    ((ObjectNode) manifest.path("source")).put("sizeBytes", size).put("sectorCount", size / 512);
    ObjectNode pieces = (ObjectNode) manifest.path("pieces");
    ArrayNode digests = pieces.putArray("digests");
    for (int i = 0; i < 32_768; i++) {
      digests.add(String.format(Locale.ROOT, "%08x", i * 2_654_435_761L & 0xffffffffL));
    }
    pieces.put("size", 64L << 20).put("count", 32_768);
    byte[] manifestBytes = manifest.toPrettyString().getBytes(StandardCharsets.UTF_8);
    return new ReportInput(dev.custos.evidence.ManifestReader.read(manifest), manifestBytes, stretched.custodyBytes(), stretched.events(), stretched.head(),
        stretched.unsignedEvents(), stretched.signature(), stretched.renderedAt());
  }
}
