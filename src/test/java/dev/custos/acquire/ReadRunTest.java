package dev.custos.acquire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.custody.CustodyRecorder;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.digest.ProgressListener;
import dev.custos.error.CustosException;
import dev.custos.error.SourceAccessException;
import dev.custos.evidence.CaseInfo;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.HostInfo;
import dev.custos.evidence.Manifest;
import dev.custos.evidence.ToolInfo;
import dev.custos.image.ImageLayout;
import dev.custos.rescue.RescueOptions;
import dev.custos.source.SectorRange;
import dev.custos.source.WriteBlock;
import dev.custos.source.WriteBlockMethod;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.ScriptedBlockSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a pass makes of the read-error rules, on a {@link ScriptedBlockSource}, fast and without
 * root: the manifest, the image and the custody log of bad sectors, a retried block, a lost drive
 * and a stop. The same on a real failing device: AcquireFailingDeviceTest, AcquireVanishingSourceTest.
 */
class ReadRunTest {
  private static final int SECTOR = 512;
  private static final int UNIT = 4096;
  private static final int BLOCK = 64 << 10;
  private static final int SIZE = 512 << 10;

  @TempDir Path temp;
  private Path sourceFile;
  private byte[] content;
  private Path out;

  @BeforeEach
  void sourceFile() throws IOException {
    sourceFile = Evidence.randomFile(temp.resolve("disk.bin"), SIZE, 5);
    content = Files.readAllBytes(sourceFile);
    out = temp.resolve("evidence");
  }

  @Test
  void read_unreadableUnits_completedZeroFilledAndRecordedInManifestAndCustody() throws Exception {
    ScriptedBlockSource source = scripted().failing(0, UNIT).failing(3L * BLOCK - UNIT, 2 * UNIT);

    Manifest manifest = recorded(run(source, 1, new StopSignal()));

    assertThat(manifest.outcome().status()).isEqualTo(Manifest.Status.COMPLETED);
    assertThat(manifest.badSectors().ranges()).containsExactly(new SectorRange(0, UNIT / SECTOR),
        new SectorRange((3L * BLOCK - UNIT) / SECTOR, 2 * UNIT / SECTOR));
    byte[] expected = content.clone();
    Arrays.fill(expected, 0, UNIT, (byte) 0);
    Arrays.fill(expected, 3 * BLOCK - UNIT, 3 * BLOCK + UNIT, (byte) 0);
    Path expectedFile = Files.write(temp.resolve("expected.bin"), expected);
    assertThat(ExternalTool.identical(expectedFile, out.resolve("image.dd"))).as("image = source with zeros (cmp)").isTrue();
    assertThat(Evidence.manifest(out).path("digests").path("md5").asText()).isEqualTo(ExternalTool.digestOf("md5sum", expectedFile));
    List<String> logged = new ArrayList<>();
    for (JsonNode event : Evidence.custodyEvents(out)) {
      if (event.path("type").asText().equals("read-errors")) {
        event.path("data").path("ranges").forEach(r -> logged.add(r.path("firstLba").asLong() + "+" + r.path("count").asLong()));
      }
    }
    assertThat(logged).containsExactly("0+8", (3L * BLOCK - UNIT) / SECTOR + "+16");
  }

  @Test
  void read_blockFailsOnceThenReads_imageAsTheSourceAndRecoveredErrorCounted() throws Exception {
    ScriptedBlockSource source = scripted().failingTimes(2L * BLOCK, UNIT, 1);

    Manifest manifest = recorded(run(source, 3, new StopSignal()));

    assertThat(manifest.outcome().status()).isEqualTo(Manifest.Status.COMPLETED);
    assertThat(manifest.badSectors().ranges()).isEmpty();
    assertThat(manifest.badSectors().recoveredReadErrors()).isEqualTo(1);
    assertThat(ExternalTool.identical(sourceFile, out.resolve("image.dd"))).isTrue();
  }

  @Test
  void read_driveLostMidway_failedKeepsTheBlocksReadAndRecordsNoBadSectors() throws Exception {
    // Blocks 0 to 2 read; block 3's read fails, and so does every later read.
    ScriptedBlockSource source = scripted().vanishingAfter(3);

    assertThatThrownBy(() -> run(source, 2, new StopSignal()))
        .isInstanceOf(SourceAccessException.class)
        .hasMessage("source " + sourceFile + " stopped answering at byte " + 3L * BLOCK + ": sectors that read fine before (at bytes 0"
            + " and " + 2L * BLOCK + ") now fail too (Input/output error), so the drive is gone (removed, reset or disconnected),"
            + " not damaged (the " + 3L * BLOCK + " bytes acquired are kept; acquisition.json records the failure)");

    JsonNode manifest = Evidence.manifest(out);
    assertThat(manifest.path("outcome").path("status").asText()).isEqualTo("failed");
    assertThat(manifest.path("outcome").path("bytesAcquired").asLong()).isEqualTo(3L * BLOCK);
    assertThat(manifest.path("badSectors").path("sectorCount").asLong()).as("a lost drive is not bad sectors").isZero();
    assertThat(out.resolve("image.dd")).hasSize(3L * BLOCK);
    assertThat(ExternalTool.run(List.of("cmp", "-n", Long.toString(3L * BLOCK), sourceFile.toString(),
        out.resolve("image.dd").toString())).exitCode()).as("image = source prefix (cmp)").isZero();
  }

  @Test
  void read_stopSignalledWhileReadingABlock_interruptedAfterThatBlock() throws Exception {
    StopSignal stop = new StopSignal();
    ScriptedBlockSource source = scripted().onReading(4L * BLOCK, () -> stop.stop("interrupted by SIGINT"));

    Manifest manifest = recorded(run(source, 3, stop));

    assertThat(manifest.outcome().status()).isEqualTo(Manifest.Status.INTERRUPTED);
    assertThat(manifest.outcome().reason()).isEqualTo("interrupted by SIGINT");
    assertThat(manifest.outcome().bytesAcquired()).as("the block in hand is finished").isEqualTo(5L * BLOCK);
    assertThat(manifest.digests()).as("no whole-image digests of a part").isEmpty();
    assertThat(ExternalTool.run(List.of("cmp", "-n", Long.toString(5L * BLOCK), sourceFile.toString(),
        out.resolve("image.dd").toString())).exitCode()).isZero();
  }

  private ScriptedBlockSource scripted() {
    return new ScriptedBlockSource(ScriptedBlockSource.fileIdentity(sourceFile, SIZE), content, UNIT);
  }

  private static Manifest recorded(PassOutcome outcome) {
    assertThat(outcome).isInstanceOf(PassOutcome.Recorded.class);
    return ((PassOutcome.Recorded) outcome).manifest();
  }

  /** One pass of a new acquisition of {@code source} into {@link #out}, as {@link Acquisition#run} makes it. */
  private PassOutcome run(ScriptedBlockSource source, int retries, StopSignal stop) throws CustosException, InterruptedException {
    EvidenceDirectory directory = EvidenceDirectory.forNewAcquisition(out);
    directory.create();
    AcquisitionRequest request = new AcquisitionRequest(sourceFile, out, new CaseInfo("C-1", "E-1", "Jane Doe", null, null),
        ImageLayout.raw("dd"), AcquisitionRequest.DEFAULT_ALGORITHMS, PieceAlgorithm.SHA_256, 128 << 10, BLOCK, new RescueOptions(retries, Optional.empty(), false), false, null);
    ToolInfo tool = new ToolInfo("custos", "test");
    HostInfo host = HostInfo.current();
    CustodyRecorder recorder = CustodyRecorder.unsigned("Jane Doe", host, tool, EvidenceClock.system());
    WriteBlock writeBlock = new WriteBlock(WriteBlockMethod.READ_ONLY_FILE, false, null, "opened read-only");
    SourceWatch watch = SourceWatch.start(source.identity(), null);
    AcquisitionEvents events = new AcquisitionEvents(recorder, directory, SECTOR, System.nanoTime());
    events.started(request, source.identity(), writeBlock, source.errorUnit(), watch.before(), java.util.Optional.empty(), java.util.Optional.empty(),
        java.util.List.of());
    return new ReadRun(request, source, writeBlock, directory, events, EvidenceClock.system(), host, tool, watch,
        Acquisition.Checkpoint.NONE, null, java.util.Optional.empty(), java.util.Optional.empty(),
        DriveIdentityRun.before(DriveIdentityCapture.system(EvidenceClock.system()), source.identity(), out, java.util.List.of()))
        .read(PassStart.fresh(EvidenceClock.system().now()), ProgressListener.NONE, stop);
  }
}
