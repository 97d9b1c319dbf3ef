package dev.takt.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** IN lists come in few lengths, so that few statement texts reach the driver's cache. */
class InListTest {

  @Test
  void padsAListWithItsLastValueToThePowerOfTwoAtOrAboveItsLength() {
    assertThat(InList.padded(List.of("U1"))).containsExactly("U1");
    assertThat(InList.padded(List.of("U1", "U2", "U3"))).containsExactly("U1", "U2", "U3", "U3");
    assertThat(InList.padded(List.of(1, 2, 3, 4))).containsExactly(1, 2, 3, 4);
    assertThat(InList.padded(List.of(1, 2, 3, 4, 5))).hasSize(8).endsWith(5, 5, 5, 5);
  }

  @Test
  void theListsOfADrainerBatchOfOneTo500ComeInTenLengths() {
    var lengths = new HashSet<Integer>();
    for (int n = 1; n <= 500; n++) {
      List<Integer> values = IntStream.rangeClosed(1, n).boxed().toList();
      List<Integer> padded = InList.padded(values);
      assertThat(new HashSet<>(padded)).isEqualTo(new HashSet<>(values));
      lengths.add(padded.size());
    }
    assertThat(lengths).containsExactlyInAnyOrder(1, 2, 4, 8, 16, 32, 64, 128, 256, 512);
  }

  @Test
  void refusesAnEmptyList() {
    assertThatThrownBy(() -> InList.padded(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
