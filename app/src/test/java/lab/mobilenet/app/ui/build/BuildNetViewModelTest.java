package lab.mobilenet.app.ui.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.engine.keras.KerasLayer;
import lab.mobilenet.engine.keras.KerasModel;
import lab.mobilenet.engine.keras.KerasText;
import org.junit.jupiter.api.Test;

class BuildNetViewModelTest {

    @Test
    void startsWithTheCourseExample() {
        BuildNetViewModel vm = new BuildNetViewModel(UiExecutors.sameThread());
        assertEquals(KerasModel.separableExample().layers(), KerasText.parse(BuildNetViewModel.EXAMPLE, "x").layers());
        BuildNetViewModel.Result r = vm.resultProperty().get();
        assertNull(r.error());
        assertEquals(12_741, r.comparison().params());
        assertEquals(94_538, r.comparison().standardParams());
    }

    @Test
    void addingAndRemovingLayersUpdatesTheCounts() {
        BuildNetViewModel vm = new BuildNetViewModel(UiExecutors.sameThread());
        vm.addLayer("Dense(5)");
        // one more Dense on the 10 outputs: 10·5 + 5 = 55
        assertEquals(12_741 + 55, vm.resultProperty().get().comparison().params());
        vm.removeLastLayer();
        vm.removeLastLayer(); // the Dense(10) too: 12,741 − 1,290
        assertEquals(11_451, vm.resultProperty().get().comparison().params());
    }

    @Test
    void aMistakeIsOneLineAndTheRemovalNeverTakesTheInput() {
        BuildNetViewModel vm = new BuildNetViewModel(UiExecutors.sameThread());
        vm.textProperty().set("Input(shape=(8, 8, 3))\nSeparableConv2D(4, 9)\n");
        String e = vm.resultProperty().get().error();
        assertTrue(e.startsWith("separable_conv2d: "), e);
        assertNull(vm.resultProperty().get().comparison());
        vm.removeLastLayer();
        vm.removeLastLayer();
        assertTrue(vm.textProperty().get().startsWith("Input(shape=(8, 8, 3))"), vm.textProperty().get());
    }

    @Test
    void structuredEditsRewriteTheText() {
        BuildNetViewModel vm = new BuildNetViewModel(UiExecutors.sameThread());
        vm.replaceLayer(0, new KerasLayer.SeparableConv2D(16, 3, 1, false, "relu", true));
        assertTrue(vm.textProperty().get().contains("SeparableConv2D(16, 3, activation='relu')"), vm.textProperty().get());
        // first layer 3·3·3 + 3·16 + 16 = 91; the second now reads 16 channels: 3·3·16 + 16·64 + 64 = 1,232
        assertEquals(12_741 - 155 - 2_400 + 91 + 1_232, vm.resultProperty().get().comparison().params());
        vm.toggleSeparable(0);
        assertTrue(vm.textProperty().get().contains("Conv2D(16, 3, activation='relu')"), vm.textProperty().get());
        assertEquals(3 * 3 * 3 * 16 + 16, vm.resultProperty().get().comparison().rows().get(0).params());
        vm.removeLayer(1); // the first MaxPooling2D
        assertEquals("separable_conv2d", vm.resultProperty().get().comparison().rows().get(1).name());
    }

    @Test
    void structuredEditsWorkOnTheLastNetThatParsed() {
        BuildNetViewModel vm = new BuildNetViewModel(UiExecutors.sameThread());
        vm.textProperty().set(BuildNetViewModel.EXAMPLE + "Dense(\n");
        assertTrue(vm.resultProperty().get().error() != null);
        vm.removeLayer(6); // the Dense(10) of the example, which last parsed
        assertEquals(12_741 - 1_290, vm.resultProperty().get().comparison().params());
    }

    @Test
    void anOutdatedResultIsDropped() {
        Deque<Runnable> queued = new ArrayDeque<>();
        BuildNetViewModel vm = new BuildNetViewModel(new UiExecutors(queued::add, Runnable::run));
        vm.textProperty().set("Input(shape=(8, 8, 3))\nDense(2)\n"); // an error, computed after the example
        vm.textProperty().set(BuildNetViewModel.EXAMPLE);
        Runnable first = queued.poll();
        Runnable second = queued.poll();
        Runnable third = queued.poll();
        third.run();
        first.run();
        second.run();
        assertNull(vm.resultProperty().get().error(), "the two outdated runs did not overwrite the latest");
        assertEquals(12_741, vm.resultProperty().get().comparison().params());
    }
}
