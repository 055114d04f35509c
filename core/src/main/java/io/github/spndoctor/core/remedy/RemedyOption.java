package io.github.spndoctor.core.remedy;

import java.util.Objects;

/**
 * One remedy as offered for a particular lookup: what it is called, what it does, whether SPN Doctor recommends it,
 * whether it writes to the directory, and whether it fits this situation at all. Immutable.
 *
 * @param id                  stable remedy id ({@code remove-spn}, {@code port-spn}, ...), see {@link Remedies}
 * @param recommended         true for the remedy SPN Doctor suggests first for this lookup
 * @param needsDirectoryWrite true when applying it changes servicePrincipalName values (needs rights)
 * @param applicable          true when the remedy fits what the lookup found
 * @param whyNot              why it does not fit, or why it is not recommended although it fits; empty otherwise
 */
public record RemedyOption(String id, String title, String description, boolean recommended,
                           boolean needsDirectoryWrite, boolean applicable, String whyNot) {
    public RemedyOption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        whyNot = whyNot == null ? "" : whyNot;
    }
}
