package io.github.spndoctor.core.directory.connect;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.connect.ConnectionProfile.BindKind;
import io.github.spndoctor.core.directory.connect.ConnectionProfile.Mode;
import io.github.spndoctor.core.directory.connect.ConnectionProfile.Security;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.scan.ForestScanner;
import io.github.spndoctor.core.scan.ScanListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A directory server that stops answering (frozen) or dies (killed) after the connection was made: the lookup and
 * the scan fail with a clear error within the response timeout and never produce a result. Runs on the demo
 * directory's LDAP listener behind a relay this test controls; the Samba variant is DeadDomainControllerIT.
 */
class DeadDirectoryTest {
    private DemoDirectory demo;
    private TcpRelay relay;
    private Directory dir;

    @BeforeEach
    void connect() throws Exception {
        demo = DemoDirectory.start();
        relay = new TcpRelay("127.0.0.1", demo.port());
        ConnectionProfile p = new ConnectionProfile("relay", Mode.LIVE, "127.0.0.1", null, relay.port(), Security.PLAIN,
                "127.0.0.1", relay.port(), "DC=contoso,DC=com", BindKind.ANONYMOUS, null, Trust.system(), false, true,
                null, Duration.ofSeconds(2), Duration.ofSeconds(2));
        dir = Connector.open(p, null);
        LookupResult ok = dir.lookup(TargetName.parse("srv003.rwwilden01.local"));
        assertTrue(ok.computer().isPresent(), "works before the failure");
    }

    @AfterEach
    void close() {
        dir.close();
        relay.close();
        demo.close();
    }

    @Test
    void frozenServerMidLookupIsATimeoutNeverAResult() {
        relay.freeze();
        long t0 = System.nanoTime();
        DirectoryException e = assertThrows(DirectoryException.class, () -> dir.lookup(TargetName.parse("srv004.rwwilden01.local")));
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertTrue(EnumSet.of(DirectoryException.Kind.TIMEOUT, DirectoryException.Kind.UNREACHABLE).contains(e.kind()), e.kind() + " " + e.getMessage());
        assertTrue(seconds < 10, "gave up after " + seconds + " s");
        assertTrue(e.getMessage().contains("srv004"), e.getMessage());
    }

    @Test
    void killedServerMidScanIsUnreachable() {
        relay.kill();
        DirectoryException e = assertThrows(DirectoryException.class, () -> ForestScanner.scan(dir, ScanListener.NONE));
        assertTrue(EnumSet.of(DirectoryException.Kind.TIMEOUT, DirectoryException.Kind.UNREACHABLE).contains(e.kind()), e.kind() + " " + e.detail());
    }

    @Test
    void serverThatIsNotThereAtAllIsUnreachable() throws Exception {
        relay.kill();
        ConnectionProfile p = ConnectionProfile.ldaps("127.0.0.1", "a@b.c", Trust.system()).withPort(relay.port())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
        DirectoryException e = assertThrows(DirectoryException.class, () -> Connector.open(p, "pw".toCharArray()));
        assertEquals(DirectoryException.Kind.UNREACHABLE, e.kind(), e.getMessage() + " " + e.detail());
    }
}
