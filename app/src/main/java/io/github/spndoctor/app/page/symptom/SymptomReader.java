package io.github.spndoctor.app.page.symptom;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.core.symptom.CommonSymptom;
import io.github.spndoctor.core.symptom.Fact;
import io.github.spndoctor.core.symptom.Symptom;
import io.github.spndoctor.core.symptom.SymptomParser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads pasted text with the core {@link SymptomParser} (bounded time for any size) into what the page
 * shows. Blocking; runs off the UI thread. Thread-safe. */
public final class SymptomReader {
    public Recognised read(String text) {
        Symptom s = SymptomParser.parse(text);
        List<String> codes = s.errors().stream().map(f -> f.value().code()).distinct().toList();
        Optional<String> client = s.clients().stream().findFirst().map(f -> f.value().label());
        Optional<String> target = s.target().map(t -> t.name().asTyped())
                .or(() -> s.requestedSpn().map(m -> m.spn().host()));
        List<String> other = new ArrayList<>();
        if (!s.authPackages().isEmpty()) {
            other.add(Messages.get("symptom.recognised.auth",
                    String.join(", ", s.authPackages().stream().map(f -> f.value().label()).toList())));
        }
        s.requestedSpn().ifPresent(m -> other.add(Messages.get("symptom.recognised.spn", m.spn())));
        s.clues().stream().map(Fact::value).distinct().limit(4)
                .forEach(c -> other.add(Messages.get("symptom.recognised.clue", c.description())));
        s.note().ifPresent(other::add);
        return new Recognised(codes, client, target, other, s.truncated());
    }

    /** The common symptoms offered to someone without error text. */
    public static List<SymptomPageModel.CommonChoice> commonChoices() {
        return Arrays.stream(CommonSymptom.values())
                .map(c -> new SymptomPageModel.CommonChoice(c.label(), c.text()))
                .toList();
    }
}
