package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.connect.ConnectionProfile;
import io.github.spndoctor.core.directory.connect.ConnectionProfile.BindKind;
import io.github.spndoctor.core.directory.connect.ConnectionProfile.Security;
import io.github.spndoctor.core.directory.connect.ProfileStore;
import io.github.spndoctor.core.directory.connect.Trust;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectoryOptionsTest {
    @CommandLine.Command(name = "t")
    static final class Holder {
        @CommandLine.Mixin
        DirectoryOptions options;
    }

    static DirectoryOptions parse(String... args) {
        Holder h = new Holder();
        new CommandLine(h).parseArgs(args);
        return h.options;
    }

    @Test
    void noOptionsMeansDemoAndNothingGiven() throws Exception {
        DirectoryOptions o = parse();
        assertFalse(o.anyGiven());
        assertTrue(o.isDemo());
        try (Directory d = o.open()) {
            assertTrue(d.info().demo());
        }
        assertTrue(parse("--demo").anyGiven());
    }

    @Test
    void ldapsUrlWithUpnAndCaFile() {
        ConnectionProfile p = parse("--url", "ldaps://dc1.lab.test", "--bind-upn", "admin@lab.test", "--ca-file", "/x/ca.pem").profile();
        assertEquals("dc1.lab.test", p.host());
        assertEquals(636, p.effectivePort());
        assertEquals(3269, p.effectiveGcPort());
        assertEquals(Security.LDAPS, p.security());
        assertEquals(BindKind.SIMPLE_UPN, p.bindKind());
        assertEquals(Trust.caFile("/x/ca.pem"), p.trust());
        assertTrue(p.readOnly(), "read-only by default");
    }

    @Test
    void startTlsGcUrlFingerprintAndChanges() {
        String fp = "ab".repeat(32);
        ConnectionProfile p = parse("--url", "ldap://[::1]:1389", "--starttls", "--gc-url", "ldap://gc.lab.test:3268",
                "--bind-dn", "CN=a,DC=lab,DC=test", "--trust-fingerprint", fp, "--allow-changes", "--timeout", "7").profile();
        assertEquals("::1", p.host());
        assertEquals(1389, p.port());
        assertEquals(Security.STARTTLS, p.security());
        assertEquals("gc.lab.test", p.gcHost());
        assertEquals(Trust.Kind.FINGERPRINT, p.trust().kind());
        assertTrue(p.trust().value().startsWith("AB:AB:"));
        assertFalse(p.readOnly());
        assertEquals(7, p.responseTimeout().toSeconds());
    }

    @Test
    void domainDiscoveryWithGssapi() {
        ConnectionProfile p = parse("--domain", "lab.test", "--dns-server", "127.0.0.1", "--gssapi").profile();
        assertNull(p.host());
        assertEquals("lab.test", p.domain());
        assertEquals(BindKind.GSSAPI, p.bindKind());
        assertFalse(p.needsPassword());
    }

    @Test
    void contradictionsAndBadUrlsAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> parse("--url", "ldaps://a", "--domain", "b", "--gssapi").profile());
        assertThrows(IllegalArgumentException.class, () -> parse("--url", "https://a", "--gssapi").profile());
        assertThrows(IllegalArgumentException.class, () -> parse("--url", "ldaps://a", "--starttls", "--gssapi").profile());
        assertThrows(IllegalArgumentException.class, () -> parse("--url", "ldaps://a/DC=x", "--gssapi").profile());
        assertThrows(IllegalArgumentException.class, () -> parse("--url", "ldaps://a").profile(), "no bind given");
        assertThrows(IllegalArgumentException.class, () -> parse("--url", "ldaps://a", "--bind-upn", "notaupn").profile());
        assertThrows(IllegalArgumentException.class, () -> parse("--url", "ldaps://a", "--gssapi", "--trust-fingerprint", "123").profile());
        assertThrows(IllegalArgumentException.class, () -> parse("--url", "ldaps://a", "--gssapi", "--ca-file", "x", "--trust-fingerprint", "ab".repeat(32)).profile());
        assertThrows(IllegalArgumentException.class, () -> parse("--url", "ldaps://a", "--gssapi", "--gc-url", "ldap://b").profile());
        IllegalArgumentException inj = assertThrows(IllegalArgumentException.class,
                () -> parse("--url", "ldaps://a)(|(objectClass=*)", "--gssapi").profile());
        assertTrue(inj.getMessage().contains("--url"));
    }

    @Test
    void passwordFromEnvironmentMissingIsAClearError() {
        DirectoryOptions o = parse("--url", "ldaps://127.0.0.1:1", "--bind-upn", "a@b.c", "--password-env", "NOPE_NOT_SET")
                .withEnv(Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, o::open);
        assertTrue(e.getMessage().contains("NOPE_NOT_SET"));
    }

    @Test
    void oversizedOrMissingPasswordFileIsRefused(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big");
        Files.write(big, new byte[10_000]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("--url", "ldaps://127.0.0.1:1", "--bind-upn", "a@b.c", "--password-file", big.toString()).open());
        assertTrue(e.getMessage().contains("larger"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> parse("--url", "ldaps://127.0.0.1:1", "--bind-upn", "a@b.c", "--password-file", dir.resolve("none").toString()).open());
    }

    @Test
    void noTerminalForThePromptIsAClearError() {
        DirectoryOptions o = parse("--url", "ldaps://127.0.0.1:1", "--bind-upn", "a@b.c");
        o.prompt = label -> null;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, o::open);
        assertTrue(e.getMessage().contains("--password-env"));
    }

    @Test
    void passwordFileFirstLineIsUsedAndADeadServerIsUnreachable(@TempDir Path dir) throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "secret\r\nignored\n");
        DirectoryOptions o = parse("--url", "ldaps://127.0.0.1:9", "--bind-upn", "a@b.c", "--password-file", pw.toString(),
                "--connect-timeout", "2");
        DirectoryException e = assertThrows(DirectoryException.class, o::open);
        assertEquals(DirectoryException.Kind.UNREACHABLE, e.kind(), e.getMessage() + " / " + e.detail());
        assertFalse(e.getMessage().contains("secret") || e.detail().contains("secret"));
    }

    @Test
    void savedProfileIsUsedByName(@TempDir Path dir) {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        store.save(ConnectionProfile.ldaps("dc9.corp.example", "ops@corp.example", Trust.system()).withName("corp"));
        DirectoryOptions o = parse("--profile", "CORP");
        o.store = store;
        assertEquals("dc9.corp.example", o.profile().host());
        assertTrue(o.profile().readOnly());
        DirectoryOptions missing = parse("--profile", "nope");
        missing.store = store;
        assertThrows(IllegalArgumentException.class, missing::profile);
    }
}
