package dev.custos.custody;

import static dev.custos.custody.CustodyFixtures.recorder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.evidence.EvidenceDirectory;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.PythonJsonSchema;
import dev.custos.testing.TestSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The custody log checked by tools nobody here wrote: the canonical bytes rebuilt by Python's own
 * JSON library, the hashes by {@code sha256sum}, the signatures by {@code openssl dgst -verify}
 * against the public key {@code openssl} takes from {@code examiner.pem}, and every line by
 * python3-jsonschema.
 */
class IndependentCheckTest {
  /**
   * RFC 8785 for events as Custos writes them (integers only, ASCII member names): Python's
   * {@code json.dumps} with sorted keys, no whitespace and no ASCII escaping gives the same bytes
   * (it escapes exactly the control characters, quote and backslash, as RFC 8785 does).
   * Prints, per line: whether the line is canonical, the canonical bytes without hash and sig in
   * hex, the hash, and the signature.
   */
  private static final String JCS = String.join("\n",
      "import json, sys, hashlib",
      "def jcs(value):",
      "    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(',', ':')).encode('utf-8')",
      "with open(sys.argv[1], 'rb') as f:",
      "    lines = f.read().split(b'\\n')[:-1]",
      "for line in lines:",
      "    event = json.loads(line.decode('utf-8'))",
      "    canonical_line = jcs(event) == line",
      "    hash_, sig = event.pop('hash'), event.pop('sig', '')",
      "    body = jcs(event)",
      "    print(canonical_line, body.hex(), hashlib.sha256(body).hexdigest() == hash_, sig)");

  @TempDir Path directory;

  @Test
  void log_canonicalBytesHashesAndSignatures_checkOutWithPythonAndOpenssl() throws Exception {
    TestSigner jane = TestSigner.named("Jane Doe");
    CustodyRecorder recorder = recorder(jane);
    recorder.append(directory, "note", CustodyFixtures.note("plain ASCII"));
    recorder.append(directory, "note", CustodyFixtures.note("tab\there, quote \" backslash \\ newline \n bell \u0007 DEL \u007f é — ✓ 𝄞")
        .put("bytes", 9_007_199_254_740_991L).put("negative", -1).put("flag", true).putNull("nothing"));
    recorder.append(directory, "transfer", CustodyRecorder.newData().put("from", "Jane Doe").put("to", "Evidence store")
        .set("nested", CustodyRecorder.newData().put("z", 1).put("a", List.of(1).size())));

    Path log = directory.resolve(EvidenceDirectory.CUSTODY_LOG);
    List<String> rows = ExternalTool.lines(ExternalTool.ok(ExternalTool.python3(), "-c", JCS, log.toString()));
    assertThat(rows).hasSize(3);

    Path publicKey = directory.resolve("public.pem");
    Files.writeString(publicKey, ExternalTool.ok("openssl", "x509", "-pubkey", "-noout",
        "-in", directory.resolve(EvidenceDirectory.CERTIFICATE).toString()), StandardCharsets.US_ASCII);
    for (String row : rows) {
      String[] fields = row.split(" ");
      assertThat(fields[0]).as("the line is its own RFC 8785 form").isEqualTo("True");
      assertThat(fields[2]).as("hash = SHA-256 of the canonical event without hash and sig").isEqualTo("True");
      Path body = Files.write(directory.resolve("body.bin"), java.util.HexFormat.of().parseHex(fields[1]));
      Path signature = Files.write(directory.resolve("sig.der"), java.util.Base64.getDecoder().decode(fields[3]));
      assertThat(ExternalTool.ok("openssl", "dgst", "-sha256", "-verify", publicKey.toString(),
          "-signature", signature.toString(), body.toString())).contains("Verified OK");
    }
  }

  @Test
  void log_everyLine_validAgainstTheSchemaWithPythonJsonschema() throws Exception {
    CustodyRecorder recorder = recorder(TestSigner.named("Jane Doe"));
    CustodyFixtures.appendNotes(recorder, directory, 2);
    CustodyFixtures.unsignedRecorder("John Roe").append(directory, "note", CustodyFixtures.note("unsigned"));

    Path schema = Path.of("evidence-schema/custody-event.schema.json").toAbsolutePath();
    List<String> lines = Files.readAllLines(directory.resolve(EvidenceDirectory.CUSTODY_LOG), StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      Path event = Files.writeString(directory.resolve("event-" + i + ".json"), lines.get(i), StandardCharsets.UTF_8);
      PythonJsonSchema.Result result = PythonJsonSchema.validate(schema, event);
      assertThat(result.valid()).as("line %d: %s", i + 1, result.output()).isTrue();
    }
  }

  @Test
  void schema_rejectsAFraction_pythonJsonschemaAgrees() throws Exception {
    Path schema = Path.of("evidence-schema/custody-event.schema.json").toAbsolutePath();
    CustodyFixtures.appendNotes(recorder(TestSigner.named("Jane Doe")), directory, 1);
    String line = Files.readAllLines(directory.resolve(EvidenceDirectory.CUSTODY_LOG), StandardCharsets.UTF_8).get(0);
    Path event = Files.writeString(directory.resolve("fraction.json"),
        line.replace("\"data\":{", "\"data\":{\"ratio\":0.5,"), StandardCharsets.UTF_8);

    assertThat(PythonJsonSchema.validate(schema, event).valid()).isFalse();
  }
}
