package dev.custos.evidence;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.digest.PieceDigest;
import dev.custos.image.ImageFile;
import dev.custos.image.ImageLayout;
import dev.custos.partition.Partition;
import dev.custos.partition.PartitionScheme;
import dev.custos.partition.PartitionTable;
import dev.custos.partition.PartitionType;
import dev.custos.source.DeviceNumber;
import dev.custos.source.HiddenAreas;
import dev.custos.source.Mount;
import dev.custos.source.SectorRange;
import dev.custos.source.SourceIdentity;
import dev.custos.source.SourceKind;
import dev.custos.source.WriteBlock;
import dev.custos.source.WriteBlockMethod;
import dev.custos.source.driveidentity.DriveQuery;
import dev.custos.source.driveidentity.Moment;
import dev.custos.source.driveidentity.Transcript;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ManifestReader}: a manifest written by hand (not by {@link ManifestJson}), valid against
 * its schema, reads to the values it holds; one of an earlier build (no tool commit, no
 * resumptions) reads with them absent; what the writer writes reads back.
 */
class ManifestReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every member set, as md5sum and a person would write them; two resumptions, two bad ranges. */
  private static final String HAND_WRITTEN = """
      {"formatVersion": 1,
       "tool": {"name": "custos", "version": "0.0.9", "commit": "0123456789abcdef0123456789abcdef01234567-dirty", "jarSha256": null},
       "case": {"caseId": "2026-0142", "evidenceId": "HDD-01", "examiner": "Jane Doe", "description": null, "notes": "two\\nlines"},
       "host": {"hostname": "lab-7", "os": "Linux 6.1 amd64", "user": "jane", "java": "17.0.9"},
       "source": {"path": "/dev/sdb", "kind": "block-device", "deviceNumber": "08:16", "vendor": "ATA", "model": "WDC WD5000",
         "serial": null, "sizeBytes": 1000, "sectorCount": 2, "logicalSectorSize": 512, "physicalSectorSize": 4096,
         "removable": false, "rotational": true, "kernelReadOnly": true, "backingFile": null,
         "hiddenAreas": {"available": true, "hpaHiddenSectors": null, "dcoHiddenSectors": 0, "detail": "hdparm -N"},
         "mounts": [{"device": "8:17", "mountPoint": "/mnt/x", "fileSystemType": "ext4", "readOnly": true}]},
       "writeBlock": {"method": "hardware-write-blocker", "kernelReadOnly": true, "hardwareBlocker": "Tableau T35u", "proof": "declared"},
       "parameters": {"format": "split", "extension": null, "segmentSize": 1024, "algorithms": ["sha256", "md5"], "blockSize": 4096,
         "pieceSize": 512, "pieceAlgorithm": "crc32c", "retries": 3, "errorGranularity": 512},
       "image": {"format": "split", "files": [{"path": "image.001", "sizeBytes": 1000}], "sizeBytes": 1000},
       "digests": {"sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "md5": "d41d8cd98f00b204e9800998ecf8427e"},
       "pieces": {"algorithm": "crc32c", "size": 512, "count": 2, "digests": ["e3069283", "00000000"]},
       "badSectors": {"sectorCount": 3, "recoveredReadErrors": 4,
         "ranges": [{"firstLba": 0, "count": 1, "bytes": 512}, {"firstLba": 9223372036854775806, "count": 1, "bytes": 512}]},
       "timing": {"started": "2026-11-25T10:15:30.123Z", "ended": "2026-11-25T10:16:00.000Z", "durationMs": 29877, "averageBytesPerSecond": 33},
       "rateSamples": [{"elapsedMs": 0, "bytes": 0}, {"elapsedMs": 1000, "bytes": 1000}],
       "outcome": {"status": "completed", "bytesAcquired": 1000, "reason": null},
       "resumptions": [
         {"time": "2026-11-25T10:15:40.001Z", "fromByte": 512, "piecesChecked": 1, "rereadPiece": null, "interruptionRecorded": false},
         {"time": "2026-11-25T10:15:50.002Z", "fromByte": 0, "piecesChecked": 1, "rereadPiece": 0, "interruptionRecorded": true}]}
      """;

  @Test
  void read_handWrittenManifest_holdsItsValues() throws Exception {
    JsonNode tree = JSON.readTree(HAND_WRITTEN);
    assertThat(EvidenceSchema.MANIFEST.violations(tree)).as("the hand-written manifest is schema-valid").isEmpty();

    RecordedManifest manifest = ManifestReader.read(tree);

    assertThat(manifest.tool()).isEqualTo(new RecordedManifest.Tool("custos", "0.0.9",
        "0123456789abcdef0123456789abcdef01234567-dirty", null));
    assertThat(manifest.caseInfo()).isEqualTo(new RecordedManifest.Case("2026-0142", "HDD-01", "Jane Doe", null, "two\nlines"));
    assertThat(manifest.host()).isEqualTo(new HostInfo("lab-7", "Linux 6.1 amd64", "jane", "17.0.9", null));
    RecordedManifest.Source source = manifest.source();
    assertThat(source.deviceNumber()).isEqualTo("08:16");
    assertThat(source.model()).isEqualTo("WDC WD5000");
    assertThat(source.serial()).isNull();
    assertThat(source.sizeBytes()).isEqualTo(1000);
    assertThat(source.sectorCount()).isEqualTo(2);
    assertThat(source.physicalSectorSize()).isEqualTo(4096);
    assertThat(source.hiddenAreas()).isEqualTo(new HiddenAreas(true, null, 0L, "hdparm -N"));
    assertThat(source.mounts()).containsExactly(new RecordedManifest.Mount("8:17", "/mnt/x", "ext4", true));
    assertThat(manifest.writeBlock()).isEqualTo(new WriteBlock(WriteBlockMethod.HARDWARE_WRITE_BLOCKER, true, "Tableau T35u", "declared"));
    assertThat(manifest.parameters()).isEqualTo(new RecordedManifest.Parameters("split", null, 1024L,
        List.of(HashAlgorithm.SHA_256, HashAlgorithm.MD5), 4096, 512, PieceAlgorithm.CRC32C, 3, 512));
    assertThat(manifest.image()).isEqualTo(new RecordedManifest.Image("split", List.of(new RecordedManifest.File("image.001", 1000)), 1000));
    assertThat(manifest.image().split()).isTrue();
    // The digests of no bytes, as sha256sum and md5sum print them for /dev/null, in the order recorded.
    assertThat(manifest.digests()).containsExactly(
        Digest.fromHex(HashAlgorithm.SHA_256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        Digest.fromHex(HashAlgorithm.MD5, "d41d8cd98f00b204e9800998ecf8427e"));
    assertThat(manifest.pieces()).isEqualTo(new RecordedManifest.Pieces(PieceAlgorithm.CRC32C, 512, 2, List.of(PieceDigest.fromHex(PieceAlgorithm.CRC32C, "e3069283"), PieceDigest.fromHex(PieceAlgorithm.CRC32C, "00000000"))));
    assertThat(manifest.badSectors()).isEqualTo(new RecordedManifest.BadSectors(3, 4, List.of(
        new RecordedManifest.BadRange(new SectorRange(0, 1), 512),
        new RecordedManifest.BadRange(new SectorRange(Long.MAX_VALUE - 1, 1), 512))));
    assertThat(manifest.timing()).isEqualTo(new RecordedManifest.Timing(Instant.parse("2026-11-25T10:15:30.123Z"),
        Instant.parse("2026-11-25T10:16:00Z"), 29877, 33));
    assertThat(manifest.rateSamples()).containsExactly(new Manifest.RateSample(0, 0), new Manifest.RateSample(1000, 1000));
    assertThat(manifest.outcome()).isEqualTo(new Manifest.Outcome(Manifest.Status.COMPLETED, 1000, null));
    assertThat(manifest.resumptions()).containsExactly(
        new Manifest.Resumption(Instant.parse("2026-11-25T10:15:40.001Z"), 512, 1, OptionalLong.empty(), false, Optional.empty()),
        new Manifest.Resumption(Instant.parse("2026-11-25T10:15:50.002Z"), 0, 1, OptionalLong.of(0), true, Optional.empty()));
  }

  @Test
  void read_manifestOfAnEarlierBuild_commitAndResumptionsAbsent() throws Exception {
    ObjectNode tree = (ObjectNode) JSON.readTree(HAND_WRITTEN);
    ((ObjectNode) tree.path("tool")).remove(List.of("commit", "jarSha256"));
    tree.remove("resumptions");
    assertThat(EvidenceSchema.MANIFEST.violations(tree)).isEmpty();

    RecordedManifest manifest = ManifestReader.read(tree);

    assertThat(manifest.tool()).isEqualTo(new RecordedManifest.Tool("custos", "0.0.9", null, null));
    assertThat(manifest.resumptions()).isEmpty();
  }

  @Test
  void read_derivedMembersThatDisagree_areReadAsRecorded() throws Exception {
    // The report prints what the manifest says: a hand-edited count is shown, not silently recomputed.
    ObjectNode tree = (ObjectNode) JSON.readTree(HAND_WRITTEN);
    ((ObjectNode) tree.path("pieces")).put("count", 7);
    ((ObjectNode) tree.path("image")).put("sizeBytes", 5);

    RecordedManifest manifest = ManifestReader.read(tree);

    assertThat(manifest.pieces().count()).isEqualTo(7);
    assertThat(manifest.image().sizeBytes()).isEqualTo(5);
  }

  @Test
  void read_integerNoLongHolds_refusedNamingTheMember() throws Exception {
    String tooBig = HAND_WRITTEN.replace("\"bytesAcquired\": 1000", "\"bytesAcquired\": 18446744073709551616");

    assertThatIllegalArgumentException().isThrownBy(() -> ManifestReader.read(JSON.readTree(tooBig)))
        .withMessageContaining("the bytes acquired is 18446744073709551616");
  }

  @Test
  void read_notAManifest_refusedNeverGuessed() throws Exception {
    assertThatIllegalArgumentException().isThrownBy(() -> ManifestReader.read(JSON.readTree("{}")));
    String noStatus = HAND_WRITTEN.replace("\"status\": \"completed\"", "\"status\": \"done\"");
    assertThatIllegalArgumentException().isThrownBy(() -> ManifestReader.read(JSON.readTree(noStatus)))
        .withMessageContaining("'done'");
  }

  @Test
  void extent_readsOutcomeAndSizesAlone_sectorSize512WhenAbsent() throws Exception {
    RecordedManifest.Extent extent = ManifestReader.extent(JSON.readTree(
        "{\"source\":{\"sizeBytes\":2048},\"outcome\":{\"status\":\"failed\",\"bytesAcquired\":1024,\"reason\":\"why\"}}"));

    assertThat(extent).isEqualTo(new RecordedManifest.Extent(new Manifest.Outcome(Manifest.Status.FAILED, 1024, "why"), 2048, 512));
  }

  @Test
  void read_whatTheWriterWrites_readsBack() {
    Instant start = Instant.parse("2026-11-25T10:00:00.000Z");
    SourceIdentity source = new SourceIdentity(Path.of("/dev/loop3"), SourceKind.BLOCK_DEVICE, new DeviceNumber(7, 3), null,
        "Model", "SER1", 1536, 512, 512, true, false, true, HiddenAreas.notAvailable("loop device"), "/tmp/disk.img",
        List.of(new Mount(new DeviceNumber(7, 3), "/mnt", "vfat", true)), Set.of());
    Digest md5 = Digest.fromHex(HashAlgorithm.MD5, "0123456789abcdef0123456789abcdef");
    Manifest written = new Manifest(Manifest.FORMAT_VERSION, new ToolInfo("custos", "0.1.0"),
        new CaseInfo("C-1", "E-1", "Jane Doe", "a disk", null), new HostInfo("h", "os", "u", "j", "Europe/Berlin"), source,
        new WriteBlock(WriteBlockMethod.SET_READ_ONLY, true, null, "BLKROSET"),
        new Manifest.Parameters(ImageLayout.raw("dd"), List.of(HashAlgorithm.MD5), 4096, 2, 4096),
        List.of(new ImageFile("image.dd", 1536)), List.of(md5),
        new Manifest.Pieces(PieceAlgorithm.SHA_256, 1024,
            List.of(PieceDigest.fromHex(PieceAlgorithm.SHA_256, "ab".repeat(32)), PieceDigest.fromHex(PieceAlgorithm.SHA_256, "CD".repeat(32)))),
        new Manifest.BadSectors(List.of(new SectorRange(2, 1)), 1), new Manifest.Timing(start, start.plusMillis(1500)),
        List.of(new Manifest.RateSample(1500, 1536)), new Manifest.Outcome(Manifest.Status.COMPLETED, 1536, null),
        List.of(new Manifest.Resumption(start.plusMillis(10), 1024, 1, OptionalLong.empty(), true, Optional.of(RESUMED_BY))), null, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(new Manifest.Partitions(new PartitionTable(PartitionScheme.GPT, 512, "D2FAC62F-E6C0-2243-B459-431741B8C6D9",
            List.of(new Partition(1, 2048, 4096, 512, PartitionType.gpt("c12a7328-f81f-11d2-ba4b-00a0c93ec93b"), "EFI système",
                "9DBBF33E-0747-5745-89E7-A39D4C5FBC5A")),
            List.of("backup GPT header missing (no \"EFI PART\" at the last LBA, 2)")), "the whole image")),
        Optional.of(STARTED_BY),
        List.of(new Transcript(1, Moment.BEFORE, DriveQuery.SMARTCTL, List.of("/usr/sbin/smartctl", "-x", "--json=c", "/dev/loop3"),
                start, start.plusMillis(12), OptionalInt.of(1),
                Optional.of(new Transcript.TranscriptFile("drive-identity-1-before-smartctl.json", 321, "ef".repeat(32))),
                Optional.of("smartctl: /dev/loop3: Unable to detect device type (exit 1)")),
            new Transcript(1, Moment.AFTER, DriveQuery.HDPARM_IDENTIFY, List.of(), start, start, OptionalInt.empty(), Optional.empty(),
                Optional.of("hdparm not installed (Debian package hdparm)"))));

    JsonNode tree = ManifestJson.toTree(written);
    RecordedManifest read = ManifestReader.read(tree);

    // The values are written as the format has them: lowercase hex, and null for no piece re-read.
    assertThat(tree.path("pieces").path("digests").toString()).isEqualTo("[\"" + "ab".repeat(32) + "\",\"" + "cd".repeat(32) + "\"]");
    assertThat(tree.path("resumptions").path(0).path("rereadPiece").isNull()).isTrue();

    assertThat(read.caseInfo()).isEqualTo(new RecordedManifest.Case("C-1", "E-1", "Jane Doe", "a disk", null));
    assertThat(read.tool()).isEqualTo(new RecordedManifest.Tool("custos", "0.1.0", "unknown", null));
    assertThat(read.source().deviceNumber()).isEqualTo("7:3");
    assertThat(read.source().sectorCount()).isEqualTo(3);
    assertThat(read.source().backingFile()).isEqualTo("/tmp/disk.img");
    assertThat(read.writeBlock()).isEqualTo(written.writeBlock());
    assertThat(read.parameters()).isEqualTo(new RecordedManifest.Parameters("raw", "dd", null, List.of(HashAlgorithm.MD5),
        4096, 1024, PieceAlgorithm.SHA_256, 2, 4096));
    assertThat(read.image().files()).containsExactly(new RecordedManifest.File("image.dd", 1536));
    assertThat(read.digests()).containsExactly(md5);
    assertThat(read.pieces().digests()).isEqualTo(written.pieces().digests());
    assertThat(read.badSectors()).isEqualTo(new RecordedManifest.BadSectors(1, 1,
        List.of(new RecordedManifest.BadRange(new SectorRange(2, 1), 512))));
    assertThat(read.timing()).isEqualTo(new RecordedManifest.Timing(start, start.plusMillis(1500), 1500, 1024));
    assertThat(read.rateSamples()).isEqualTo(written.rateSamples());
    assertThat(read.outcome()).isEqualTo(written.outcome());
    assertThat(read.resumptions()).isEqualTo(written.resumptions());
    assertThat(tree.path("partitions").path("partitions").path(0).path("sizeBytes").asLong()).isEqualTo(4096L * 512);
    assertThat(read.partitions()).isEqualTo(written.partitions());
    assertThat(read.driveIdentity()).isEqualTo(written.driveIdentity());
    assertThat(tree.path("driveIdentity").path(1).path("exitCode").isNull()).isTrue();
    assertThat(read.host()).isEqualTo(written.host());
    // 2026-11-25 is winter in Berlin: CET, one hour ahead of UTC.
    assertThat(tree.path("host").path("utcOffsetAtStart").asText()).isEqualTo("+01:00");
    assertThat(read.invocation()).contains(STARTED_BY);
    assertThat(tree.path("invocation").path("commandLine").get(4).asText()).isEqualTo("/cases/2026 0142/out");
    assertThat(EvidenceSchema.MANIFEST.violations(tree)).isEmpty();
  }

  private static final Invocation STARTED_BY = new Invocation(List.of("./acquire", "image", "/dev/loop3", "--out",
      "/cases/2026 0142/out", "--examiner", "Jane Doe"), "/home/jane", "/cases/2026 0142/out");
  private static final Invocation RESUMED_BY = new Invocation(List.of("acquire", "resume", "out"), "/cases/2026 0142",
      "/cases/2026 0142/out");

  @Test
  void read_partitionSizeInBytesNotItsSectors_refusedNamingIt() {
    ObjectNode partitions = JSON.createObjectNode().put("scheme", "mbr").put("sectorSize", 512).put("diskId", "0x00000001")
        .put("readFrom", "the whole image");
    partitions.putArray("partitions").addObject().put("number", 1).put("firstLba", 2048).put("sectors", 8).put("sizeBytes", 4097)
        .put("type", "0x83").put("typeName", "Linux").put("name", "").put("guid", "");
    partitions.putArray("findings");

    assertThatIllegalArgumentException().isThrownBy(() -> PartitionJson.read(partitions))
        .withMessage("partition 1 is recorded as 4097 bytes, not its 8 sectors of 512 bytes");
  }
}
