package io.github.spndoctor.core.directory.ldap;

import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicationNotesTest {
    static Account account(String... spns) {
        return new Account(new AccountRef("CN=svc,DC=x", "svc", AccountKind.USER),
                java.util.Arrays.stream(spns).map(Spn::parse).toList(), Optional.empty(), 512, List.of());
    }

    @Test
    void aValueTheGcStillListsIsNamedAndTheCaseOfAValueDoesNotCount() {
        Account gc = account("HTTP/web.x.test", "HOST/a");
        Account dc = account("host/A");
        List<String> notes = ReplicationNotes.compare(List.of(gc), List.of(dc));
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("the global catalog still lists HTTP/web.x.test, the DC no longer"), notes.get(0));
    }

    @Test
    void aValueOnlyTheDcHasIsNamedToo() {
        List<String> notes = ReplicationNotes.compare(List.of(account()), List.of(account("HTTP/new.x.test")));
        assertTrue(notes.get(0).contains("the DC has HTTP/new.x.test, the global catalog not yet"), notes.toString());
    }

    @Test
    void agreeingCopiesAndAccountsTheDcDidNotReturnGiveNoNote() {
        Account same = account("HTTP/web.x.test");
        assertEquals(List.of(), ReplicationNotes.compare(List.of(same), List.of(same)));
        assertEquals(List.of(), ReplicationNotes.compare(List.of(account("HTTP/a")), List.of(account("http/A"))));
    }
}
