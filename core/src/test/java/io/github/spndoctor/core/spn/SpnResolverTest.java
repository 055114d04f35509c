package io.github.spndoctor.core.spn;

import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.SpnMappings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpnResolverTest {
    static DemoDirectory demo;
    static SpnMappings mappings;

    @BeforeAll
    static void start() throws DirectoryException {
        demo = DemoDirectory.start();
        mappings = demo.spnMappings();
    }

    @AfterAll
    static void stop() { demo.close(); }

    @AfterEach
    void reset() {
        demo.reset();
        demo.setUniquenessCheck(true);
    }

    @Test
    void demoCarriesTheDefaultMappingReadFromItsConfigurationPartition() {
        assertEquals(SpnMappings.CONTAINER + DemoDirectory.CONFIGURATION_NC, mappings.source());
        assertEquals(SpnMappings.defaults().values(), mappings.values());
        assertEquals(Optional.of("host"), mappings.targetOf("HTTP"));
        assertFalse(mappings.maps("WSMAN"), "the default sPNMappings does not alias wsman");
    }

    @Test
    void explicitHttpOnAServiceAccountWinsOverTheComputersHost() throws DirectoryException {
        SpnAnswer a = SpnResolver.resolve(demo, mappings, Spn.parse("HTTP/srv003.rwwilden01.local"));
        assertEquals(SpnAnswer.How.EXACT, a.how());
        assertEquals("svc-srv003-web$", a.answeredBy().orElseThrow().ref().samAccountName());
        assertEquals(AccountKind.MSA, a.answeredBy().get().ref().kind());
    }

    @Test
    void withoutAnExactHolderHttpFallsBackToHostOnTheComputer() throws DirectoryException {
        SpnAnswer a = SpnResolver.resolve(demo, mappings, Spn.parse("http/SRV004.rwwilden01.local"));
        assertEquals(SpnAnswer.How.HOST_ALIAS, a.how());
        assertEquals("SRV004$", a.answeredBy().orElseThrow().ref().samAccountName());
        assertEquals("host/srv004.rwwilden01.local", a.via().orElseThrow().key());
    }

    @Test
    void thePortStaysOnTheAliasSoAPortSpnNeedsItsOwnRegistration() throws DirectoryException {
        SpnAnswer a = SpnResolver.resolve(demo, mappings, Spn.parse("HTTP/srv004.rwwilden01.local:5985"));
        assertEquals(SpnAnswer.How.NONE, a.how());
        assertEquals("host/srv004.rwwilden01.local:5985", a.via().orElseThrow().key());
        assertFalse(a.ticketIssued());
    }

    @Test
    void anUnmappedClassWithoutHolderIsUnknown() throws DirectoryException {
        SpnAnswer a = SpnResolver.resolve(demo, mappings, Spn.parse("WSMAN/dynamics-crm.kimconnect.com"));
        assertEquals(SpnAnswer.How.NONE, a.how());
        assertTrue(a.via().isEmpty());
        SpnAnswer w = SpnResolver.resolve(demo, mappings, Spn.parse("WSMAN/srv004.rwwilden01.local"));
        assertEquals(SpnAnswer.How.EXACT, w.how());
        assertEquals("SRV004$", w.answeredBy().orElseThrow().ref().samAccountName());
    }

    @Test
    void aTrueDuplicateIsSeveral() throws DirectoryException {
        demo.setUniquenessCheck(false);
        Account web = demo.findHolders(Spn.parse("HTTP/srv003.rwwilden01.local")).get(0);
        Account srv004 = demo.findHolders(Spn.parse("HOST/srv004.rwwilden01.local")).get(0);
        demo.apply(new SpnChange.Add(srv004.ref(), Spn.parse("HTTP/srv003.rwwilden01.local")));
        SpnAnswer a = SpnResolver.resolve(demo, mappings, Spn.parse("HTTP/srv003.rwwilden01.local"));
        assertEquals(SpnAnswer.How.SEVERAL, a.how());
        assertEquals(2, a.holders().size());
        assertTrue(a.holders().stream().anyMatch(h -> h.ref().sameEntry(web.ref())));
        assertTrue(a.answeredBy().isEmpty());
    }

    @Test
    void removingTheHijackingSpnHandsTheRequestBackToTheComputer() throws DirectoryException {
        Account web = demo.findHolders(Spn.parse("HTTP/srv003.rwwilden01.local")).get(0);
        demo.apply(new SpnChange.Remove(web.ref(), Spn.parse("HTTP/srv003.rwwilden01.local")));
        SpnAnswer a = SpnResolver.resolve(demo, mappings, Spn.parse("HTTP/srv003.rwwilden01.local"));
        assertEquals(SpnAnswer.How.HOST_ALIAS, a.how());
        assertEquals("SRV003$", a.answeredBy().orElseThrow().ref().samAccountName());
    }

    @Test
    void withoutMappingsNothingFallsBack() throws DirectoryException {
        SpnAnswer a = SpnResolver.resolve(demo, SpnMappings.none("test"), Spn.parse("HTTP/srv004.rwwilden01.local"));
        assertEquals(SpnAnswer.How.NONE, a.how());
    }

    @Test
    void severalThroughTheAliasToo() throws DirectoryException {
        Account one = account("CN=A,DC=x", "A$");
        Account two = account("CN=B,DC=x", "B$");
        SpnAnswer a = SpnResolver.resolve(spn -> spn.hasClass("host") ? List.of(one, two) : List.of(),
                SpnMappings.defaults(), Spn.parse("HTTP/x.example"));
        assertEquals(SpnAnswer.How.SEVERAL, a.how());
        assertEquals("host/x.example", a.via().orElseThrow().key());
    }

    @Test
    void demoKeyVersionsDifferBetweenTheComputerAndTheHijacker() throws DirectoryException {
        Account web = demo.findHolders(Spn.parse("HTTP/srv003.rwwilden01.local")).get(0);
        Account srv003 = demo.findHolders(Spn.parse("HOST/srv003.rwwilden01.local")).get(0);
        assertEquals(1, demo.keyVersion(web.ref().dn()).getAsInt());
        assertEquals(2, demo.keyVersion(srv003.ref().dn()).getAsInt());
        assertTrue(demo.serverTime().isPresent());
    }

    private static Account account(String dn, String sam) {
        return new Account(new AccountRef(dn, sam, AccountKind.COMPUTER), List.of(), Optional.empty(), 4096, List.of());
    }
}
