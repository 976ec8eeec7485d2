package lab.mobilenet.app.ui.build;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import lab.mobilenet.app.ui.concurrent.Background;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.engine.keras.KerasLayer;
import lab.mobilenet.engine.keras.KerasModel;
import lab.mobilenet.engine.keras.KerasText;
import lab.mobilenet.lessons.KerasComparison;

/**
 * "Build your own separable net": the layer list as Keras-style text, and, after every edit, its shapes, params
 * and MACs beside the same net with standard convolutions. The arithmetic runs on the compute executor; results
 * come back on the UI executor as one immutable {@link Result}, and an outdated one (the text changed meanwhile)
 * is dropped.
 */
public final class BuildNetViewModel {

    /** The course's example, in the format of {@code summary --model-file}. */
    public static final String EXAMPLE = """
            Input(shape=(64, 64, 3))
            SeparableConv2D(32, 3, activation='relu')
            MaxPooling2D()
            SeparableConv2D(64, 3, activation='relu')
            MaxPooling2D()
            SeparableConv2D(128, 3, activation='relu')
            GlobalAveragePooling2D()
            Dense(10, activation='softmax')
            """;

    /** Either a comparison or the one-line reason the text is not a net yet. */
    public record Result(KerasComparison comparison, String error) {
    }

    private final UiExecutors executors;
    private final StringProperty text = new SimpleStringProperty(this, "text", EXAMPLE);
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private long generation;
    private KerasModel lastGood;

    public BuildNetViewModel(UiExecutors executors) {
        this.executors = executors;
        text.addListener((obs, was, now) -> recompute());
        recompute();
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Appends a layer line, e.g. {@code MaxPooling2D()}. */
    public void addLayer(String line) {
        String t = text.get();
        text.set(t.isEmpty() || t.endsWith("\n") ? t + line + "\n" : t + "\n" + line + "\n");
    }

    /** Removes the last layer line (never the Input line, never comments). */
    public void removeLastLayer() {
        List<String> lines = new ArrayList<>(List.of(text.get().split("\\R", -1)));
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i).strip();
            if (!l.isEmpty() && !l.startsWith("#") && !l.startsWith("Input")) {
                lines.remove(i);
                text.set(String.join("\n", lines));
                return;
            }
        }
    }

    /**
     * Replaces layer {@code index} of the last net that parsed and rewrites the text from it (the structured
     * controls' way of editing: comments and spacing of the text are not kept).
     */
    public void replaceLayer(int index, KerasLayer layer) {
        if (lastGood == null || index < 0 || index >= lastGood.layers().size()) {
            return;
        }
        List<KerasLayer> layers = new ArrayList<>(lastGood.layers());
        layers.set(index, layer);
        text.set(KerasText.format(new KerasModel(lastGood.name(), lastGood.input(), layers)));
    }

    /** Removes layer {@code index} of the last net that parsed (not the last one left). */
    public void removeLayer(int index) {
        if (lastGood == null || index < 0 || index >= lastGood.layers().size() || lastGood.layers().size() == 1) {
            return;
        }
        List<KerasLayer> layers = new ArrayList<>(lastGood.layers());
        layers.remove(index);
        text.set(KerasText.format(new KerasModel(lastGood.name(), lastGood.input(), layers)));
    }

    /** Swaps a {@code SeparableConv2D} for a {@code Conv2D} with the same arguments, and back. */
    public void toggleSeparable(int index) {
        if (lastGood == null || index < 0 || index >= lastGood.layers().size()) {
            return;
        }
        KerasLayer l = lastGood.layers().get(index);
        if (l instanceof KerasLayer.SeparableConv2D s) {
            replaceLayer(index, s.asStandard());
        } else if (l instanceof KerasLayer.Conv2D c) {
            replaceLayer(index, new KerasLayer.SeparableConv2D(c.filters(), c.kernel(), c.stride(), c.same(),
                    c.activation(), c.bias()));
        }
    }

    private void recompute() {
        long g = ++generation;
        String t = text.get();
        Background.run(executors.compute(), executors.ui(), () -> KerasComparison.of(KerasText.parse(t, "my_net")),
                (comparison, failure) -> {
                    if (g == generation) {
                        if (comparison != null) {
                            lastGood = comparison.model();
                        }
                        result.set(new Result(comparison, failure));
                    }
                });
    }
}
