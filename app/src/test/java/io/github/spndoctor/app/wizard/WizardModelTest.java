package io.github.spndoctor.app.wizard;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Navigation rules of the shell, without the toolkit. */
class WizardModelTest {
    private final Map<Step, FakePage> pages = new EnumMap<>(Step.class);
    private WizardModel wizard;
    private int closed;

    /** A page whose validity, busy state and back rule the test sets. */
    static final class FakePage extends BasePageModel {
        boolean valid = true;
        boolean back = true;
        boolean stopped;
        int entered;
        Runnable held;

        FakePage(Step step) {
            super(step);
            mainInstruction.set("Instruction of " + step);
        }

        @Override
        public void onEnter() { entered++; }

        @Override
        public void next(Runnable proceed) {
            if (valid) {
                proceed.run();
            }
        }

        void startWork() { busy.set(true); }

        void finishWork() { busy.set(false); }

        @Override
        public boolean stopWork() {
            stopped = true;
            busy.set(false);
            return true;
        }

        @Override
        public boolean allowsBack() { return back; }

        void label(String l) { primaryLabel.set(l); }
    }

    @BeforeEach
    void setUp() {
        List<PageModel> list = new ArrayList<>();
        for (Step s : Step.values()) {
            FakePage p = new FakePage(s);
            pages.put(s, p);
            list.add(p);
        }
        wizard = new WizardModel(list, () -> closed++);
        wizard.start();
    }

    @Test
    void start_showsConnectWithBackDisabled() {
        assertEquals(Step.CONNECT, wizard.currentStep());
        assertFalse(wizard.canGoBackProperty().get());
        assertEquals("Instruction of CONNECT", wizard.mainInstructionProperty().get());
        assertEquals(1, pages.get(Step.CONNECT).entered);
    }

    @Test
    void next_movesOnOnlyWhenThePageAllowsIt() {
        pages.get(Step.CONNECT).valid = false;
        wizard.next();
        assertEquals(Step.CONNECT, wizard.currentStep());
        pages.get(Step.CONNECT).valid = true;
        wizard.next();
        assertEquals(Step.SYMPTOM, wizard.currentStep());
        assertTrue(wizard.canGoBackProperty().get());
    }

    @Test
    void back_returnsToThePageActuallyVisited() {
        wizard.next();
        wizard.next();
        wizard.goTo(Step.RESULT);
        wizard.back();
        assertEquals(Step.LOOKUP, wizard.currentStep());
        wizard.back();
        wizard.back();
        assertEquals(Step.CONNECT, wizard.currentStep());
        assertFalse(wizard.canGoBackProperty().get());
    }

    @Test
    void busy_disablesBackAndNext_andCancelStopsTheWorkInsteadOfClosing() {
        wizard.next();
        FakePage symptom = pages.get(Step.SYMPTOM);
        symptom.startWork();
        assertTrue(wizard.busyProperty().get());
        assertFalse(wizard.canGoBackProperty().get());
        wizard.next();
        assertEquals(Step.SYMPTOM, wizard.currentStep());
        wizard.cancel();
        assertTrue(symptom.stopped);
        assertEquals(0, closed);
        assertFalse(wizard.busyProperty().get());
        assertTrue(wizard.canGoBackProperty().get());
        wizard.cancel();
        assertEquals(1, closed);
    }

    @Test
    void aPageThatForbidsBack_disablesBack() {
        wizard.next();
        pages.get(Step.SYMPTOM).back = false;
        wizard.next();
        wizard.back();
        assertEquals(Step.SYMPTOM, wizard.currentStep());
        assertFalse(wizard.canGoBackProperty().get());
    }

    @Test
    void committed_turnsCancelIntoClose() {
        assertEquals("Cancel", wizard.cancelLabelProperty().get());
        wizard.markCommitted();
        assertEquals("_Close", wizard.cancelLabelProperty().get());
    }

    @Test
    void primaryLabel_followsTheCurrentPage() {
        wizard.next();
        pages.get(Step.SYMPTOM).label("_Look up");
        assertEquals("_Look up", wizard.primaryLabelProperty().get());
        pages.get(Step.SYMPTOM).label("");
        wizard.next();
        assertEquals(Step.SYMPTOM, wizard.currentStep(), "no primary button, no next");
    }

    @Test
    void resultPage_offersCloseNotCancel() {
        wizard.goTo(Step.RESULT);
        assertEquals("_Close", wizard.cancelLabelProperty().get());
    }
}
