package io.github.spndoctor.core.directory.connect;

import io.github.spndoctor.core.directory.connect.ConnectionProfile.BindKind;
import io.github.spndoctor.core.directory.connect.ConnectionProfile.Security;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileStoreTest {
    @TempDir
    Path dir;

    static ConnectionProfile full() {
        return new ConnectionProfile("corp", ConnectionProfile.Mode.LIVE, null, "corp.example", 0, Security.STARTTLS,
                "gc.corp.example", 3268, "DC=corp,DC=example", BindKind.SIMPLE_DN, "CN=ops,DC=corp,DC=example",
                Trust.fingerprint("0a".repeat(32)), false, false, "10.0.0.53", Duration.ofSeconds(4), Duration.ofSeconds(44));
    }

    @Test
    void roundTripKeepsEveryField() {
        ProfileStore store = new ProfileStore(dir.resolve("sub").resolve("profiles.json"));
        store.save(full());
        store.save(ConnectionProfile.demo(true));
        assertEquals(List.of(full(), ConnectionProfile.demo(true).withName("Demo directory")), store.list());
        assertEquals(full(), store.load("CORP").orElseThrow());
    }

    @Test
    void savingTheSameNameReplacesAndDeleteRemoves() {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        store.save(full());
        store.save(full().withReadOnly(true));
        assertEquals(1, store.list().size());
        assertTrue(store.list().get(0).readOnly());
        assertTrue(store.delete("corp"));
        assertFalse(store.delete("corp"));
        assertTrue(store.list().isEmpty());
    }

    @Test
    void theFileNeverHoldsThePasswordAndIsPrivate() throws Exception {
        String password = "Sup3r-Secret-Pa55";
        // what the Connect page does: a password is typed, the profile is saved; the profile type has no slot for it
        char[] typed = password.toCharArray();
        ConnectionProfile p = ConnectionProfile.ldaps("dc1.corp.example", "ops@corp.example", Trust.system());
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        store.save(p);
        String file = Files.readString(store.file());
        assertFalse(file.contains(password));
        assertFalse(file.toLowerCase().contains("password"), file);
        assertFalse(p.toString().contains(new String(typed)));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(store.file()));
    }

    @Test
    void aCorruptFileIsReportedAndNeverOverwritten() throws Exception {
        Path f = dir.resolve("profiles.json");
        Files.writeString(f, "{ not json");
        ProfileStore store = new ProfileStore(f);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> store.save(full()));
        assertTrue(e.getMessage().contains("left untouched"), e.getMessage());
        assertEquals("{ not json", Files.readString(f));
    }

    @Test
    void aHugeFileIsRefused() throws Exception {
        Path f = dir.resolve("profiles.json");
        Files.write(f, new byte[(int) ProfileStore.MAX_FILE_BYTES + 1]);
        assertThrows(UncheckedIOException.class, () -> new ProfileStore(f).list());
    }
}
