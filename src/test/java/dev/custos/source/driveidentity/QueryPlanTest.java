package dev.custos.source.driveidentity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.source.HiddenAreas;
import dev.custos.source.SourceIdentity;
import dev.custos.source.SourceKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which queries a source is asked, word for word, and why one is not. */
class QueryPlanTest {
  private static final Path BIN = Path.of("/usr/sbin");

  @Test
  void plan_fileSource_nothingRunNotABlockDevice() {
    List<QueryPlan.Planned> before = QueryPlan.of(source("/evidence/disk.img", SourceKind.FILE), Moment.BEFORE, this::installed);

    assertThat(before).extracting(QueryPlan.Planned::query).containsExactly(DriveQuery.HDPARM_IDENTIFY, DriveQuery.SMARTCTL);
    assertThat(before).allSatisfy(planned -> {
      assertThat(planned.command()).isEmpty();
      assertThat(planned.notAvailable()).contains("not a block device: the source is a file, which has no drive to ask");
    });
    assertThat(QueryPlan.of(source("/evidence/disk.img", SourceKind.FILE), Moment.AFTER, this::installed))
        .extracting(planned -> planned.notAvailable().orElseThrow())
        .containsExactly("not a block device: the source is a file, which has no drive to ask");
  }

  @Test
  void plan_sataDisk_hdparmAndSmartctlBeforeSmartctlAfter() {
    SourceIdentity disk = source("/dev/sdb", SourceKind.BLOCK_DEVICE);

    assertThat(QueryPlan.of(disk, Moment.BEFORE, this::installed)).extracting(QueryPlan.Planned::command).containsExactly(
        List.of("/usr/sbin/hdparm", "-I", "/dev/sdb"), List.of("/usr/sbin/smartctl", "-x", "--json=c", "/dev/sdb"));
    assertThat(QueryPlan.of(disk, Moment.AFTER, this::installed)).extracting(QueryPlan.Planned::command).containsExactly(
        List.of("/usr/sbin/smartctl", "-x", "--json=c", "/dev/sdb"));
  }

  @Test
  void plan_nvmeNamespace_nvmeCliInsteadOfHdparm() {
    List<QueryPlan.Planned> before = QueryPlan.of(source("/dev/nvme0n1", SourceKind.BLOCK_DEVICE), Moment.BEFORE, this::installed);

    assertThat(before).extracting(QueryPlan.Planned::command).containsExactly(List.of(),
        List.of("/usr/sbin/smartctl", "-x", "--json=c", "/dev/nvme0n1"),
        List.of("/usr/sbin/nvme", "id-ctrl", "/dev/nvme0n1", "-o", "json"),
        List.of("/usr/sbin/nvme", "id-ns", "/dev/nvme0n1", "-o", "json"),
        List.of("/usr/sbin/nvme", "list-ns", "/dev/nvme0n1", "-o", "json"));
    assertThat(before.get(0).notAvailable()).contains("an NVMe drive does not speak ATA: nvme id-ctrl and id-ns ask it instead");
  }

  @Test
  void plan_toolNotInstalled_notAvailableNamingThePackage() {
    List<QueryPlan.Planned> before = QueryPlan.of(source("/dev/sdb", SourceKind.BLOCK_DEVICE), Moment.BEFORE, tool -> Optional.empty());

    assertThat(before).extracting(planned -> planned.notAvailable().orElseThrow()).containsExactly(
        "hdparm not installed (Debian package hdparm)", "smartctl not installed (Debian package smartmontools)");
  }

  private Optional<Path> installed(String tool) {
    return Optional.of(BIN.resolve(tool));
  }

  private static SourceIdentity source(String path, SourceKind kind) {
    return new SourceIdentity(Path.of(path), kind, null, null, null, null, 1 << 20, 512, 512, false, false, false,
        HiddenAreas.notAvailable("test"), null, List.of(), Set.of());
  }
}
