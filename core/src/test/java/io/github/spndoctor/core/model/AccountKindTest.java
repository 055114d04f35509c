package io.github.spndoctor.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountKindTest {
    @Test
    void mostSpecificClassWins() {
        assertEquals(AccountKind.USER, AccountKind.fromObjectClasses(List.of("top", "person", "organizationalPerson", "user")));
        assertEquals(AccountKind.COMPUTER, AccountKind.fromObjectClasses(List.of("top", "user", "computer")));
        assertEquals(AccountKind.MSA, AccountKind.fromObjectClasses(List.of("top", "user", "computer", "msDS-ManagedServiceAccount")));
        assertEquals(AccountKind.GMSA, AccountKind.fromObjectClasses(List.of("top", "user", "computer", "msDS-GroupManagedServiceAccount")));
        assertEquals(AccountKind.GMSA, AccountKind.fromObjectClasses(List.of("msds-groupmanagedserviceaccount", "COMPUTER")));
    }

    @Test
    void serviceAccountsAreEverythingButComputers() {
        assertTrue(AccountKind.MSA.isServiceAccount());
        assertTrue(AccountKind.GMSA.isServiceAccount());
        assertTrue(AccountKind.USER.isServiceAccount());
        assertFalse(AccountKind.COMPUTER.isServiceAccount());
    }
}
