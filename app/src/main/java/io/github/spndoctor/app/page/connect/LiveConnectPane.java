package io.github.spndoctor.app.page.connect;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.ui.Styles;
import io.github.spndoctor.app.ui.Ui;
import io.github.spndoctor.core.directory.connect.ConnectionProfile;
import io.github.spndoctor.core.directory.connect.ConnectionProfile.Security;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Locale;
import java.util.function.Function;

/** The "My Active Directory" form: a grid of labelled fields with errors under them. Binds to {@link LiveConnectForm}. */
final class LiveConnectPane extends VBox {
    private final GridPane grid = new GridPane();
    private int row;

    private final io.github.spndoctor.app.ui.FieldMarks marks = new io.github.spndoctor.app.ui.FieldMarks();

    LiveConnectPane(LiveConnectForm form) {
        getStyleClass().add("live-form");
        grid.getStyleClass().add("form-grid");
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);

        ComboBox<ConnectionProfile> profiles = new ComboBox<>(form.savedProfiles());
        profiles.setId("savedProfiles");
        profiles.setConverter(converter(ConnectionProfile::displayName));
        profiles.valueProperty().bindBidirectional(form.selectedProfileProperty());
        profiles.setPromptText(Messages.get("live.profiles.prompt"));
        add("live.profiles", profiles);

        TextField server = new TextField();
        server.setId("liveServer");
        server.textProperty().bindBidirectional(form.serverProperty());
        server.setPromptText(Messages.get("live.server.prompt"));
        add("live.server", server);
        CheckBox discover = check("live.discover", form.discoverProperty());
        discover.setId("liveDiscover");
        add(null, discover);
        TextField port = new TextField();
        port.setId("livePort");
        port.setPrefColumnCount(6);
        port.textProperty().bindBidirectional(form.portProperty());
        port.setPromptText(Messages.get("live.port.prompt"));
        add("live.port", port);
        addError(form.serverErrorProperty(), "liveServerError");
        marks.mark(server, form.serverErrorProperty());

        ChoiceBox<Security> security = new ChoiceBox<>();
        security.getItems().setAll(Security.values());
        security.setConverter(converter(s -> Messages.get("live.security." + s.name().toLowerCase(Locale.ROOT))));
        security.valueProperty().bindBidirectional(form.securityProperty());
        add("live.security", security);
        CheckBox plain = check("live.allowPlain", form.allowPlainProperty());
        plain.visibleProperty().bind(form.securityProperty().isEqualTo(Security.PLAIN));
        plain.managedProperty().bind(plain.visibleProperty());
        add(null, plain);

        ChoiceBox<LiveConnectForm.SignIn> signIn = new ChoiceBox<>();
        signIn.getItems().setAll(LiveConnectForm.SignIn.values());
        signIn.setConverter(converter(s -> Messages.get("live.signin." + s.name().toLowerCase(Locale.ROOT))));
        signIn.valueProperty().bindBidirectional(form.signInProperty());
        add("live.signin", signIn);
        var usesPassword = form.signInProperty().isEqualTo(LiveConnectForm.SignIn.PASSWORD);
        TextField identity = new TextField();
        identity.setId("liveIdentity");
        identity.textProperty().bindBidirectional(form.identityProperty());
        identity.setPromptText(Messages.get("live.identity.prompt"));
        identity.disableProperty().bind(usesPassword.not());
        add("live.identity", identity);
        PasswordField password = new PasswordField();
        password.setId("livePassword");
        password.textProperty().bindBidirectional(form.passwordProperty());
        password.disableProperty().bind(usesPassword.not());
        add("live.password", password);
        addError(form.identityErrorProperty(), "liveIdentityError");
        marks.mark(identity, form.identityErrorProperty());

        ChoiceBox<LiveConnectForm.TrustChoice> trust = new ChoiceBox<>();
        trust.getItems().setAll(LiveConnectForm.TrustChoice.values());
        trust.setConverter(converter(t -> Messages.get("live.trust." + t.name().toLowerCase(Locale.ROOT))));
        trust.valueProperty().bindBidirectional(form.trustProperty());
        add("live.trust", trust);
        TextField trustValue = new TextField();
        trustValue.setId("liveTrustValue");
        trustValue.textProperty().bindBidirectional(form.trustValueProperty());
        trustValue.disableProperty().bind(form.trustProperty().isEqualTo(LiveConnectForm.TrustChoice.SYSTEM));
        trustValue.promptTextProperty().bind(Bindings.createStringBinding(() -> Messages.get(
                "live.trustValue.prompt." + form.trustProperty().get().name().toLowerCase(Locale.ROOT)), form.trustProperty()));
        add("live.trustValue", trustValue);
        addError(form.trustErrorProperty(), "liveTrustError");
        marks.mark(trustValue, form.trustErrorProperty());

        Label certificate = Ui.text(form.certificateProperty(), Styles.NOTE);
        certificate.setId("liveCertificate");
        Button trustIt = new Button(Messages.get("live.trustCertificate"));
        trustIt.setId("trustCertificate");
        trustIt.setMnemonicParsing(true);
        trustIt.setOnAction(e -> form.trustOfferedCertificate());
        Ui.hideWhenEmpty(trustIt, form.certificateProperty());

        CheckBox save = check("live.save", form.saveProperty());
        Label formError = Ui.error(form.formErrorProperty());
        formError.setId("liveFormError");
        getChildren().addAll(grid, certificate, trustIt, save, formError);
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) { return t == null ? "" : text.apply(t); }

            @Override
            public T fromString(String s) { return null; }
        };
    }

    private static CheckBox check(String key, javafx.beans.property.BooleanProperty p) {
        CheckBox c = new CheckBox(Messages.get(key));
        c.setMnemonicParsing(true);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    private void add(String labelKey, javafx.scene.Node field) {
        if (labelKey != null) {
            grid.add(Ui.labelFor(Messages.get(labelKey), field), 0, row);
        }
        grid.add(field, 1, row++);
    }

    private void addError(javafx.beans.value.ObservableStringValue text, String id) {
        Label l = Ui.error(text);
        l.setId(id);
        grid.add(l, 1, row++);
    }
}
