package org.quorate.vqsim.real;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartitionsTest {
    @Test
    void everyNodeStartsInPartitionZeroWithNothingCut() {
        Partitions p = new Partitions(List.of(1L, 2L, 3L));
        assertThat(p.cuts()).isEmpty();
        assertThat(p.members()).isEqualTo(Map.of(0, Set.of(1L, 2L, 3L)));
    }

    @Test
    void aSplitCutsExactlyThePairsAcrossPartitionsAndAJoinHealsThem() {
        Partitions p = new Partitions(List.of(1L, 2L, 3L, 4L));
        p.place(3, 1);
        p.place(4, 2);
        assertThat(p.cuts()).containsExactlyInAnyOrder(Partitions.Pair.of(1, 3), Partitions.Pair.of(2, 3),
                Partitions.Pair.of(1, 4), Partitions.Pair.of(2, 4), Partitions.Pair.of(3, 4));
        p.join(List.of(1, 2));
        assertThat(p.partitionOf(4)).isEqualTo(1);
        assertThat(p.cuts()).containsExactlyInAnyOrder(Partitions.Pair.of(1, 3), Partitions.Pair.of(2, 3),
                Partitions.Pair.of(1, 4), Partitions.Pair.of(2, 4));
        p.join(List.of(0, 1));
        assertThat(p.cuts()).isEmpty();
    }
}
