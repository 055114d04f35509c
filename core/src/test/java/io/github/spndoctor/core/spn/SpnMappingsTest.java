package io.github.spndoctor.core.spn;

import io.github.spndoctor.core.model.SpnMappings;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpnMappingsTest {
    @Test
    void everyClassOfTheDefaultValueMapsToHost() {
        SpnMappings m = SpnMappings.defaults();
        String[] aliases = SpnMappings.DEFAULT_VALUE.substring("host=".length()).split(",");
        assertEquals(53, aliases.length);
        Arrays.stream(aliases).forEach(a -> assertEquals(Optional.of("host"), m.targetOf(a.toUpperCase()), a));
        assertFalse(m.maps("wsman"));
        assertFalse(m.maps("host"));
    }

    @Test
    void malformedValuesAreSkippedAndTheFirstMappingWins() {
        SpnMappings m = SpnMappings.parse(Arrays.asList("garbage", null, "=http", "HOST= http , cifs,,", "other=http,foo"),
                "test");
        assertEquals(Optional.of("host"), m.targetOf("http"));
        assertEquals(Optional.of("host"), m.targetOf("CIFS"));
        assertEquals(Optional.of("other"), m.targetOf("foo"));
        assertEquals(List.of("HOST= http , cifs,,", "other=http,foo"), m.values());
        assertTrue(SpnMappings.none("x").values().isEmpty());
        assertFalse(SpnMappings.none("x").maps("http"));
    }
}
