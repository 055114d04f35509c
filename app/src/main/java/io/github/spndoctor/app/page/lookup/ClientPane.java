package io.github.spndoctor.app.page.lookup;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.app.ui.Tone;
import io.github.spndoctor.core.spn.SpnVerdict;
import io.github.spndoctor.core.spn.WinrmClient;
import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Look up page's lead: the requested SPN → who answers it → the verdict, with the client picker and its
 * settings (which re-evaluate as they change). Status is icon + word + colour. No logic: binds to
 * {@link ClientPaneModel}.
 */
public final class ClientPane extends VBox {
    public ClientPane(ClientPaneModel model) {
        getStyleClass().add("client-pane");
        setSpacing(4);
        Label badge = new Label();
        badge.setId("clientVerdict");
        badge.textProperty().bind(Bindings.createStringBinding(() -> badgeText(model.verdictProperty().get()),
                model.verdictProperty(), model.busyProperty()));
        badge.getStyleClass().add("client-badge");
        badgeTone(model.verdictProperty().get()).applyTo(badge);
        model.verdictProperty().addListener((o, a, b) -> badgeTone(b).applyTo(badge));
        Label headline = new Label();
        headline.setId("clientHeadline");
        headline.setWrapText(true);
        headline.getStyleClass().add(Styles.HEADING);
        headline.textProperty().bind(model.headlineProperty());
        badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // as in a Callout: the row gives the headline its remaining width and the label wraps in it (a pref width
        // of 1 px, tried before, made its height follow a 1 px layout now and then, and the text ended in "…")
        headline.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        headline.setMaxWidth(Double.MAX_VALUE);
        HBox lead = new HBox(8, badge, headline);
        HBox.setHgrow(headline, javafx.scene.layout.Priority.ALWAYS);

        ComboBox<WinrmClient> picker = new ComboBox<>(model.clients());
        picker.setId("clientPicker");
        picker.valueProperty().bindBidirectional(model.clientProperty());
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(WinrmClient c) { return c == null ? "" : c.label(); }

            @Override
            public WinrmClient fromString(String s) { return null; }
        });
        picker.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(WinrmClient c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? "" : c.label());
            }
        });
        Label pickerLabel = new Label(Messages.get("client.picker"));
        pickerLabel.setMnemonicParsing(true);
        pickerLabel.setLabelFor(picker);
        Label recognised = new Label();
        recognised.getStyleClass().add(Styles.NOTE);
        recognised.textProperty().bind(model.recognisedProperty());

        CheckBox port = new CheckBox(Messages.get("client.port"));
        port.setId("includePort");
        port.selectedProperty().bindBidirectional(model.includePortProperty());
        port.disableProperty().bind(Bindings.createBooleanBinding(() -> model.clientProperty().get() == null
                || !model.clientProperty().get().offersPort(), model.clientProperty()));
        TextField prefix = new TextField();
        prefix.setId("spnPrefix");
        prefix.setPromptText(Messages.get("client.prefix.prompt"));
        prefix.setPrefColumnCount(7);
        prefix.textProperty().bindBidirectional(model.spnPrefixProperty());
        Label prefixLabel = new Label(Messages.get("client.prefix"));
        prefixLabel.setMnemonicParsing(true);
        prefixLabel.setLabelFor(prefix);
        TextField override = new TextField();
        override.setId("hostnameOverride");
        override.setPrefColumnCount(14);
        override.textProperty().bindBidirectional(model.hostnameOverrideProperty());
        override.disableProperty().bind(Bindings.createBooleanBinding(() -> model.clientProperty().get() == null
                || !model.clientProperty().get().offersHostnameOverride(), model.clientProperty()));
        Label overrideLabel = new Label(Messages.get("client.override"));
        overrideLabel.setMnemonicParsing(true);
        overrideLabel.setLabelFor(override);
        CheckBox canon = new CheckBox(Messages.get("client.canonicalize"));
        canon.setId("dnsCanonicalize");
        canon.selectedProperty().bindBidirectional(model.dnsCanonicalizeProperty());
        CheckBox rdns = new CheckBox(Messages.get("client.rdns"));
        rdns.setId("rdns");
        rdns.selectedProperty().bindBidirectional(model.rdnsProperty());
        var mit = Bindings.createBooleanBinding(() -> model.clientProperty().get() == null
                || model.clientProperty().get().stack() != WinrmClient.Stack.MIT, model.clientProperty());
        canon.disableProperty().bind(mit);
        rdns.disableProperty().bind(mit.or(canon.selectedProperty().not()));

        FlowPane settings = new FlowPane(12, 4, new HBox(6, pickerLabel, picker), port, new HBox(6, prefixLabel, prefix),
                new HBox(6, overrideLabel, override), canon, rdns);
        Label how = new Label();
        how.setId("clientHow");
        how.setWrapText(true);
        how.getStyleClass().add(Styles.NOTE);
        how.textProperty().bind(model.howProperty());
        TitledPane howPane = new TitledPane(Messages.get("client.how"), how);
        howPane.setExpanded(false);
        howPane.setAnimated(false);
        getChildren().addAll(lead, recognised, settings, howPane);
    }

    static String badgeText(SpnVerdict v) {
        if (v == null) {
            return Messages.get("client.badge.pending");
        }
        return switch (v) {
            case RIGHT_ACCOUNT -> Messages.get("client.badge.rightAccount");
            case WRONG_ACCOUNT -> Messages.get("client.badge.wrongAccount");
            case NOT_UNIQUE -> Messages.get("client.badge.notUnique");
            case NO_ACCOUNT -> Messages.get("client.badge.noAccount");
            case NO_KERBEROS -> Messages.get("client.badge.noKerberos");
        };
    }

    /** The badge's colour (app.css, .client-badge): right account green, wrong or not unique red, none amber. */
    static Tone badgeTone(SpnVerdict v) {
        return v == null ? Tone.UNKNOWN : switch (v) {
            case RIGHT_ACCOUNT -> Tone.GOOD;
            case WRONG_ACCOUNT, NOT_UNIQUE -> Tone.BAD;
            case NO_ACCOUNT -> Tone.WARNING;
            case NO_KERBEROS -> Tone.FINE;
        };
    }
}
