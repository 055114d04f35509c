package io.github.spndoctor.core.diagnosis;

import java.util.List;
import java.util.Objects;

/**
 * What the product says about one cause: a title, why Kerberos (or the connection) fails in plain words, the one
 * check that settles it, further checks, and the remedies that apply (remedy ids such as {@code remove-spn} where a
 * planner exists, otherwise a plain description). Immutable.
 */
public record CauseInfo(String title, String explanation, String decisiveCheck, List<String> checks,
                        List<String> remedies) {
    public CauseInfo {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(decisiveCheck, "decisiveCheck");
        checks = List.copyOf(checks);
        remedies = List.copyOf(remedies);
    }
}
