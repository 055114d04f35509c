package io.github.spndoctor.app.ui;

import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The few bindings the wizard builds before its first frame, without {@code javafx.beans.binding.Bindings}: that
 * class's first use loads and verifies about 90 nested classes (38–60 ms cold, ADR 0105). Same semantics as the
 * {@code Bindings} methods they replace: lazily computed, invalidated by their dependencies through weak listeners.
 */
public final class Bind {
    private Bind() {}

    /** True while {@code text} holds a non-empty string (as {@code Bindings.isNotEmpty}). */
    public static BooleanBinding notEmpty(ObservableStringValue text) {
        return bool(() -> text.get() != null && !text.get().isEmpty(), text);
    }

    /** The negation of {@code value} (as {@code Bindings.not}). */
    public static BooleanBinding not(ObservableBooleanValue value) {
        return bool(() -> !value.get(), value);
    }

    /** A boolean computed from {@code dependencies} (as {@code Bindings.createBooleanBinding}). */
    public static BooleanBinding bool(BooleanSupplier compute, Observable... dependencies) {
        return new BooleanBinding() {
            {
                bind(dependencies);
            }

            @Override
            protected boolean computeValue() { return compute.getAsBoolean(); }
        };
    }

    /** A string computed from {@code dependencies} (as {@code Bindings.createStringBinding}). */
    public static StringBinding string(Supplier<String> compute, Observable... dependencies) {
        return new StringBinding() {
            {
                bind(dependencies);
            }

            @Override
            protected String computeValue() { return compute.get(); }
        };
    }
}
