package io.github.spndoctor.app.wizard;

import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.app.ui.Styles;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.Map;

/**
 * The in-window wizard shell: the main instruction and the mode banner on top, the step list on the left, the
 * current page in the middle, and Back / primary / Cancel at the bottom. Binds to {@link WizardModel}; no logic.
 */
public final class WizardShell extends BorderPane {
    private final WizardModel model;
    private final WizardSession session;
    private final Map<Step, PageView> views = new EnumMap<>(Step.class);
    private final Map<Step, java.util.function.Supplier<PageView>> factories = new EnumMap<>(Step.class);
    /** The step list: text nodes, not labels (seven controls and skins fewer to style before the first frame, ADR 0105). */
    private final Map<Step, javafx.scene.text.Text> stepTexts = new EnumMap<>(Step.class);
    private final StackPane host = new StackPane();
    /** The page host's scroll pane: made after the first frame (ADR 0105), so until then the host sits here alone. */
    private javafx.scene.control.ScrollPane scroll;
    private final StackPane center = new StackPane();
    private final Button back = new Button(Messages.get("button.back"));
    private final Button primary = new Button();
    private final Button cancel = new Button();
    private final javafx.scene.layout.HBox headerTools = new javafx.scene.layout.HBox();
    private final WaitOverlay overlay;

    /**
     * @param pageViews builds each page's view; the first page is built at once, the others on first use or, after
     *                  the first frame, in idle time ({@link #prepareRemainingPages(Runnable)})
     */
    public WizardShell(WizardModel model, WizardSession session, Map<Step, java.util.function.Supplier<PageView>> pageViews) {
        this.model = model;
        this.session = session;
        factories.putAll(pageViews);
        getStyleClass().add("wizard");

        Label instruction = new Label();
        instruction.textProperty().bind(model.mainInstructionProperty());
        instruction.getStyleClass().add(Styles.INSTRUCTION);
        instruction.setWrapText(true);
        instruction.setId("mainInstruction");
        Label banner = new Label();
        banner.textProperty().bind(session.banner());
        banner.getStyleClass().add(Styles.BANNER);
        banner.setId("modeBanner");
        banner.visibleProperty().bind(io.github.spndoctor.app.ui.Bind.notEmpty(session.banner()));
        banner.managedProperty().bind(banner.visibleProperty());
        VBox top = new VBox(instruction, banner);
        top.getStyleClass().add("wizard-header-text");
        // the View menu (zoom, full screen, presentation mode: ADR 0710) sits at the header's right
        javafx.scene.layout.HBox header = new javafx.scene.layout.HBox(top, headerTools);
        javafx.scene.layout.HBox.setHgrow(top, javafx.scene.layout.Priority.ALWAYS);
        top.setMinWidth(0);
        header.getStyleClass().add("wizard-header");
        setTop(header);

        VBox steps = new VBox();
        steps.getStyleClass().add("step-list");
        for (Step s : Step.values()) {
            javafx.scene.text.Text l = new javafx.scene.text.Text(s.number() + ". " + s.title());
            l.getStyleClass().add(Styles.STEP);
            stepTexts.put(s, l);
            steps.getChildren().add(l);
        }
        setLeft(steps);

        host.getStyleClass().add("page-host");
        overlay = new WaitOverlay(model.busyProperty(), model.waitingForProperty(),
                model.waitNoticeProperty(), model::cancel);
        // the first page (Connect) fits any window the wizard allows; every other page is shown in the scroll pane
        center.getChildren().setAll(host, overlay);
        setCenter(center);
        model.setCloseGuard(this::confirmClose);
        KeyRouting.install(this, model, primary, cancel);

        back.setId("backButton");
        back.setMnemonicParsing(true);
        back.disableProperty().bind(io.github.spndoctor.app.ui.Bind.not(model.canGoBackProperty()));
        back.setOnAction(e -> model.back());

        primary.setId("nextButton");
        primary.setMnemonicParsing(true);
        // a mnemonic label must never become empty (JavaFX LabeledSkinBase fails on it): while the primary button
        // is hidden it keeps a plain text without mnemonic
        String plainNext = Messages.get("button.next").replace("_", "");
        primary.textProperty().bind(io.github.spndoctor.app.ui.Bind.string(() -> {
            String label = model.primaryLabelProperty().get();
            return label == null || label.isEmpty() ? plainNext : label;
        }, model.primaryLabelProperty()));
        primary.disableProperty().bind(model.busyProperty());
        primary.visibleProperty().bind(io.github.spndoctor.app.ui.Bind.notEmpty(model.primaryLabelProperty()));
        primary.setOnAction(e -> model.next());

        cancel.setId("cancelButton");
        cancel.setMnemonicParsing(true);
        cancel.textProperty().bind(model.cancelLabelProperty());
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.cancel());

        primary.managedProperty().bind(primary.visibleProperty());
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(spacer, back, primary, cancel);
        bar.getStyleClass().add("wizard-button-bar");
        VBox bottom = new VBox(io.github.spndoctor.app.ui.Ui.rule(), bar);
        bottom.getStyleClass().add("wizard-buttons");
        BorderPane.setMargin(bottom, new Insets(0));
        setBottom(bottom);

        // JavaFX keeps an empty entry per mnemonic key after its node left the scene or changed its text, and the
        // first entry matching a key press wins: a stale Alt+'c' would swallow a live Alt+'C'. Skins update their
        // mnemonics during layout, so empty entries are dropped after every layout pass.
        Runnable dropStaleMnemonics = () -> getScene().getMnemonics().values().removeIf(java.util.List::isEmpty);
        sceneProperty().addListener((o, a, b) -> {
            if (a != null) {
                a.removePostLayoutPulseListener(dropStaleMnemonics);
            }
            if (b != null) {
                b.addPostLayoutPulseListener(dropStaleMnemonics);
                headerTools.getChildren().setAll(io.github.spndoctor.app.ui.Presentation.install(b).menu());
            }
        });
        model.currentProperty().addListener((o, a, b) -> show(b));
        if (model.currentProperty().get() != null) {
            show(model.currentProperty().get());
        }
    }

    /**
     * Puts the page host into its scroll pane (once): a page that does not fit scrolls, and the button bar below never
     * leaves the window. Made after the first frame, not before: its skin and two scroll bars are about a hundred
     * classes and a few dozen styled nodes the first page does not need (ADR 0105). Keeps the keyboard focus.
     */
    private void scrollPages() {
        if (scroll != null) {
            return;
        }
        Node focused = getScene() == null ? null : getScene().getFocusOwner();
        scroll = new javafx.scene.control.ScrollPane();
        scroll.setFitToWidth(true);
        // not fitToHeight: that squeezed a tall page into the viewport (wrapped text then ended in "…" instead of
        // scrolling); the page fills at least the viewport, so growing parts (the Look up table) still stretch
        scroll.setFitToHeight(false);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> host.setMinHeight(b.getHeight()));
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("page-scroll");
        scroll.setId("pageScroll");
        center.getChildren().set(0, scroll);   // takes the host out of the stack first
        scroll.setContent(host);
        // the scroll pane's skin puts the host back into the scene: make it now, not at the next pulse, or the pages
        // rehearsed before that pulse would be laid out outside the scene, with no CSS and no skins (wasted work,
        // and a Look up table left without its rows)
        center.applyCss();
        center.layout();
        if (focused != null && focused.getScene() != null) {
            focused.requestFocus();
        }
    }

    private PageView view(Step step) {
        return views.computeIfAbsent(step, s -> factories.get(s).get());
    }

    /** Rounds of rehearsal steps per page after it is built ({@link PageView#rehearsal()}); 0 turns them off. */
    static final int REHEARSAL_ROUNDS = Integer.getInteger("spndoctor.rehearsals", 4);

    /**
     * Prepares the pages not shown yet in idle time, one short piece of work per UI-thread turn (so a click or a key
     * between two pieces is answered at once): builds each view and styles it, then runs its rehearsal steps a few
     * rounds over, so that a page's first real results run warm code.
     */
    public void prepareRemainingPages(Runnable whenPrepared) {
        prepareRemainingPages(whenPrepared, WizardShell::runOnePerTurn);
    }

    /**
     * The same, with the queue run by {@code runner}: one item per UI-thread turn in the app; a test runs all of them
     * in one turn, the case where no pulse comes between two items.
     */
    void prepareRemainingPages(Runnable whenPrepared, java.util.function.Consumer<java.util.Deque<Runnable>> runner) {
        java.util.ArrayDeque<Runnable> work = new java.util.ArrayDeque<>();
        work.add(this::scrollPages);
        work.add(overlay::prepare);   // the first wait (the lookup's) then shows a card made already
        // page by page in the order the user meets them: the next page is ready first
        for (Step s : Step.values()) {
            if (!views.containsKey(s)) {
                work.add(() -> offStage(view(s), null));
            }
            for (int round = 0; round < REHEARSAL_ROUNDS; round++) {
                // the page's steps join the front of the queue when its turn comes (the view is built by then)
                work.add(() -> {
                    java.util.List<Runnable> steps = view(s).rehearsal();
                    for (int i = steps.size() - 1; i >= 0; i--) {
                        Runnable step = steps.get(i);
                        work.addFirst(() -> offStage(view(s), step));
                    }
                });
            }
        }
        work.add(whenPrepared);
        runner.accept(work);
    }

    private static void runOnePerTurn(java.util.Deque<Runnable> work) {
        Runnable next = work.poll();
        if (next != null) {
            Platform.runLater(() -> {
                next.run();
                runOnePerTurn(work);
            });
        }
    }

    /**
     * Runs {@code step} on a page that is not shown, inside this scene, so that its first display costs the UI thread
     * less: the page joins the page host invisibly, gets the host's size, runs the step (null: gets its CSS applied),
     * and leaves again in the same turn (so its mnemonics never compete with the current page's). Does nothing
     * while the page is shown, or while the host is outside the scene (work done there would be lost).
     */
    private void offStage(PageView view, Runnable step) {
        Node root = view.root();
        if (getScene() == null || host.getScene() == null || root.getParent() != null) {
            return;
        }
        root.setVisible(false);
        host.getChildren().add(root);
        if (root instanceof javafx.scene.layout.Region r && host.getWidth() > 0) {
            r.resize(host.getWidth(), host.getHeight());
        }
        if (step == null) {
            root.applyCss();
        } else {
            step.run();   // a step styles and lays out the page itself
        }
        host.getChildren().remove(root);
        root.setVisible(true);
    }

    private void show(PageModel page) {
        PageView view = view(page.step());
        Node root = view.root();
        if (page.step() != Step.CONNECT) {
            scrollPages();   // at the latest when the user leaves the first page
        }
        host.getChildren().setAll(root);
        if (scroll != null) {
            scroll.setVvalue(0);
        }
        for (Step s : Step.values()) {
            javafx.scene.text.Text l = stepTexts.get(s);
            l.getStyleClass().removeAll(Styles.STEP_CURRENT, Styles.STEP_DONE);
            boolean current = s == page.step();
            if (current) {
                l.getStyleClass().add(Styles.STEP_CURRENT);
            } else if (s.ordinal() < page.step().ordinal()) {
                l.getStyleClass().add(Styles.STEP_DONE);
            }
            l.setText((current ? "▶ " : "") + s.number() + ". " + s.title());
            l.setAccessibleText(Messages.get(current ? "step.a11y.current" : "step.a11y", s.number(), Step.values().length, s.title()));
        }
        // Enter must never apply a change to a live directory; on the demo directory it may.
        primary.setDefaultButton(!(page.commits() && live()));
        Platform.runLater(() -> {
            Node focus = view.focusTarget();
            if (focus == null || focus.getScene() == null || !focus.isVisible()) {
                focus = firstFocusable(root);
            }
            if (focus != null) {
                focus.requestFocus();
            }
        });
    }

    private boolean live() {
        return session.directory() != null && !session.directory().info().demo();
    }

    /** True when Enter may press the primary button on the current page (never a commit on a live directory). */
    boolean enterMayPressPrimary() {
        PageModel page = model.currentProperty().get();
        return page != null && !(page.commits() && live());
    }

    /**
     * Asks before closing when a plan is under way or changes were applied in this session; closes at once
     * otherwise. The safe answer (stay) is the default, so Enter never closes.
     */
    private boolean confirmClose() {
        if (!model.workUnderWay()) {
            return true;
        }
        javafx.scene.control.ButtonType close = new javafx.scene.control.ButtonType(Messages.get("close.confirm.close"),
                javafx.scene.control.ButtonBar.ButtonData.OTHER);
        javafx.scene.control.ButtonType stay = new javafx.scene.control.ButtonType(Messages.get("close.confirm.stay"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                Messages.get(model.committedProperty().get() ? "close.confirm.applied" : "close.confirm.plan"), stay, close);
        alert.setTitle(Messages.get("close.confirm.title"));
        alert.setHeaderText(Messages.get("close.confirm.header"));
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
            alert.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
        }
        alert.getDialogPane().setId("closeConfirm");
        Button closeButton = (Button) alert.getDialogPane().lookupButton(close);
        closeButton.setId("closeConfirmClose");
        closeButton.setDefaultButton(false);
        Button stayButton = (Button) alert.getDialogPane().lookupButton(stay);
        stayButton.setId("closeConfirmStay");
        stayButton.setDefaultButton(true);
        return alert.showAndWait().filter(b -> b == close).isPresent();
    }

    private static Node firstFocusable(Node n) {
        if (!n.isVisible() || n.isDisabled()) {
            return null;
        }
        if (n.isFocusTraversable()) {
            return n;
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                Node f = firstFocusable(c);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    /** The button bar's Cancel / Close button (for tests). */
    public Button cancelButton() { return cancel; }

    /** The button bar's primary button (for tests and the benchmark). */
    public Button primaryButton() { return primary; }
}
