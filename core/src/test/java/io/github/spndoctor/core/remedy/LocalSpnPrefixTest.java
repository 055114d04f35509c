package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.verify.CommandRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalSpnPrefixTest {
    @Test
    void onWindows_runsRegAddAndRegDelete_exactly() throws Exception {
        List<List<String>> ran = new ArrayList<>();
        LocalSpnPrefix p = new LocalSpnPrefix((cmd, env) -> {
            ran.add(cmd);
            return new CommandRunner.Result(0, "The operation completed successfully.");
        }, true);
        assertEquals(0, p.set().exitCode());
        assertEquals(0, p.undo().exitCode());
        assertEquals(List.of(
                List.of("reg", "add", "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WSMAN\\Client", "/v", "spn_prefix", "/t", "REG_SZ", "/d", "WSMAN", "/f"),
                List.of("reg", "delete", "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WSMAN\\Client", "/v", "spn_prefix", "/f")), ran);
    }

    @Test
    void notElevated_saysSo() throws Exception {
        LocalSpnPrefix p = new LocalSpnPrefix((cmd, env) -> new CommandRunner.Result(1, "ERROR: Access is denied."), true);
        assertTrue(p.set().output().contains("elevated prompt"));
    }

    @Test
    void elsewhere_refusesWithAPlainMessage() {
        LocalSpnPrefix p = new LocalSpnPrefix((cmd, env) -> { throw new AssertionError("must not run"); }, false);
        assertTrue(assertThrows(UnsupportedOperationException.class, p::set).getMessage().contains(".reg file"));
    }
}
