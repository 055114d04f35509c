package io.github.spndoctor.app;

import io.github.spndoctor.app.page.connect.ConnectPage;
import io.github.spndoctor.app.page.connect.ConnectPageModel;
import io.github.spndoctor.app.page.diagnosis.DiagnosisService;
import io.github.spndoctor.app.page.diagnosis.DiagnosisPage;
import io.github.spndoctor.app.page.diagnosis.DiagnosisPageModel;
import io.github.spndoctor.app.page.lookup.LookupPage;
import io.github.spndoctor.app.page.lookup.LookupPageModel;
import io.github.spndoctor.app.page.remedy.RemedyPage;
import io.github.spndoctor.app.page.remedy.RemedyPageModel;
import io.github.spndoctor.app.page.result.ResultPage;
import io.github.spndoctor.app.page.result.ResultPageModel;
import io.github.spndoctor.app.page.review.ReviewPage;
import io.github.spndoctor.app.page.review.ReviewPageModel;
import io.github.spndoctor.app.page.symptom.SymptomReader;
import io.github.spndoctor.app.page.symptom.SymptomPage;
import io.github.spndoctor.app.page.symptom.SymptomPageModel;
import io.github.spndoctor.app.plan.PlanService;
import io.github.spndoctor.app.session.Connections;
import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.app.ui.FileDialogs;
import io.github.spndoctor.app.wizard.PageView;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.app.wizard.WizardModel;
import io.github.spndoctor.app.wizard.WizardShell;
import io.github.spndoctor.app.page.connect.LiveConnectForm;
import io.github.spndoctor.app.page.scan.ScanModel;
import io.github.spndoctor.app.page.scan.ScanWindow;
import io.github.spndoctor.core.apply.StatePaths;
import io.github.spndoctor.core.directory.connect.ProfileStore;
import io.github.spndoctor.core.directory.demo.DemoDirectory;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one place where the wizard's objects are created and wired by hand: the session, the task runner, the
 * services behind the pages, the page models, the views and the shell. No framework, no reflection.
 */
public final class Composition {
    private io.github.spndoctor.app.page.result.ProbePaneModel probePane(TaskRunner runner,
            io.github.spndoctor.app.page.lookup.ClientPaneModel client, Settings settings) {
        var p = new io.github.spndoctor.app.page.result.ProbePaneModel(runner, session::directory,
                () -> session.targetProperty().get(), () -> client.clientProperty().get(), client::settings,
                io.github.spndoctor.app.page.result.ProbePaneModel.systemEnvironment());
        p.setRepair(session::repair);   // the session records each run: measured evidence, timeline, report
        p.setOnResult(r -> session.probeResultProperty().set(r));
        return p;
    }

    /** Where the wizard keeps its files (scripts for administrators, journals) and how it starts the demo directory. */
    public record Settings(Path home, Supplier<DemoDirectory> demoStarter, FileDialogs files, Supplier<ProfileStore> profiles) {
        /** The defaults: SPN Doctor's state directory, the seeded demo directory, the file chooser, saved profiles. */
        public static Settings defaults() {
            return new Settings(StatePaths.home(), DemoDirectory::start, FileDialogs.system(), ProfileStore::defaultStore);
        }
    }

    private final WizardSession session;
    private final Connections connections;
    private final WizardModel wizard;
    private final WizardShell shell;
    private final java.util.concurrent.CompletableFuture<Void> pagesPrepared = new java.util.concurrent.CompletableFuture<>();
    private final ConnectPageModel connect;
    private final TaskRunner runner;
    private final io.github.spndoctor.app.page.connect.ScenarioModel scenarios;
    private final io.github.spndoctor.app.page.connect.BreakModel breaks;

    public Composition(Settings settings, TaskRunner runner, Runnable closer) {
        session = new WizardSession(io.github.spndoctor.core.session.SessionConfig.under(settings.home()));
        // the demo is saved between runs in the user's own SPN Doctor folder; a wizard on another home (tests) keeps it in memory
        connections = new Connections(settings.demoStarter(), java.util.Optional.of(settings.home().resolve("demo")),
                settings.home().toAbsolutePath().equals(StatePaths.home().toAbsolutePath()));
        SymptomReader reader = new SymptomReader();
        DiagnosisService diagnosis = new DiagnosisService();
        PlanService plans = new PlanService(settings.home());

        connect = new ConnectPageModel(session, connections, runner, new LiveConnectForm(settings.profiles()));
        SymptomPageModel symptom = new SymptomPageModel(session, runner, reader, SymptomReader.commonChoices());
        LookupPageModel lookup = new LookupPageModel(session, runner);
        io.github.spndoctor.app.page.lookup.ClientPaneModel clientPane = new io.github.spndoctor.app.page.lookup.ClientPaneModel(
                runner, session::directory, () -> session.targetProperty().get());
        // the client chosen on the Look up page is the session's: the table's statuses, the verdict, the remedies and
        // the ticket flow (Diagnosis, Result, report) follow it; a change is assessed again off the UI thread
        clientPane.setOnChoice((c, s) -> {
            if (session.repair() != null && session.repair().useClient(c, s)) {
                clientPane.said(session.repair().clientChoice());
                lookup.reassess();
            }
        });
        io.github.spndoctor.app.page.result.ProbePaneModel lookupProbe = probePane(runner, clientPane, settings);
        io.github.spndoctor.app.page.result.ProbePaneModel resultProbe = probePane(runner, clientPane, settings);
        resultProbe.shareLoginWith(lookupProbe);
        resultProbe.setAfterChange(true);
        DiagnosisPageModel diag = new DiagnosisPageModel(session, runner, diagnosis);
        RemedyPageModel remedy = new RemedyPageModel(session, runner);
        ReviewPageModel review = new ReviewPageModel(session, runner, plans);
        WizardModel[] w = new WizardModel[1];
        ResultPageModel result = new ResultPageModel(session, runner, plans,
                () -> w[0].markCommitted(), step -> w[0].goTo(step));
        result.convergence().kdcs().setAccess(resultProbe.kdcAccess());   // then each DC's KDC, with the same login
        // after an apply or an undo the Result page tests the connection again by itself when the session says so
        result.setAfterCommit(() -> {
            if (session.repair() != null && session.repair().probeAfterCommit()) {
                resultProbe.start();
            }
        });
        wizard = new WizardModel(List.of(connect, symptom, lookup, diag, remedy, review, result), closer);
        w[0] = wizard;

        Map<Step, Supplier<PageView>> views = new EnumMap<>(Step.class);
        scenarios = new io.github.spndoctor.app.page.connect.ScenarioModel(connect, symptom, connections, runner, () -> wizard.next());
        breaks = new io.github.spndoctor.app.page.connect.BreakModel(connect, session, connections, runner,
                () -> wizard.goTo(Step.REVIEW));
        views.put(Step.CONNECT, () -> {
            ConnectPage page = new ConnectPage(connect, settings.files(), plan -> wizard.goTo(Step.REVIEW));
            page.addTrainerPane(() -> new io.github.spndoctor.app.page.connect.ScenarioPane(scenarios));
            page.addTrainerPane(() -> new io.github.spndoctor.app.page.connect.BreakPane(breaks));
            return page;
        });
        views.put(Step.SYMPTOM, () -> new SymptomPage(symptom));
        // the lead line follows each lookup (a new target, a new directory), for the session's client
        session.lookupProperty().addListener((o, a, b) -> {
            if (b != null && session.repair() != null) {
                clientPane.enter(session.repair().clientChoice());
            }
        });
        views.put(Step.LOOKUP, () -> {
            return new io.github.spndoctor.app.wizard.WithPanes(new LookupPage(lookup),
                    List.of(new io.github.spndoctor.app.page.lookup.ClientPane(clientPane)),
                    List.of(new io.github.spndoctor.app.page.result.ProbePane(lookupProbe,
                            io.github.spndoctor.app.ui.Messages.get("probe.test"))));
        });
        io.github.spndoctor.app.page.flow.TicketFlowModel diagFlow = new io.github.spndoctor.app.page.flow.TicketFlowModel(runner, session::repair);
        io.github.spndoctor.app.page.flow.TicketFlowModel resultFlow = new io.github.spndoctor.app.page.flow.TicketFlowModel(runner, session::repair);
        views.put(Step.DIAGNOSIS, () -> {
            DiagnosisPage page = new DiagnosisPage(diag);
            page.extras().getChildren().add(new io.github.spndoctor.app.page.flow.FlowExpander(new io.github.spndoctor.app.page.flow.TicketFlowView(diagFlow, settings.files(), "diagnosisFlow")));
            return page;
        });
        views.put(Step.REMEDY, () -> new RemedyPage(remedy));
        views.put(Step.REVIEW, () -> new ReviewPage(review, settings.files()));
        // the connection test leads the Result page: after a change it is the proof at a glance
        views.put(Step.RESULT, () -> {
            ResultPage page = new ResultPage(result, settings.files());
            page.extras().getChildren().add(new io.github.spndoctor.app.page.flow.TicketFlowView(resultFlow, settings.files(), "resultFlow"));
            return new io.github.spndoctor.app.wizard.WithPanes(page,
                    List.of(new io.github.spndoctor.app.page.result.ProbePane(resultProbe,
                            io.github.spndoctor.app.ui.Messages.get("probe.testAgain"))), List.of());
        });
        // the picture is redrawn from the directory as it is now: on the Diagnosis page, and on the Result page after
        // each apply, check and undo (the check's words change each time)
        wizard.currentProperty().addListener((o, a, b) -> {
            if (b != null && b.step() == Step.DIAGNOSIS) {
                diagFlow.refresh();
            } else if (b != null && b.step() == Step.RESULT) {
                resultFlow.refresh();
            }
        });
        result.checkProperty().addListener((o, a, b) -> resultFlow.refresh());
        result.checkVerdictProperty().addListener((o, a, b) -> resultFlow.refresh());
        shell = new WizardShell(wizard, session, views);
        connect.setScanOpener(d -> ScanWindow.open(shell.getScene() == null ? null : shell.getScene().getWindow(),
                new ScanModel(d, runner), settings.files(), this::diagnoseFromScan));
        this.runner = runner;
        wizard.start();
    }

    /** Done when every page has been built and rehearsed in idle time (start-up measurement, tests). */
    public java.util.concurrent.CompletableFuture<Void> pagesPrepared() { return pagesPrepared; }

    /**
     * Starts the demo directory in the background (the Connect page is told when it is ready), reads the saved
     * profiles, and builds the other pages' views in idle time. Call after the window is shown, on the UI thread;
     * the work begins two frames later, once the first page has been drawn, so that it does not compete with the
     * first frame. Every caller (the app, the tests, the benchmark, the screenshot tour) gets the same wait (ADR 0106).
     */
    public void startBackgroundWork() {
        new javafx.animation.AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames >= 2) {
                    stop();
                    startNow();
                }
            }
        }.start();
    }

    private void startNow() {
        Preload.firstFrameShown();
        shell.prepareRemainingPages(() -> pagesPrepared.complete(null));
        connections.startDemoInBackground();
        runner.run(ui -> {
            return settingsProfiles();
        }, list -> connect.live().savedProfiles().setAll(list), t -> { });
        connections.demoReady().whenComplete((d, t) -> javafx.application.Platform.runLater(() -> {
            connect.demoStarted(t);
            scenarios.demoStarted();
        }));
    }

    private java.util.List<io.github.spndoctor.core.directory.connect.ConnectionProfile> settingsProfiles() {
        return connect.live().store().list();
    }

    /** "Diagnose this host" in the scan window: the wizard at Look up for {@code host}, on the scanned connection. */
    private void diagnoseFromScan(String host) {
        io.github.spndoctor.core.model.TargetName target;
        try {
            target = io.github.spndoctor.core.model.TargetName.parse(host);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (wizard.busyProperty().get()) {
            return;
        }
        session.symptomTextProperty().set("");
        session.targetProperty().set(target);
        wizard.goTo(Step.LOOKUP);
        if (shell.getScene() != null && shell.getScene().getWindow() instanceof javafx.stage.Stage s) {
            s.toFront();
        }
    }

    public WizardShell shell() { return shell; }

    public WizardModel wizard() { return wizard; }

    public WizardSession session() { return session; }

    public Connections connections() { return connections; }

    /** The trainer's "Break it yourself" on the Connect page. */
    public io.github.spndoctor.app.page.connect.BreakModel breaks() { return breaks; }

    /** The trainer's scenario picker on the Connect page. */
    public io.github.spndoctor.app.page.connect.ScenarioModel scenarios() { return scenarios; }

    /** Releases the directory connections (the demo server included). */
    public void close() {
        if (session.directory() != null) {
            session.directory().close();
        }
        connections.close();
    }
}
