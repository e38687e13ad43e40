package dev.custos.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The naming rules of splitting tools: each name has one place, and each place one name. */
class SuffixSequenceTest {
  private static final List<SuffixSequence> NAMINGS = List.of(
      new SuffixSequence.Numbered(3, 1), new SuffixSequence.Numbered(3, 0), new SuffixSequence.Numbered(2, 0),
      new SuffixSequence.Letters(2), new SuffixSequence.Letters(3),
      new SuffixSequence.Widening('a', 26), new SuffixSequence.Widening('0', 10));

  @Property
  void indexOf_nameOfAnyPiece_isThatPiece(@ForAll @LongRange(min = 0, max = 50_000_000) long index) {
    for (SuffixSequence naming : NAMINGS) {
      String suffix = naming.suffix(index);
      if (suffix != null) {
        assertThat(naming.indexOf(suffix)).as("%s piece %d named %s", naming, index, suffix).isEqualTo(index);
      }
    }
  }

  @ParameterizedTest(name = "piece {1} of GNU split''s letters is {0}")
  @CsvSource({"aa, 0", "az, 25", "ba, 26", "yz, 649", "zaaa, 650", "zaab, 651", "zyzz, 17549", "zzaaaa, 17550"})
  void widening_letters_asGnuSplitNamesThem(String suffix, long index) {
    assertThat(new SuffixSequence.Widening('a', 26).suffix(index)).isEqualTo(suffix);
  }

  @ParameterizedTest(name = "piece {1} of GNU split -d is {0}")
  @CsvSource({"00, 0", "89, 89", "9000, 90", "9899, 989", "990000, 990"})
  void widening_digits_asGnuSplitNamesThem(String suffix, long index) {
    assertThat(new SuffixSequence.Widening('0', 10).suffix(index)).isEqualTo(suffix);
  }

  @ParameterizedTest(name = "''{0}'' begins no set")
  @ValueSource(strings = {"dd", "ima", "002", "010", "1", "0", "a", "E01", "ab", "0a", "", "aA"})
  void beginningWith_notAFirstSegment_none(String suffix) {
    assertThat(SuffixSequence.beginningWith(suffix)).isEmpty();
  }

  @ParameterizedTest(name = "''{0}'' begins a set")
  @ValueSource(strings = {"00", "01", "000", "001", "0001", "aa", "aaa"})
  void beginningWith_firstSegment_someNaming(String suffix) {
    assertThat(SuffixSequence.beginningWith(suffix)).isNotEmpty()
        .allSatisfy(naming -> assertThat(naming.suffix(0)).isEqualTo(suffix));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"txt", "1000", "zz", "za"})
  void indexOf_namesTheWideningNeverGives_minusOne(String suffix) {
    assertThat(new SuffixSequence.Widening('a', 26).indexOf(suffix)).isEqualTo(-1);
  }
}
