package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code acquire devices} through the real command line wiring, with the listing faked. */
class DevicesCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(DevicesCommand.Lister lister, String... args) {
    CommandLine commandLine = CustosCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
    DevicesCommand devices = commandLine.getSubcommands().get("acquire").getSubcommands().get("devices").getCommand();
    devices.lister = lister;
    return commandLine.execute(args);
  }

  @Test
  void devices_table_printsEveryDeviceAndExitsZero() {
    int code = run(SampleListings::rich, "acquire", "devices");

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).isEqualTo(DevicesTable.render(SampleListings.rich()));
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void devices_json_printsTheSameListingAsSchemaValidJson() throws IOException {
    int code = run(SampleListings::rich, "acquire", "devices", "--json");

    assertThat(code).isEqualTo(ExitCodes.OK);
    JsonNode document = new ObjectMapper().readTree(out.toString());
    assertThat(DevicesSchema.networkntViolations(document)).isEmpty();
    assertThat(document.get("devices")).extracting(device -> device.get("path").asText())
        .containsExactly("/dev/loop3", "/dev/sda");
    assertThat(document.get("tool").get("name").asText()).isEqualTo("custos");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void devices_sysfsUnreadable_oneLineOnStderrExitThree() {
    int code = run(() -> {
      throw new IOException("cannot read /sys/class/block: no such directory (is sysfs mounted?)");
    }, "acquire", "devices");

    assertThat(code).isEqualTo(ExitCodes.IO_FAILURE);
    assertThat(err.toString())
        .isEqualTo("acquire devices: cannot read /sys/class/block: no such directory (is sysfs mounted?)\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void devices_sysfsUnreadableWithDebug_addsTheTrace() {
    int code = run(() -> {
      throw new IOException("cannot read /sys/class/block");
    }, "acquire", "devices", "--debug");

    assertThat(code).isEqualTo(ExitCodes.IO_FAILURE);
    assertThat(err.toString()).startsWith("acquire devices: cannot read /sys/class/block\njava.io.IOException");
  }

  @Test
  void devices_unknownOption_usageErrorExitTwo() {
    int code = run(SampleListings::rich, "acquire", "devices", "--yaml");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--yaml").contains("(see --help)");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void devices_help_explainsHiddenAreasAndJson() {
    int code = run(SampleListings::rich, "acquire", "devices", "--help");

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("--json").contains("not available").contains("hdparm -N");
  }
}
