package io.github.spndoctor.core.samba;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.connect.Connector;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Through the Connector on the lab: a lookup re-reads its accounts on the domain's DC (with a DN search Samba must
 * answer), and constrained-delegation entries are searched in the domain partitions listed by the crossRefs. The
 * delegation values are set here and removed afterwards.
 */
class SambaOwnDomainIT {
    private static final String COMPUTER_DN = "CN=SRV003,CN=Computers,";
    private static final String USER_DN = "CN=crmIisPoolServiceAccount,CN=Users,";
    private static LDAPConnection admin;

    @BeforeAll
    static void delegate() throws Exception {
        SambaLab.require();
        admin = SambaLab.connect(SambaLab.ldapUri());
        change(ModificationType.ADD);
    }

    @AfterAll
    static void undelegate() throws Exception {
        if (admin != null) {
            try {
                change(ModificationType.DELETE);
            } finally {
                admin.close();
            }
        }
    }

    private static void change(ModificationType type) throws Exception {
        admin.modify(COMPUTER_DN + SambaLab.baseDn(), new Modification(type, "msDS-AllowedToDelegateTo", "cifs/srv004.lab.test"));
        admin.modify(USER_DN + SambaLab.baseDn(), new Modification(type, "msDS-AllowedToDelegateTo", "HTTP/srv003.lab.test"));
    }

    @Test
    void lookupCarriesTheComputersDelegationFromItsDomain() throws Exception {
        try (Directory dir = Connector.open(SambaLab.profile(), SambaLab.password().toCharArray())) {
            LookupResult r = dir.lookup(TargetName.parse("srv003.lab.test"));
            Account computer = r.computer().orElseThrow();
            assertEquals(List.of("cifs/srv004.lab.test"), computer.allowedToDelegateTo());
            assertTrue(computer.holds(Spn.parse("HOST/srv003.lab.test")));
            assertEquals("svc-srv003-web$", r.registration(Spn.parse("HTTP/srv003.lab.test")).orElseThrow()
                    .holders().get(0).samAccountName(), "holders are unchanged by the re-read");
        }
    }

    @Test
    void delegationToAnSpnIsFoundInTheDomainPartition() throws Exception {
        try (Directory dir = Connector.open(SambaLab.profile(), SambaLab.password().toCharArray())) {
            List<String> names = dir.findDelegatingTo(Spn.parse("http/SRV003.lab.test")).stream()
                    .map(a -> a.ref().samAccountName()).toList();
            assertEquals(List.of("crmIisPoolServiceAccount"), names);
            assertTrue(dir.findDelegatingTo(Spn.parse("HTTP/nobody.lab.test")).isEmpty());
        }
    }
}
