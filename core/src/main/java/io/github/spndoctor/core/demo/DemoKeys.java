package io.github.spndoctor.core.demo;

import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's long-term keys: one random AES256 and one AES128 key per account and key version number, made on first
 * use and kept for the life of the process (the KDC and the WinRM acceptor live in the same process, so nothing is
 * ever written down). Keyed by the account's DN, so every SPN an account holds shares the account's key, as in AD.
 * Thread-safe. Keys never leave this class except to the KDC and the acceptor.
 */
final class DemoKeys {
    static final List<EncryptionType> TYPES = List.of(EncryptionType.AES256_CTS_HMAC_SHA1_96,
            EncryptionType.AES128_CTS_HMAC_SHA1_96);

    private final Map<String, List<EncryptionKey>> keys = new ConcurrentHashMap<>();

    /** The keys of the account with this DN at this key version (made now if new). */
    List<EncryptionKey> of(String dn, int kvno) {
        return keys.computeIfAbsent(dn.toLowerCase(Locale.ROOT) + "#" + kvno, k -> make(kvno));
    }

    private static List<EncryptionKey> make(int kvno) {
        List<EncryptionKey> list = new ArrayList<>();
        for (EncryptionType t : TYPES) {
            try {
                EncryptionKey key = EncryptionHandler.random2Key(t);
                key.setKvno(kvno);
                list.add(key);
            } catch (KrbException e) {
                throw new IllegalStateException("The demo KDC cannot make a " + t.getName() + " key", e);
            }
        }
        return List.copyOf(list);
    }
}
