package io.github.spndoctor.core.samba;

import io.github.spndoctor.core.directory.ldap.LdapDirectory;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnMappings;
import io.github.spndoctor.core.spn.SpnAnswer;
import io.github.spndoctor.core.spn.SpnResolver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sPNMappings, key versions and the DC clock read from the real Samba DC; the resolver on the seeded conflicts. */
class SpnResolverSambaIT {
    @Test
    void readsTheForestsMappingAndResolvesLikeTheKdc() throws Exception {
        SambaLab.require();
        try (LdapDirectory dir = SambaLab.directory()) {
            SpnMappings m = dir.spnMappings();
            assertEquals(SpnMappings.CONTAINER + "CN=Configuration," + SambaLab.baseDn(), m.source());
            assertEquals(Optional.of("host"), m.targetOf("http"));
            assertFalse(m.maps("wsman"));

            SpnAnswer hijacked = SpnResolver.resolve(dir, m, Spn.parse("HTTP/srv003.lab.test"));
            assertEquals(SpnAnswer.How.EXACT, hijacked.how());
            Account web = hijacked.answeredBy().orElseThrow();
            assertEquals("svc-srv003-web$", web.ref().samAccountName().toLowerCase());

            SpnAnswer healthy = SpnResolver.resolve(dir, m, Spn.parse("HTTP/srv004.lab.test"));
            assertEquals(SpnAnswer.How.HOST_ALIAS, healthy.how());
            assertEquals("SRV004$", healthy.answeredBy().orElseThrow().ref().samAccountName().toUpperCase());

            Account srv003 = dir.findHolders(Spn.parse("HOST/srv003.lab.test")).get(0);
            int webKvno = dir.keyVersion(web.ref().dn()).orElseThrow();
            int srvKvno = dir.keyVersion(srv003.ref().dn()).orElseThrow();
            assertTrue(webKvno >= 1 && srvKvno >= 1);
            assertTrue(webKvno != srvKvno, "the seeded lab gives the two accounts different key versions");

            Instant dc = dir.serverTime().orElseThrow();
            assertTrue(Duration.between(dc, Instant.now()).abs().toMinutes() < 5, "lab DC runs on this machine");
        }
    }
}
