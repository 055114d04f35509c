package io.github.spndoctor.core.samba;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.connect.Connector;
import io.github.spndoctor.core.directory.connect.TcpRelay;
import io.github.spndoctor.core.model.TargetName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Samba DC (domain and GC, over LDAPS through relays) stops answering after the connection was made. */
class DeadDomainControllerIT {
    @Test
    void dcThatStopsAnsweringMidLookupGivesAClearErrorNeverAVerdict() throws Exception {
        SambaLab.require();
        URI ldap = URI.create(SambaLab.ldapUri());
        URI gc = URI.create(SambaLab.gcUri());
        try (TcpRelay dcRelay = new TcpRelay(ldap.getHost(), ldap.getPort());
             TcpRelay gcRelay = new TcpRelay(gc.getHost(), gc.getPort());
             Directory dir = Connector.open(SambaLab.profile().withPort(dcRelay.port()).withGc("127.0.0.1", gcRelay.port())
                     .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3)), SambaLab.password().toCharArray())) {
            assertTrue(dir.lookup(TargetName.parse("srv004.lab.test")).computer().isPresent(), "healthy before");
            dcRelay.freeze();
            gcRelay.freeze();
            long t0 = System.nanoTime();
            DirectoryException e = assertThrows(DirectoryException.class, () -> dir.lookup(TargetName.parse("srv003.lab.test")));
            assertTrue(EnumSet.of(DirectoryException.Kind.TIMEOUT, DirectoryException.Kind.UNREACHABLE).contains(e.kind()),
                    e.kind() + ": " + e.getMessage());
            assertTrue(System.nanoTime() - t0 < 15_000_000_000L, "gave up in time");
            gcRelay.kill();
            DirectoryException killed = assertThrows(DirectoryException.class, () -> dir.lookup(TargetName.parse("srv003.lab.test")));
            assertTrue(EnumSet.of(DirectoryException.Kind.TIMEOUT, DirectoryException.Kind.UNREACHABLE).contains(killed.kind()),
                    killed.kind() + ": " + killed.getMessage());
        }
    }
}
