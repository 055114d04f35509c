package io.github.spndoctor.core.spn;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnFormatException;
import io.github.spndoctor.core.model.SpnMappings;

import java.util.List;
import java.util.Optional;

/**
 * "Who answers this SPN?" as Active Directory's KDC computes it (MS-DRSR LookupSPN / MapSPN, knowledge.md §7.2):
 * the exact SPN first; only when no account holds it, the service class is mapped through {@code sPNMappings}
 * (HTTP → host by default) and {@code HOST/<name>[:port]} is looked up. An explicit {@code HTTP/x} on any account
 * therefore always beats the computer's implicit one. Stateless; calls the directory, so run it off the UI thread.
 *
 * <pre>{@code
 * SpnAnswer a = SpnResolver.resolve(directory, directory.spnMappings(), Spn.parse("HTTP/srv003.lab.test"));
 * a.how();          // EXACT: svc-srv003-web$ holds it
 * }</pre>
 */
public final class SpnResolver {
    /** Looks up the accounts holding one SPN (case-insensitive, forest-wide). */
    @FunctionalInterface
    public interface Holders {
        List<Account> of(Spn spn) throws DirectoryException;
    }

    private SpnResolver() {}

    /** Resolves against a directory. */
    public static SpnAnswer resolve(Directory directory, SpnMappings mappings, Spn requested) throws DirectoryException {
        return resolve(directory::findHolders, mappings, requested);
    }

    /** Resolves with any holder lookup (the embedded demo KDC uses the same rule over its own store). */
    public static SpnAnswer resolve(Holders holders, SpnMappings mappings, Spn requested) throws DirectoryException {
        List<Account> exact = holders.of(requested);
        if (exact.size() == 1) {
            return new SpnAnswer(requested, SpnAnswer.How.EXACT, exact, Optional.empty());
        }
        if (exact.size() > 1) {
            return new SpnAnswer(requested, SpnAnswer.How.SEVERAL, exact, Optional.empty());
        }
        Optional<Spn> alias = aliasOf(requested, mappings);
        if (alias.isEmpty()) {
            return new SpnAnswer(requested, SpnAnswer.How.NONE, List.of(), Optional.empty());
        }
        List<Account> mapped = holders.of(alias.get());
        return switch (mapped.size()) {
            case 0 -> new SpnAnswer(requested, SpnAnswer.How.NONE, List.of(), alias);
            case 1 -> new SpnAnswer(requested, SpnAnswer.How.HOST_ALIAS, mapped, alias);
            default -> new SpnAnswer(requested, SpnAnswer.How.SEVERAL, mapped, alias);
        };
    }

    /**
     * The SPN the directory falls back to for {@code spn}: the same host, port and service name under the mapped
     * class ({@code HTTP/srv003:5985} → {@code host/srv003:5985}); empty when the class is not mapped.
     */
    public static Optional<Spn> aliasOf(Spn spn, SpnMappings mappings) {
        Optional<String> target = mappings.targetOf(spn.serviceClass());
        if (target.isEmpty() || target.get().equalsIgnoreCase(spn.serviceClass())) {
            return Optional.empty();
        }
        String text = spn.toString();
        String rest = text.substring(text.indexOf('/'));
        try {
            return Optional.of(Spn.parse(target.get().toUpperCase(java.util.Locale.ROOT) + rest));
        } catch (SpnFormatException e) {
            return Optional.empty();
        }
    }
}
