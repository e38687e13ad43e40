package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.testing.Cli;
import dev.custos.testing.CustosProcess;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.FailingDevice;
import dev.custos.testing.Identities;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every custody event type has its sentence in the signed report's custody table, with its facts;
 * each test reads the report as a court would ({@code pdftotext}) and checks the facts against
 * values no Custos code computed: {@code sha256sum} of the files, {@code stat} sizes, {@code openssl}
 * certificate fingerprints, and the faults the test itself made (a signal, a torn line, bad sectors).
 */
class CustodySentencesInReportTest {
  private static final String NOTE = "Seals checked: bag 42 intact";
  private static final String TORN = "{\"seq\":99,\"time\":\"2026-11-25T1";

  @TempDir static Path temp;
  private static Identities.KeyFile jane;
  private static Identities.KeyFile dana;
  private static String danaFingerprint;
  /** A floppy acquired with both checks, noted, verified, its log torn and repaired, handed to Dana and received. */
  private static Path handedOver;
  private static String handedOverReport;
  private static Path tornBytes;
  /** An acquisition stopped by SIGINT, then resumed. */
  private static Path resumed;
  private static String resumedReport;
  private static long imageBytesAtInterruption;

  @BeforeAll
  static void evidence() throws Exception {
    jane = Identities.keygen(temp, "jane", "Jane Doe");
    dana = Identities.keygen(temp, "dana", "Dana Roe");
    Path danaPem = temp.resolve("dana.pem");
    ExternalTool.ok("openssl", "pkcs12", "-in", dana.p12().toString(), "-passin", "file:" + dana.passwordFile(),
        "-nokeys", "-clcerts", "-out", danaPem.toString());
    danaFingerprint = opensslSha256(danaPem);

    handedOver = temp.resolve("handed-over");
    ok(Evidence.acquireFloppy(handedOver, Cli.join(jane.options(), "--verify-image", "--verify-source")));
    ok(Cli.run(Cli.join(new String[] {"report", "note", handedOver.toString(), NOTE}, jane.options())));
    ok(Cli.run(Cli.join(new String[] {"report", "verify", handedOver.toString()}, jane.options())));
    tornBytes = Files.writeString(temp.resolve("torn.bytes"), TORN, StandardCharsets.UTF_8);
    Files.writeString(handedOver.resolve("custody.jsonl"), TORN, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    ok(Cli.run(Cli.join(new String[] {"report", "note", handedOver.toString(), "after the crash"}, jane.options())));
    ok(Cli.run(Cli.join(new String[] {"report", "transfer", handedOver.toString(), "--to", "Dana Roe", "--to-certificate",
        danaPem.toString(), "--reason", "analysis", "--location", "Lab 1"}, jane.options())));
    ok(Cli.run(Cli.join(new String[] {"report", "receive", handedOver.toString(), "--location", "Lab 2", "--note",
        "seals intact"}, dana.options())));
    ok(Cli.run(Cli.join(new String[] {"report", "render", handedOver.toString()}, dana.options())));
    handedOverReport = reportText(handedOver);

    resumed = temp.resolve("resumed");
    Path source = temp.resolve("source.bin");
    try (RandomAccessFile file = new RandomAccessFile(source.toFile(), "rw")) {
      file.setLength(1L << 30); // sparse: reads fast, costs no disk
    }
    CustosProcess acquisition = CustosProcess.start(temp, "interrupted", Cli.join(new String[] {"acquire", "image",
        source.toString(), "--out", resumed.toString(), "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe",
        "--piece-size", "4MiB"}, jane.options()));
    assertThat(acquisition.signalAt(resumed.resolve("image.ima"), 64L << 20, "INT")).as(acquisition.stderr()).isEqualTo(130);
    imageBytesAtInterruption = Files.size(resumed.resolve("image.ima"));
    ok(Cli.run(Cli.join(new String[] {"acquire", "resume", resumed.toString()}, jane.options())));
    resumedReport = reportText(resumed);
  }

  @Test
  void acquisitionStarted_sourcePathItsSizeByStatAndTheWriteBlock() {
    long size = Long.parseLong(ExternalTool.ok("stat", "-c", "%s", Evidence.FLOPPY.toString()).strip());

    assertThat(flat(handedOverReport)).contains(flat("Acquisition started from " + Evidence.FLOPPY + " (" + size
        + " bytes), write block: read-only-file"));
  }

  @Test
  void acquisitionCompleted_bytesAndTheManifestSha256sumComputes() {
    long size = Long.parseLong(ExternalTool.ok("stat", "-c", "%s", Evidence.FLOPPY.toString()).strip());
    String manifest = ExternalTool.digestOf("sha256sum", handedOver.resolve("acquisition.json"));

    assertThat(flat(handedOverReport)).contains(flat("Acquisition completed: " + size + " bytes, digests md5, sha256 (as printed"
        + " above); manifest sha256 " + manifest));
  }

  @Test
  void imageVerified_matchedWithTheMd5sumAndSha256sumOfTheImage() {
    Path image = handedOver.resolve("image.ima");

    assertThat(flat(handedOverReport)).contains(flat("Image re-read and compared after the acquisition: matched; md5 "
        + ExternalTool.digestOf("md5sum", image) + ", sha256 " + ExternalTool.digestOf("sha256sum", image)));
  }

  @Test
  void sourceVerified_matchedWithTheMd5sumAndSha256sumOfTheSource() {
    assertThat(flat(handedOverReport)).contains(flat("Source re-read and compared after the acquisition: matched; md5 "
        + ExternalTool.digestOf("md5sum", Evidence.FLOPPY) + ", sha256 " + ExternalTool.digestOf("sha256sum", Evidence.FLOPPY)));
  }

  @Test
  void verification_everythingAsRecordedWithTheMd5sumAndSha256sumOfTheImage() {
    Path image = handedOver.resolve("image.ima");

    assertThat(flat(handedOverReport)).contains(flat("Evidence re-verified: everything as recorded; md5 "
        + ExternalTool.digestOf("md5sum", image) + ", sha256 " + ExternalTool.digestOf("sha256sum", image)));
  }

  @Test
  void note_theExaminersWords() {
    assertThat(flat(handedOverReport)).contains(flat("Note: " + NOTE)).contains(flat("Note: after the crash"));
  }

  @Test
  void logRepaired_tornBytesCountedAndHashedAsSha256sumHashesThem() {
    String sha256 = ExternalTool.digestOf("sha256sum", tornBytes);
    long bytes = TORN.getBytes(StandardCharsets.UTF_8).length;
    Matcher setAside = Pattern.compile("moved to (\\S+) \\(SHA-256").matcher(flat(handedOverReport, " "));

    assertThat(flat(handedOverReport)).contains(flat("Torn last line set aside: " + bytes + " bytes after #"))
        .contains(flat("(SHA-256 " + sha256 + ")"));
    assertThat(setAside.find()).as("the file the torn bytes went to").isTrue();
    assertThat(ExternalTool.digestOf("sha256sum", handedOver.resolve(setAside.group(1)))).isEqualTo(sha256);
  }

  @Test
  void transfer_recipientAndTheCertificateSha256OpensslPrints_reasonAndPlace() {
    assertThat(flat(handedOverReport)).contains(flat("Evidence handed over from Jane Doe to Dana Roe (recipient's certificate"
        + " SHA-256 " + danaFingerprint + "); reason: analysis; location: Lab 1"));
    assertThat(Cli.run("report", "custody", handedOver.toString()).out())
        .contains("Evidence handed over from Jane Doe to Dana Roe (recipient's certificate SHA-256 " + danaFingerprint + ")");
  }

  @Test
  void transfer_toANameOnly_saysAnyKeyInThatNameCanReceive() {
    Path byName = temp.resolve("by-name");
    ok(Evidence.acquireFloppy(byName, jane.options()));
    ok(Cli.run(Cli.join(new String[] {"report", "transfer", byName.toString(), "--to", "Alex Poe"}, jane.options())));
    ok(Cli.run(Cli.join(new String[] {"report", "render", byName.toString()}, jane.options())));

    String sentence = "Evidence handed over from Jane Doe to Alex Poe (no certificate named: any key whose certificate names"
        + " Alex Poe can receive)";
    assertThat(flat(reportText(byName))).contains(flat(sentence)).doesNotContain(flat("recipient's certificate"));
    assertThat(Cli.run("report", "custody", byName.toString()).out()).contains(sentence);
  }

  @Test
  void receipt_fromWhomAndWhichTransfer_placeAndNote() {
    long transfer = Evidence.custodyEvents(handedOver).stream().filter(event -> event.path("type").asText().equals("transfer"))
        .findFirst().orElseThrow().path("seq").asLong();

    assertThat(flat(handedOverReport)).contains(flat("Hand-over received from Jane Doe (the transfer at #" + transfer
        + "); location: Lab 2; note: seals intact"));
  }

  @Test
  void reportRendered_theFirstReportsSha256sumAndSize() throws IOException {
    Path report = handedOver.resolve("report.pdf");
    String sha256 = ExternalTool.digestOf("sha256sum", report);

    assertThat(flat(handedOverReport)).contains(flat("Report report.pdf rendered (SHA-256 " + sha256 + ", " + Files.size(report)
        + " bytes, signed), covering the log up to event #"));
  }

  @Test
  void acquisitionInterrupted_bySignal_theBytesTheImageHeld() {
    assertThat(flat(resumedReport)).contains(flat("Acquisition interrupted (interrupted by a signal (Ctrl-C or SIGTERM))"))
        .contains(flat(": " + imageBytesAtInterruption + " bytes"));
  }

  @Test
  void acquisitionResumed_fromAPieceBoundaryWithinWhatTheImageHeld() {
    Matcher from = Pattern.compile("Acquisition resumed: the source read again from byte (\\d+), the (\\d+) recorded pieces")
        .matcher(flat(resumedReport, " "));

    assertThat(from.find()).as(resumedReport).isTrue();
    long fromByte = Long.parseLong(from.group(1));
    assertThat(fromByte % (4L << 20)).isZero();
    assertThat(fromByte).isPositive().isLessThanOrEqualTo(imageBytesAtInterruption);
    assertThat(Long.parseLong(from.group(2))).isEqualTo(fromByte / (4L << 20));
  }

  @Test
  void readErrors_theSectorsARealFailingDeviceRefused() throws Exception {
    Path backing = Evidence.randomFile(temp.resolve("backing.bin"), 4L << 20, 11);
    Path bad = temp.resolve("bad-sectors");
    try (FailingDevice device = FailingDevice.attach(backing, temp.resolve("fuse-bad"), List.of("1048576:8192"))) {
      ok(Cli.run(Cli.join(new String[] {"acquire", "image", device.path().toString(), "--out", bad.toString(), "--case", "C-1",
          "--evidence", "E-2", "--examiner", "Jane Doe", "--retries", "1"}, jane.options())));
    }

    assertThat(flat(reportText(bad))).as("bytes 1048576 to 1056767 failing: 16 sectors of 512 bytes in one range")
        .contains(flat("16 unreadable sectors in 1 ranges, zero-filled in the image"));
  }

  @Test
  void acquisitionFailed_aVanishedDeviceIsAFailureNotAnInterruption_theBytesTheImageHolds() throws Exception {
    Path failed = temp.resolve("failed");
    Path vanishing = Evidence.randomFile(temp.resolve("vanishing.bin"), 16L << 20, 12);
    try (FailingDevice device = FailingDevice.attachWith(vanishing, temp.resolve("fuse-gone"), "--vanish-at",
        Long.toString(6L << 20), "--delay-ms", "5")) {
      Cli.Run run = Cli.run(Cli.join(new String[] {"acquire", "image", device.path().toString(), "--out", failed.toString(),
          "--case", "C-1", "--evidence", "E-3", "--examiner", "Jane Doe"}, jane.options()));
      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    }
    ok(Cli.run(Cli.join(new String[] {"report", "render", failed.toString()}, jane.options())));
    long acquired = Files.size(failed.resolve("image.ima"));

    assertThat(ExternalTool.run(List.of("cmp", "-n", Long.toString(acquired), vanishing.toString(),
        failed.resolve("image.ima").toString())).exitCode()).as("the image is the source's first bytes").isZero();
    assertThat(flat(reportText(failed))).contains(flat("Acquisition failed (")).contains(flat(": " + acquired + " bytes;"))
        .doesNotContain(flat("Acquisition interrupted"));
  }

  private static void ok(Cli.Run run) {
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  /** The text of the directory's newest report, as {@code pdftotext -raw} extracts it (content order: a cell's lines together). */
  private static String reportText(Path directory) {
    List<JsonNode> events = Evidence.custodyEvents(directory);
    String file = events.stream().filter(event -> event.path("type").asText().equals("report-rendered"))
        .reduce((first, second) -> second).orElseThrow().path("data").path("file").asText();
    return ExternalTool.ok("pdftotext", "-raw", directory.resolve(file).toString(), "-");
  }

  /** Text without white space: a sentence wrapped in a table cell, or a digest broken over lines, reads as one. */
  private static String flat(String text) {
    return flat(text, "");
  }

  private static String flat(String text, String space) {
    return text.replaceAll("\\s+", space);
  }

  /** The certificate's SHA-256 as {@code openssl x509 -noout -fingerprint -sha256} prints it, in lowercase hex. */
  private static String opensslSha256(Path pem) {
    String line = ExternalTool.ok("openssl", "x509", "-in", pem.toString(), "-noout", "-fingerprint", "-sha256").strip();
    return line.substring(line.indexOf('=') + 1).replace(":", "").toLowerCase(Locale.ROOT);
  }
}
