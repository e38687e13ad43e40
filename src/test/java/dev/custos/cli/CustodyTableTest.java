package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.custody.Actor;
import dev.custos.custody.CustodyEvent;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code report custody} says of each event: a sentence an examiner can read out in court,
 * with every fact the row held as raw data, and never a brace of the JSON the log stores.
 */
class CustodyTableTest {
  private static final String H1 = "17481355dcd4d465350ac4b58c0acb8150e2549eb81291c694f4c214073843fb";
  private static final String H2 = "917c11869955a9d093a5d5cac1f95b16fe9a77cd56810013254342dd5c5b4595";
  private static final String MD5 = "a849b99b9c1b133ebcff3e20c7834f94";

  static CustodyEvent event(String type, String json) {
    try {
      return new CustodyEvent(1, Instant.parse("2026-12-07T21:06:12.751Z"), type, new Actor("Jane Doe", "a".repeat(64)),
          new CustodyEvent.EventHost("vm", "Linux", "root"), new CustodyEvent.EventTool("custos", "1.0", null, null),
          new ObjectMapper().readTree(json.replace('\'', '"')), CustodyEvent.NO_PREVIOUS, "b".repeat(64), null);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Stream<Arguments> everyEventType() {
    return Stream.of(
        Arguments.of("acquisition-started", "{'case':{'caseId':'2026-0142','evidenceId':'HDD-01'},'source':{'path':'/dev/sdb',"
            + "'sizeBytes':1474560,'model':'WD Blue','serial':'WX123'},'writeBlock':{'method':'kernel-read-only'}}",
            "Acquisition of /dev/sdb (1474560 bytes, model WD Blue, serial WX123) started for case 2026-0142, evidence HDD-01;"
                + " write block: kernel-read-only"),
        Arguments.of("read-errors", "{'sectorCount':9,'ranges':[{'firstLba':0,'count':1},{'firstLba':7,'count':8}]}",
            "9 unreadable sectors in 2 ranges, zero-filled in the image"),
        Arguments.of("acquisition-completed", "{'bytesAcquired':1474560,'digests':{'md5':'" + MD5 + "'},"
            + "'badSectors':{'sectorCount':0}}",
            "Acquisition completed: 1474560 bytes, md5 " + MD5 + "; 0 bad sectors"),
        Arguments.of("acquisition-interrupted", "{'status':'interrupted','reason':'SIGINT','bytesAcquired':4096,'digests':{},"
            + "'badSectors':{'sectorCount':0}}",
            "Acquisition interrupted (interrupted: SIGINT): 4096 bytes; 0 bad sectors"),
        Arguments.of("acquisition-resumed", "{'fromByte':1048576,'piecesChecked':1,'prefixCheckedBy':'pieceDigests','rereadPiece':null,"
            + "'interruptionRecorded':true,'previousManifest':{'file':'acquisition.interrupted-1.json','sha256':'" + H1 + "'}}",
            "Acquisition resumed from byte 1048576, the 1 recorded pieces of the image before it to be re-hashed against their"
                + " digests; the interruption was recorded; manifest set aside as acquisition.interrupted-1.json"),
        Arguments.of("image-verified", "{'check':'image','started':'2026-12-07T21:06:12.751Z','ended':'2026-12-07T21:06:13.751Z',"
            + "'read':'O_DIRECT','matched':true,'digests':[{'algorithm':'md5','recorded':'" + MD5 + "','computed':'" + MD5
            + "','matched':true}],'pieces':null,'bytesRead':1474560,'summary':'matched','problemCount':0,'problems':[]}",
            "Image re-read after the acquisition: it matched; md5 " + MD5 + " as recorded"),
        Arguments.of("source-verified", "{'check':'source','started':'2026-12-07T21:06:12.751Z','ended':'2026-12-07T21:06:13.751Z',"
            + "'read':'O_DIRECT','matched':false,'digests':[{'algorithm':'md5','recorded':'" + MD5 + "','computed':'" + H1.substring(0, 32)
            + "','matched':false}],'pieces':null,'bytesRead':1474560,'summary':'differs','problemCount':1,'problems':['md5']}",
            "Source re-read after the acquisition: it DOES NOT MATCH (1 problems); md5 " + H1.substring(0, 32) + " (recorded " + MD5 + ")"),
        Arguments.of("report-rendered", "{'file':'report.pdf','logHead':{'hash':'" + H1 + "','seq':1},'sha256':'" + H2 + "',"
            + "'signed':true,'sizeBytes':324650}",
            "Report report.pdf rendered (SHA-256 " + H2 + ", 324650 bytes, signed), covering the log up to event 1 (hash " + H1 + ")"),
        Arguments.of("transfer", "{'from':'Jane Doe','to':'Dana Roe','toCertificateSha256':'" + H2 + "','reason':'lab analysis',"
            + "'location':'Evidence room 3'}",
            "Evidence handed over from Jane Doe to Dana Roe (recipient's certificate SHA-256 " + H2 + "); reason: lab analysis;"
                + " at Evidence room 3"),
        Arguments.of("receipt", "{'transferSeq':3,'transferHash':'" + H1 + "','from':'Jane Doe','location':'Lab 2','note':'sealed'}",
            "Hand-over received from Jane Doe at Lab 2; note: sealed"),
        Arguments.of("note", "{'text':'Bag 4 resealed'}", "Note: Bag 4 resealed"),
        Arguments.of("verification", "{'outcome':'verified','checks':{'image':'ok'},'digests':{'md5':'" + MD5 + "'},"
            + "'source':'not re-read','problemCount':0,'problems':[]}",
            "Evidence re-verified: everything as recorded (VERIFIED); md5 " + MD5 + "; source re-read: not re-read"),
        Arguments.of("log-repaired", "{'tornBytes':17,'tornSha256':'" + H1 + "','setAsideAs':'custody.jsonl.torn-1','afterSeq':4}",
            "Torn end of the log set aside: 17 bytes after event 4 moved to custody.jsonl.torn-1 (a crash, or a cut end of the"
                + " log: only a kept head tells)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEventType")
  void facts_everyEventType_aSentenceWithItsFacts(String type, String data, String sentence) {
    assertThat(CustodyTable.facts(event(type, data))).isEqualTo(sentence);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEventType")
  void facts_everyEventType_noJsonBrace(String type, String data, String sentence) {
    assertThat(CustodyTable.facts(event(type, data))).doesNotContain("{", "}", "[", "]", "\"");
  }

  @Test
  void facts_typeThisVersionDoesNotKnow_itsDataAsWordsNotJson() {
    String facts = CustodyTable.facts(event("seal-broken", "{'seal':{'number':'S-17','intact':false},'witnesses':['A','B']}"));

    assertThat(facts).isEqualTo("Event of a type this version does not know: seal number S-17, seal intact false, witnesses 1 A,"
        + " witnesses 2 B");
  }
}
