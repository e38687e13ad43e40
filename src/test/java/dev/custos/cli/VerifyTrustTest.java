package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.Identities;
import dev.custos.testing.LocalTimestampAuthority;
import dev.custos.testing.PythonJsonSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who signed, against the lab's trust anchors: the forged directory a hostile reviewer builds (a
 * new lab CA named like every lab CA, the same examiner name, the same case fields) verifies as
 * TRUSTED nowhere; appends from another lab are refused; a check without a key writes nothing.
 * Every chain verdict is cross-checked with {@code openssl verify -CAfile}, {@code openssl cms
 * -verify} and {@code pdfsig} with the lab CA in an NSS database ({@code certutil}); a line forced
 * into the log is built and signed with Python and {@code openssl dgst}, not with Custos.
 */
class VerifyTrustTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ORG = "State Forensic Lab";
  /**
   * Appends one note event to a custody log as a forger would, without Custos: RFC 8785 by
   * Python's sorted, compact JSON (as IndependentCheckTest checks it), SHA-256 by hashlib, the
   * signature by {@code openssl dgst -sha256 -sign}. Arguments: log, key PEM or '-', certificate
   * PEM or '-', actor, text, time or '-' (the last event's).
   */
  private static final String FORGE = String.join("\n",
      "import json, sys, hashlib, base64, subprocess, re",
      "log, key, cert, actor, text, when = sys.argv[1:7]",
      "def jcs(v): return json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(',', ':')).encode('utf-8')",
      "last = json.loads(open(log, 'rb').read().split(b'\\n')[-2])",
      "event = {'seq': last['seq'] + 1, 'time': last['time'] if when == '-' else when, 'type': 'note',",
      "         'actor': {'name': actor}, 'host': last['host'], 'tool': last['tool'], 'data': {'text': text},",
      "         'prev': last['hash']}",
      "if cert != '-':",
      "    pem = open(cert).read()",
      "    der = base64.b64decode(''.join(re.search(r'-----BEGIN CERTIFICATE-----(.*?)-----END', pem, re.S).group(1).split()))",
      "    event['actor']['certificateSha256'] = hashlib.sha256(der).hexdigest()",
      "body = jcs(event)",
      "event['hash'] = hashlib.sha256(body).hexdigest()",
      "if key != '-':",
      "    sig = subprocess.run(['openssl', 'dgst', '-sha256', '-sign', key], input=body, capture_output=True, check=True).stdout",
      "    event['sig'] = base64.b64encode(sig).decode('ascii')",
      "open(log, 'ab').write(jcs(event) + b'\\n')",
      "print(event.get('actor', {}).get('certificateSha256', ''))");

  /**
   * Cuts the RFC 3161 token and the signature value it stamps out of a DER CMS, by the offsets
   * {@code openssl asn1parse} prints: the SEQUENCE after the id-smime-aa-timeStampToken attribute's
   * SET, and the last OCTET STRING before the unsigned attributes. Arguments: cms, token out, signature out.
   */
  private static final String CUT_TIMESTAMP = String.join("\n",
      "import re, subprocess, sys",
      "cms = open(sys.argv[1], 'rb').read()",
      "text = subprocess.run(['openssl', 'asn1parse', '-inform', 'DER', '-in', sys.argv[1]], capture_output=True, text=True, check=True).stdout",
      "rows = []",
      "for line in text.splitlines():",
      "    m = re.match(r'\\s*(\\d+):d=\\s*(\\d+)\\s+hl=\\s*(\\d+)\\s+l=\\s*(\\d+)\\s+(?:prim|cons):\\s*(.*)', line)",
      "    if m: rows.append((int(m.group(1)), int(m.group(3)), int(m.group(4)), m.group(5)))",
      "i = next(n for n, r in enumerate(rows) if 'timeStampToken' in r[3])",
      "token = next(r for r in rows[i + 1:] if r[3].startswith('SEQUENCE'))",
      "unsigned = max(n for n, r in enumerate(rows[:i]) if r[3].startswith('cont [ 1 ]'))",
      "sig = [r for r in rows[:unsigned] if r[3].startswith('OCTET STRING')][-1]",
      "open(sys.argv[2], 'wb').write(cms[token[0]:token[0] + token[1] + token[2]])",
      "open(sys.argv[3], 'wb').write(cms[sig[0] + sig[1]:sig[0] + sig[1] + sig[2]])");

  @TempDir static Path keys;
  private static Identities.KeyFile jane;
  private static Identities.KeyFile forgedJane;
  private static Identities.KeyFile mallory;
  private static Path genuineCa;
  private static Path forgerCa;
  private static Path otherCa;

  @TempDir Path temp;

  @BeforeAll
  static void makeThreeLabs() throws IOException {
    jane = keygen(Files.createDirectories(keys.resolve("genuine")), "Jane Doe", ORG);
    forgedJane = keygen(Files.createDirectories(keys.resolve("forger")), "Jane Doe", ORG);
    mallory = keygen(Files.createDirectories(keys.resolve("other")), "Mallory", "Other Lab");
    genuineCa = keys.resolve("genuine/lab-ca.pem");
    forgerCa = keys.resolve("forger/lab-ca.pem");
    otherCa = keys.resolve("other/lab-ca.pem");
  }

  /** {@code report keygen --name NAME --org ORG}: a new lab CA is made on the spot beside the key. */
  private static Identities.KeyFile keygen(Path directory, String name, String org) throws IOException {
    Path password = Files.writeString(directory.resolve("password"), "correct horse battery staple\n", StandardCharsets.UTF_8);
    Path p12 = directory.resolve("examiner.p12");
    Cli.Run run = Cli.run("report", "keygen", "--name", name, "--org", org, "--out", p12.toString(),
        "--password-file", password.toString(), "--lab-ca-password-file", password.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new Identities.KeyFile(p12, password);
  }

  private Path acquire(String name, Identities.KeyFile key, String... extra) {
    Path out = temp.resolve(name);
    Cli.Run run = Evidence.acquireFloppy(out, Cli.join(key.options(), extra));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return out;
  }

  private static Cli.Run report(String... args) {
    List<String> all = new ArrayList<>(List.of("report"));
    all.addAll(Arrays.asList(args));
    return Cli.run(all.toArray(String[]::new));
  }

  private static boolean opensslVerifies(Path ca, Path certificate) {
    ExternalTool.assumeInstalled("openssl");
    return ExternalTool.run(List.of("openssl", "verify", "-CAfile", ca.toString(), certificate.toString())).exitCode() == 0;
  }

  /** The SHA-256 of the first certificate of {@code pem}, as openssl computes it. */
  private static String sha256Of(Path pem) {
    String line = ExternalTool.ok("openssl", "x509", "-in", pem.toString(), "-noout", "-fingerprint", "-sha256");
    return line.substring(line.indexOf('=') + 1).trim().replace(":", "").toLowerCase(java.util.Locale.ROOT);
  }

  /** The serial of {@code pem}'s first certificate as openssl prints it, lowercase, without the leading zeros it pads with. */
  private static String serialOf(Path pem) {
    String line = ExternalTool.ok("openssl", "x509", "-in", pem.toString(), "-noout", "-serial").trim();
    return line.substring(line.indexOf('=') + 1).toLowerCase(java.util.Locale.ROOT).replaceFirst("^0+(?=.)", "");
  }

  private static String headline(Cli.Run run) {
    return run.out().lines().filter(line -> line.startsWith("VERIFIED") || line.startsWith("NOT VERIFIED")).findFirst().orElseThrow();
  }

  /** The forged directory with the genuine {@code examiner.pem} planted and the forger's certificate as {@code certificates/innocuous.pem}. */
  private Path planted(Path forged, Path genuine) throws IOException {
    Path planted = temp.resolve("planted");
    try (Stream<Path> files = Files.list(forged)) {
      Files.createDirectories(planted);
      for (Path file : files.toList()) {
        if (Files.isRegularFile(file)) {
          Files.copy(file, planted.resolve(file.getFileName()));
        }
      }
    }
    Files.createDirectories(planted.resolve("certificates"));
    Files.move(planted.resolve("examiner.pem"), planted.resolve("certificates/innocuous.pem"));
    Files.copy(genuine.resolve("examiner.pem"), planted.resolve("examiner.pem"));
    return planted;
  }

  @Test
  void verify_forgedDirectoryNewLabCaSameNames_withTrustExit1NamingTheSigner_genuineExit0_opensslAgrees() {
    Path genuine = acquire("genuine", jane);
    Path forged = acquire("forged", forgedJane);
    String forgedSha = sha256Of(forged.resolve("examiner.pem"));

    Cli.Run good = report("verify", genuine.toString(), "--trust", genuineCa.toString());
    Cli.Run bad = report("verify", forged.toString(), "--trust", genuineCa.toString());

    assertThat(good.exitCode()).as(good.out()).isZero();
    assertThat(good.out()).contains("signers        PASS     TRUSTED:", "TRUSTED  Jane Doe");
    assertThat(headline(good)).isEqualTo("VERIFIED: everything is as recorded");
    assertThat(opensslVerifies(genuineCa, genuine.resolve("examiner.pem"))).isTrue();
    assertThat(bad.exitCode()).as(bad.out()).isEqualTo(1);
    assertThat(bad.out()).contains("signers        FAIL     NOT TRUSTED",
        "custody.jsonl line 1 (seq 0, acquisition-started): Jane Doe (certificate SHA-256 " + forgedSha + ") is NOT TRUSTED",
        "report.pdf signature: Jane Doe (certificate SHA-256 " + forgedSha + ") is NOT TRUSTED");
    assertThat(headline(bad)).startsWith("NOT VERIFIED");
    assertThat(opensslVerifies(genuineCa, forged.resolve("examiner.pem"))).isFalse();
    // The forged directory is consistent in itself: its own root verifies it, which is all it can show.
    assertThat(opensslVerifies(forgerCa, forged.resolve("examiner.pem"))).isTrue();
  }

  @Test
  void verify_forgedDirectoryWithoutAnyAnchor_headlineSaysSelfAsserted() {
    Path forged = acquire("forged", forgedJane);

    Cli.Run run = report("verify", forged.toString());

    assertThat(headline(run)).startsWith("VERIFIED").contains("SELF-ASSERTED", "no trust anchor");
    assertThat(run.out()).contains("signers        SKIPPED  SELF-ASSERTED", "SELF-ASSERTED  Jane Doe",
        "issuer CN=Custos lab CA ");
  }

  @Test
  void verify_genuineExaminerPemPlantedInTheForgedDirectory_stillNotTrusted() throws IOException {
    Path genuine = acquire("genuine", jane);
    Path forged = acquire("forged", forgedJane);
    Path planted = planted(forged, genuine);
    String forgedSha = sha256Of(planted.resolve("certificates/innocuous.pem"));

    Cli.Run anchored = report("verify", planted.toString(), "--trust", genuineCa.toString());
    Cli.Run bare = report("verify", planted.toString());

    assertThat(anchored.exitCode()).as(anchored.out()).isEqualTo(1);
    assertThat(anchored.out()).contains("Jane Doe (certificate SHA-256 " + forgedSha + ") is NOT TRUSTED");
    assertThat(opensslVerifies(genuineCa, planted.resolve("examiner.pem"))).isTrue();
    assertThat(opensslVerifies(genuineCa, planted.resolve("certificates/innocuous.pem"))).isFalse();
    assertThat(bare.exitCode()).as(bare.out()).isEqualTo(1);
    assertThat(bare.out()).contains("custody.jsonl line 1: the first signed event is signed by Jane Doe's certificate " + forgedSha
        + ", but examiner.pem holds " + sha256Of(genuine.resolve("examiner.pem")));
    assertThat(headline(bare)).contains("SELF-ASSERTED");
  }

  @Test
  void verifyJson_eachSignerWithItsAndItsIssuersFingerprints_asOpensslComputesThem() throws IOException {
    Path genuine = acquire("genuine", jane);
    Path json = temp.resolve("verify.json");

    Cli.Run run = report("verify", genuine.toString(), "--json", "--trust", genuineCa.toString());
    Files.writeString(json, run.out(), StandardCharsets.UTF_8);

    assertThat(run.exitCode()).as(run.out()).isZero();
    JsonNode signatures = JSON.readTree(run.out()).get("signatures");
    assertThat(signatures).hasSize(4);
    String serial = serialOf(genuineCa);
    for (JsonNode signature : signatures) {
      assertThat(signature.get("trust").asText()).isEqualTo("trusted");
      assertThat(signature.get("certificate").get("sha256").asText()).isEqualTo(sha256Of(genuine.resolve("examiner.pem")));
      assertThat(signature.get("certificate").get("issuerSha256").asText()).isEqualTo(sha256Of(genuineCa));
      assertThat(signature.get("anchorSha256").asText()).isEqualTo(sha256Of(genuineCa));
      assertThat(signature.get("certificate").get("issuerSerial").asText()).isEqualTo(serial);
    }
    PythonJsonSchema.Result valid = PythonJsonSchema.validate(Path.of("evidence-schema/verification.schema.json"), json);
    assertThat(valid.valid()).as(valid.output()).isTrue();
  }

  @Test
  void custody_withTrust_forgedExit1_genuineExit0_fingerprintsShown() {
    Path genuine = acquire("genuine", jane);
    Path forged = acquire("forged", forgedJane);

    Cli.Run good = report("custody", genuine.toString(), "--trust", genuineCa.toString());
    Cli.Run bad = report("custody", forged.toString(), "--trust", genuineCa.toString());

    assertThat(good.exitCode()).as(good.out()).isZero();
    assertThat(good.out()).contains("Trust: TRUSTED", "certificate SHA-256 " + sha256Of(genuine.resolve("examiner.pem")));
    assertThat(bad.exitCode()).as(bad.out()).isEqualTo(1);
    assertThat(bad.out()).contains("Trust: NOT TRUSTED: 3 of 3 events", "line 1: Jane Doe is NOT TRUSTED");
  }

  @Test
  void note_keyFromAnotherLab_refusedAtAppend_logAndCertificatesUnchanged() throws IOException {
    Path genuine = acquire("genuine", jane);
    byte[] before = Files.readAllBytes(genuine.resolve("custody.jsonl"));

    Cli.Run forger = Cli.run(Cli.join(new String[] {"report", "note", genuine.toString(), "seen by Jane"}, forgedJane.options()));
    Cli.Run other = Cli.run(Cli.join(new String[] {"report", "note", genuine.toString(), "hello"}, mallory.options()));

    assertThat(forger.exitCode()).isEqualTo(2);
    assertThat(forger.err()).contains("not to the root of the log's first signer Jane Doe", "refused", "--trust");
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(Files.readAllBytes(genuine.resolve("custody.jsonl"))).isEqualTo(before);
    assertThat(genuine.resolve("certificates")).doesNotExist();
  }

  @Test
  void note_handOverToAnotherLabNamedByTrust_acceptedAndTheEventSaysWhoseCertificateAndWhichRoot() {
    Path genuine = acquire("genuine", jane);

    Cli.Run run = Cli.run(Cli.join(new String[] {"report", "note", genuine.toString(), "received", "--trust", otherCa.toString()},
        mallory.options()));

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> events = Evidence.custodyEvents(genuine);
    JsonNode stored = events.get(events.size() - 1).get("data").get("signerCertificate");
    String malloryPem = "certificates/" + events.get(events.size() - 1).get("actor").get("certificateSha256").asText() + ".pem";
    assertThat(stored.get("storedAs").asText()).isEqualTo(malloryPem);
    assertThat(stored.get("sha256").asText()).isEqualTo(sha256Of(genuine.resolve(malloryPem)));
    assertThat(stored.get("rootSha256").asText()).isEqualTo(sha256Of(otherCa));
    assertThat(report("verify", genuine.toString(), "--trust", genuineCa.toString(), "--trust", otherCa.toString()).exitCode())
        .isZero();
    assertThat(report("verify", genuine.toString(), "--trust", genuineCa.toString()).exitCode()).isEqualTo(1);
  }

  /** Exports {@code key}'s private key and certificate with openssl, then forges a signed note with {@link #FORGE}. */
  private static String forgeSignedNote(Path directory, Identities.KeyFile key, Path scratch, String actor, String time)
      throws IOException {
    Path keyPem = scratch.resolve("key.pem");
    Path certPem = scratch.resolve("cert.pem");
    String pass = "file:" + key.passwordFile();
    ExternalTool.ok("openssl", "pkcs12", "-in", key.p12().toString(), "-nocerts", "-nodes", "-passin", pass, "-out", keyPem.toString());
    ExternalTool.ok("openssl", "pkcs12", "-in", key.p12().toString(), "-nokeys", "-passin", pass, "-out", certPem.toString());
    Path log = directory.resolve("custody.jsonl");
    log.toFile().setWritable(true);
    String sha256 = ExternalTool.ok(ExternalTool.python3(), "-c", FORGE, log.toString(), keyPem.toString(), certPem.toString(), actor,
        "forged note", time).trim();
    Path certificates = Files.createDirectories(directory.resolve("certificates"));
    Files.copy(certPem, certificates.resolve(sha256 + ".pem"), StandardCopyOption.REPLACE_EXISTING);
    return sha256;
  }

  @Test
  void verify_noteFromAnotherLabForcedIntoTheLogByHand_withTrustExit1NamingTheLine() throws IOException {
    Path genuine = acquire("genuine", jane);
    String sha256 = forgeSignedNote(genuine, forgedJane, Files.createDirectories(temp.resolve("forger")), "Jane Doe", "-");

    Cli.Run custody = report("custody", genuine.toString());
    Cli.Run verify = report("verify", genuine.toString(), "--trust", genuineCa.toString());
    Cli.Run render = Cli.run(Cli.join(new String[] {"report", "render", genuine.toString()}, jane.options()));

    assertThat(custody.exitCode()).as("the forged line chains and its signature verifies: " + custody.out()).isZero();
    assertThat(verify.exitCode()).as(verify.out()).isEqualTo(1);
    assertThat(verify.out()).contains("custody.jsonl line 4 (seq 3, note): Jane Doe (certificate SHA-256 " + sha256 + ") is NOT TRUSTED");
    assertThat(render.exitCode()).as(render.out()).isEqualTo(2);
    assertThat(render.err()).contains("custody.jsonl line 4 (seq 3, note) is signed by Jane Doe under another root");
    assertThat(genuine.resolve("report-2.pdf")).doesNotExist();
  }

  @Test
  void verify_twoCertificatesOfTheSameNameWithoutAnchor_signersLineCountsCertificates() throws IOException {
    Path genuine = acquire("genuine", jane);
    forgeSignedNote(genuine, forgedJane, Files.createDirectories(temp.resolve("forger")), "Jane Doe", "-");

    Cli.Run verify = report("verify", genuine.toString());

    assertThat(verify.out()).contains("SELF-ASSERTED: 5 signatures by 2 certificates, both named Jane Doe");
    assertThat(verify.out()).doesNotContain("signatures by Jane Doe")
        .contains("SELF-ASSERTED  Jane Doe  (certificate 1 of 2 different certificates named Jane Doe)",
            "SELF-ASSERTED  Jane Doe  (certificate 2 of 2 different certificates named Jane Doe)");
  }

  @Test
  void verify_unsignedNoteWrittenIntoASignedLogByHand_withTrustExit1NamingTheLine() throws IOException {
    Path genuine = acquire("genuine", jane);
    Path log = genuine.resolve("custody.jsonl");
    log.toFile().setWritable(true);
    ExternalTool.ok(ExternalTool.python3(), "-c", FORGE, log.toString(), "-", "-", "Jane Doe", "unsigned addition", "-");

    Cli.Run verify = report("verify", genuine.toString(), "--trust", genuineCa.toString());

    assertThat(verify.exitCode()).as(verify.out()).isEqualTo(1);
    assertThat(verify.out()).contains("custody.jsonl line 4 (seq 3, note): Jane Doe is UNSIGNED");
  }

  @Test
  void verify_lineSignedWithTheGenuineKeyBackdatedBeforeItsCertificate_notTrusted() throws IOException {
    Path genuine = acquire("genuine", jane);
    forgeSignedNote(genuine, jane, Files.createDirectories(temp.resolve("jane")), "Jane Doe", "2020-01-01T00:00:00.000Z");

    Cli.Run verify = report("verify", genuine.toString(), "--trust", genuineCa.toString());

    assertThat(verify.exitCode()).as(verify.out()).isEqualTo(1);
    assertThat(verify.out()).contains("custody.jsonl line 4 (seq 3, note): Jane Doe (certificate SHA-256 "
        + sha256Of(genuine.resolve("examiner.pem")) + ") is NOT TRUSTED", "not valid until");
  }

  @Test
  void verify_withoutKey_leavesTheCustodyLogByteForByteUnchanged_andSaysHowToRecord() throws IOException {
    Path genuine = acquire("genuine", jane);
    String before = ExternalTool.digestOf("sha256sum", genuine.resolve("custody.jsonl"));

    Cli.Run run = report("verify", genuine.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(ExternalTool.digestOf("sha256sum", genuine.resolve("custody.jsonl"))).isEqualTo(before);
    assertThat(run.out()).contains("Not recorded: no --key", "--key FILE");
    Cli.Run unsigned = report("verify", genuine.toString(), "--record-unsigned");
    assertThat(unsigned.out()).contains("Recorded as custody event seq 3");
    assertThat(Evidence.custodyEvents(genuine)).hasSize(4);
  }

  /** The signed bytes (/ByteRange) and the DER CMS (/Contents) of the PDF's last signature, written to {@code scratch}. */
  private static Path[] signatureOf(Path pdf, Path scratch) throws IOException {
    byte[] bytes = Files.readAllBytes(pdf);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    Matcher matcher = Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]").matcher(text);
    int[] range = null;
    while (matcher.find()) {
      range = new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)),
          Integer.parseInt(matcher.group(4))};
    }
    assertThat(range).isNotNull();
    byte[] signed = new byte[range[1] + range[3]];
    System.arraycopy(bytes, range[0], signed, 0, range[1]);
    System.arraycopy(bytes, range[2], signed, range[1], range[3]);
    byte[] padded = java.util.HexFormat.of().parseHex(text.substring(range[1] + 1, range[2] - 1));
    int octets = padded[1] & 0x7f;
    int length = 0;
    for (int i = 0; i < octets; i++) {
      length = (length << 8) | (padded[2 + i] & 0xff);
    }
    Path content = Files.write(scratch.resolve(pdf.getParent().getFileName() + ".signed"), signed);
    Path cms = Files.write(scratch.resolve(pdf.getParent().getFileName() + ".cms"), Arrays.copyOf(padded, 2 + octets + length));
    return new Path[] {content, cms};
  }

  @Test
  void report_thirdPartyTrustStep_pdfsigWithTheLabCaInNss_opensslCmsVerify_trustGenuineOnly() throws IOException {
    ExternalTool.assumeInstalled("pdfsig");
    ExternalTool.assumeInstalled("certutil");
    Path genuine = acquire("genuine", jane);
    Path forged = acquire("forged", forgedJane);
    Path nss = Files.createDirectories(temp.resolve("nss"));
    ExternalTool.ok("certutil", "-N", "-d", "sql:" + nss, "--empty-password");
    ExternalTool.ok("certutil", "-A", "-d", "sql:" + nss, "-n", "State Forensic Lab CA", "-t", "CT,C,C", "-i", genuineCa.toString());

    String good = ExternalTool.run(List.of("pdfsig", "-nssdir", "sql:" + nss, genuine.resolve("report.pdf").toString())).stdout();
    String bad = ExternalTool.run(List.of("pdfsig", "-nssdir", "sql:" + nss, forged.resolve("report.pdf").toString())).stdout();

    assertThat(good).contains("Signature is Valid", "Certificate is Trusted");
    assertThat(bad).contains("Signature is Valid").doesNotContain("Certificate is Trusted");
    for (Path directory : List.of(genuine, forged)) {
      Path[] signature = signatureOf(directory.resolve("report.pdf"), temp);
      int cms = ExternalTool.run(List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", signature[1].toString(),
          "-content", signature[0].toString(), "-CAfile", genuineCa.toString(), "-purpose", "any", "-out", "/dev/null")).exitCode();
      int custos = report("verify", directory.toString(), "--trust", genuineCa.toString()).exitCode();
      assertThat(cms == 0).as("openssl cms -verify of " + directory).isEqualTo(directory.equals(genuine));
      assertThat(custos == 0).as("report verify --trust of " + directory).isEqualTo(directory.equals(genuine));
    }
  }

  @Test
  void timestamp_tsaTrust_trustedOnlyWithItsAnchor_opensslTsVerifyAgrees() throws Exception {
    ExternalTool.assumeInstalled("openssl");
    Path genuine;
    Path tsaPem = temp.resolve("tsa.pem");
    try (LocalTimestampAuthority tsa = LocalTimestampAuthority.start()) {
      Files.writeString(tsaPem, dev.custos.crypto.Certificates.toPem(List.of(tsa.certificate())), StandardCharsets.US_ASCII);
      genuine = acquire("genuine", jane, "--tsa", tsa.url());
    }
    Path[] signature = signatureOf(genuine.resolve("report.pdf"), temp);
    Path token = temp.resolve("token.der");
    Path value = temp.resolve("signature-value.bin");
    ExternalTool.ok(ExternalTool.python3(), "-c", CUT_TIMESTAMP, signature[1].toString(), token.toString(), value.toString());

    ExternalTool.Result trustedByOpenssl = ExternalTool.run(List.of("openssl", "ts", "-verify", "-in", token.toString(), "-token_in",
        "-data", value.toString(), "-CAfile", tsaPem.toString()));
    ExternalTool.Result otherByOpenssl = ExternalTool.run(List.of("openssl", "ts", "-verify", "-in", token.toString(), "-token_in",
        "-data", value.toString(), "-CAfile", otherCa.toString()));
    Cli.Run both = report("verify", genuine.toString(), "--trust", genuineCa.toString(), "--tsa-trust", tsaPem.toString());
    Cli.Run signerOnly = report("verify", genuine.toString(), "--trust", genuineCa.toString());
    Cli.Run wrongTsa = report("verify", genuine.toString(), "--trust", genuineCa.toString(), "--tsa-trust", otherCa.toString());

    assertThat(trustedByOpenssl.output()).contains("Verification: OK");
    assertThat(otherByOpenssl.exitCode()).isNotZero();
    assertThat(both.exitCode()).as(both.out()).isZero();
    assertThat(both.out()).contains("TRUSTED  Custos test TSA");
    assertThat(signerOnly.exitCode()).isEqualTo(1);
    assertThat(signerOnly.out()).contains("report.pdf signature timestamp: Custos test TSA", "is SELF-ASSERTED");
    assertThat(wrongTsa.exitCode()).isEqualTo(1);
    assertThat(wrongTsa.out()).contains("report.pdf signature timestamp: Custos test TSA", "is NOT TRUSTED");
  }

  @Test
  void report_showsTheSignersAndTheIssuersFingerprintsAndSerial_asOpensslComputesThem() {
    ExternalTool.assumeInstalled("pdftotext");
    Path genuine = acquire("genuine", jane);

    String text = ExternalTool.ok("pdftotext", "-layout", genuine.resolve("report.pdf").toString(), "-")
        .replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);

    assertThat(text).contains("issuersha-256" + sha256Of(genuineCa), "issuerserial" + serialOf(genuineCa), "signersofthelog", "janedoe" + sha256Of(genuine.resolve("examiner.pem")));
  }
}
