package io.github.spndoctor.core.render;

import com.unboundid.ldif.LDIFModifyChangeRecord;
import com.unboundid.ldif.LDIFReader;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Property: any DN text and any SPN that parses survive LDIF rendering and UnboundID parsing unchanged. Seeded. */
class LdifPropertyTest {
    private static final String ALPHABET = "abcXYZ019 -_.:<#=+äöüßé中文Ωя'\"";

    private static String text(Random rnd, int max, boolean spaces) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + rnd.nextInt(max);
        for (int i = 0; i < n; i++) {
            char c = ALPHABET.charAt(rnd.nextInt(ALPHABET.length()));
            if (!spaces && (c == ' ' || c == '"' || c == '=')) {
                c = 'q';
            }
            sb.append(c);
        }
        return sb.toString();
    }

    @Test
    void renderedRecordsParseBackExactly() throws Exception {
        Random rnd = new Random(4549715);
        for (int i = 0; i < 500; i++) {
            String cn = text(rnd, 20, true).replace(",", "").replace("+", "").replace("=", "").replace("\"", "").strip();
            if (cn.isEmpty() || cn.startsWith("#")) {
                cn = "x" + cn;
            }
            String dn = "CN=" + cn + ",CN=Users,DC=lab,DC=test";
            String host = text(rnd, 30, false).replace("/", "").replace(":", "").replace("<", "").replace("#", "").replace("'", "");
            if (host.isEmpty()) {
                host = "h";
            }
            Spn spn = Spn.parse("HTTP/" + host);
            SpnChange change = rnd.nextBoolean() ? new SpnChange.Add(new AccountRef(dn, "s", AccountKind.USER), spn)
                    : new SpnChange.Remove(new AccountRef(dn, "s", AccountKind.USER), spn);
            String ldif = Ldif.modify(change);
            try (LDIFReader r = new LDIFReader(new ByteArrayInputStream(ldif.getBytes(StandardCharsets.UTF_8)))) {
                LDIFModifyChangeRecord m = (LDIFModifyChangeRecord) r.readChangeRecord();
                assertEquals(dn, m.getDN(), "case " + i + ":\n" + ldif);
                assertEquals(spn.toString(), m.getModifications()[0].getValues()[0], "case " + i + ":\n" + ldif);
                assertEquals(change instanceof SpnChange.Add ? "ADD" : "DELETE", m.getModifications()[0].getModificationType().getName());
            }
        }
    }
}
