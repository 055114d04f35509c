package io.github.spndoctor.core.apply;

import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFModifyChangeRecord;
import com.unboundid.ldif.LDIFReader;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalTest {
    @TempDir
    Path dir;

    static final AccountRef SVC = new AccountRef("CN=svc,CN=Users,DC=lab,DC=test", "svc", AccountKind.USER);
    static final AccountRef PC = new AccountRef("CN=SRV,CN=Computers,DC=lab,DC=test", "SRV$", AccountKind.COMPUTER);
    static final DirectoryInfo INFO = new DirectoryInfo(false, "ldaps://dc1.lab.test:636", "alice@lab.test", false);

    static Plan plan() {
        Account svc = new Account(SVC, List.of(Spn.parse("HTTP/srv.lab.test"), Spn.parse("HTTP/other")), Optional.empty(), 512, List.of());
        Account pc = new Account(PC, List.of(Spn.parse("HOST/srv.lab.test")), Optional.of("srv.lab.test"), 4096, List.of());
        return new Plan("move-spn-to-computer", "Move", List.of(new SpnChange.Remove(SVC, Spn.parse("HTTP/srv.lab.test")),
                new SpnChange.Add(PC, Spn.parse("HTTP/srv.lab.test"))), List.of(), List.of(), List.of(svc, pc));
    }

    @Test
    void create_writesHeaderAndValidLdifOfTheForwardChanges() throws Exception {
        Journal j = Journal.create(dir, INFO, TargetName.parse("srv.lab.test"), plan());
        String text = Files.readString(j.file());
        assertTrue(text.contains("# target: srv.lab.test\n"));
        assertTrue(text.contains("# bound identity: alice@lab.test\n"));
        assertTrue(text.contains("#   add: servicePrincipalName"), "the inverse is written as comments");
        List<String> records = new ArrayList<>();
        try (LDIFReader r = new LDIFReader(j.file().toFile())) {
            LDIFChangeRecord rec;
            while ((rec = r.readChangeRecord()) != null) {
                LDIFModifyChangeRecord m = (LDIFModifyChangeRecord) rec;
                records.add(m.getModifications()[0].getModificationType().getName() + " " + m.getDN() + " " + m.getModifications()[0].getValues()[0]);
            }
        }
        assertEquals(List.of("DELETE CN=svc,CN=Users,DC=lab,DC=test HTTP/srv.lab.test", "ADD CN=SRV,CN=Computers,DC=lab,DC=test HTTP/srv.lab.test"), records);
    }

    @Test
    void readBack_undoPlanHasOnlyWhatWasApplied_lastFirst() throws Exception {
        Plan p = plan();
        Journal j = Journal.create(dir, INFO, TargetName.parse("srv.lab.test"), p);
        j.recordAttempt(0);
        j.recordOutcome(0, new ChangeOutcome(p.changes().get(0), ChangeOutcome.Status.APPLIED, ""));
        j.recordAttempt(1);
        j.recordOutcome(1, new ChangeOutcome(p.changes().get(1), ChangeOutcome.Status.FAILED, "refused"));
        j.recordEnd("stopped");
        Journal r = Journal.read(j.file());
        assertEquals("alice@lab.test", r.boundIdentity());
        assertEquals("srv.lab.test", r.target());
        assertEquals(p.changes(), r.changes());
        assertEquals(Optional.of("stopped"), r.endMessage());
        Plan undo = r.undoPlan();
        assertEquals(List.of(new SpnChange.Add(SVC, Spn.parse("HTTP/srv.lab.test"))), undo.changes());
        // basis is the state after the applied change: svc without the SPN
        assertFalse(undo.basisOf(SVC).orElseThrow().holds(Spn.parse("HTTP/srv.lab.test")));
        assertTrue(undo.basisOf(SVC).orElseThrow().holds(Spn.parse("HTTP/other")));
    }

    @Test
    void crashAfterAttempt_withoutOutcome_countsAsPossiblyApplied() throws Exception {
        Plan p = plan();
        Journal j = Journal.create(dir, INFO, TargetName.parse("srv.lab.test"), p);
        j.recordAttempt(0);   // then the process dies
        Journal r = Journal.read(j.file());
        assertEquals(List.of(p.changes().get(0)), r.possiblyApplied());
        assertTrue(r.endMessage().isEmpty());
        assertEquals(1, r.undoPlan().changes().size());
    }

    @Test
    void createAt_neverOverwritesAnExistingFile() throws Exception {
        Path f = dir.resolve("mine.ldif");
        Files.writeString(f, "precious");
        assertThrows(FileAlreadyExistsException.class, () -> Journal.createAt(f, INFO, TargetName.parse("srv"), plan()));
        assertEquals("precious", Files.readString(f));
    }

    @Test
    void create_twiceInOneSecond_usesTwoFiles() throws Exception {
        Journal a = Journal.create(dir, INFO, TargetName.parse("srv"), plan());
        Journal b = Journal.create(dir, INFO, TargetName.parse("srv"), plan());
        assertFalse(a.file().equals(b.file()));
    }

    @Test
    void read_rejectsFilesThatAreNotJournals() throws Exception {
        Path f = dir.resolve("x.ldif");
        Files.writeString(f, "dn: cn=x\nchangetype: delete\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Journal.read(f)).getMessage().contains("not an SPN Doctor journal"));
        Path g = dir.resolve("g.ldif");
        Files.writeString(g, "#@journal {broken\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Journal.read(g)).getMessage().contains("damaged"));
        assertThrows(IllegalArgumentException.class, () -> Journal.read(dir.resolve("missing.ldif")));
        Path big = dir.resolve("big.ldif");
        Files.write(big, new byte[(int) Journal.MAX_BYTES + 1]);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Journal.read(big)).getMessage().contains("too large"));
    }

    @Test
    void targetWithOddCharacters_makesASafeFileName() throws Exception {
        Journal j = Journal.create(dir, INFO, TargetName.parse("srv.lab.test"), new Plan("remove-spn", "t\nx", List.of(), List.of(), List.of()));
        assertTrue(j.file().getFileName().toString().matches("\\d{8}-\\d{6}-srv\\.lab\\.test-remove-spn\\.ldif"), j.file().toString());
        assertFalse(Files.readString(j.file(), StandardCharsets.UTF_8).contains("t\nx"));
    }
}
