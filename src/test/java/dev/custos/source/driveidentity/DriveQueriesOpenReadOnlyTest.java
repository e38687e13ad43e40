package dev.custos.source.driveidentity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ExternalTool;
import dev.custos.testing.LoopDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every identity query, run as Custos runs it on a real (loop) device, opens the device read-only
 * and only read-only: strace, a tool nobody here wrote, shows each open of the device node.
 */
class DriveQueriesOpenReadOnlyTest {
  private static final Pattern OPEN_OF = Pattern.compile("open(?:at)?\\((?:AT_FDCWD, )?\"([^\"]+)\", ([A-Z_|]+)");

  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(DriveQuery.class)
  void query_onALoopDevice_opensTheDeviceReadOnly(DriveQuery query) throws IOException {
    ExternalTool.assumeInstalled("strace");
    Path tool = dev.custos.source.SystemTools.find(query.tool(), System.getenv("PATH")).orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(tool != null, query.tool() + " not installed");
    Path image = Files.write(temp.resolve("disk.img"), new byte[1 << 20]);
    try (LoopDevice loop = LoopDevice.readOnly(image)) {
      List<String> command = new ArrayList<>(List.of("strace", "-f", "-e", "trace=open,openat,creat", "-o",
          temp.resolve("trace").toString()));
      command.addAll(query.command(tool, loop.path()));
      ExternalTool.run(command);

      List<String> flags = opensOf(loop.path(), Files.readString(temp.resolve("trace")));
      if (query == DriveQuery.SMARTCTL) {
        // smartctl does not even open a device whose type it cannot tell (a loop device): nothing to see then.
        assertThat(flags).allSatisfy(flag -> assertThat(flag).startsWith("O_RDONLY"));
      } else {
        assertThat(flags).as(query + " opens " + loop.path()).isNotEmpty();
      }
      assertThat(flags).allSatisfy(flag -> assertThat(flag).startsWith("O_RDONLY").doesNotContain("O_RDWR", "O_WRONLY",
          "O_CREAT", "O_TRUNC"));
    }
  }

  @Test
  void smartctl_withSatOnALoopDevice_opensItReadOnly() throws IOException {
    ExternalTool.assumeInstalled("strace");
    ExternalTool.assumeInstalled("smartctl");
    Path image = Files.write(temp.resolve("disk.img"), new byte[1 << 20]);
    try (LoopDevice loop = LoopDevice.readOnly(image)) {
      // Forced to treat the device as a SATA drive, as it would a real one: its open flags are then on record.
      ExternalTool.run(List.of("strace", "-f", "-e", "trace=open,openat", "-o", temp.resolve("trace").toString(), "smartctl", "-x",
          "--json=c", "-d", "sat", loop.path().toString()));

      assertThat(opensOf(loop.path(), Files.readString(temp.resolve("trace")))).containsExactly("O_RDONLY|O_NONBLOCK");
    }
  }

  private static List<String> opensOf(Path device, String trace) {
    List<String> flags = new ArrayList<>();
    Matcher matcher = OPEN_OF.matcher(trace);
    while (matcher.find()) {
      if (matcher.group(1).equals(device.toString())) {
        flags.add(matcher.group(2));
      }
    }
    return flags;
  }
}
