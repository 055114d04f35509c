package io.github.spndoctor.app.wizard;

import io.github.spndoctor.app.ui.Messages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

/** Common state of a page model: its step, main instruction, primary label and busy flag. */
public abstract class BasePageModel implements PageModel {
    private final Step step;
    protected final StringProperty mainInstruction = new SimpleStringProperty("");
    protected final StringProperty primaryLabel = new SimpleStringProperty(Messages.get("button.next"));
    protected final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    protected BasePageModel(Step step) {
        this.step = step;
    }

    @Override
    public Step step() { return step; }

    @Override
    public ObservableStringValue mainInstruction() { return mainInstruction; }

    @Override
    public ObservableStringValue primaryLabel() { return primaryLabel; }

    @Override
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public boolean isBusy() { return busy.get(); }
}
