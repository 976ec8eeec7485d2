package lab.mobilenet.engine.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KerasTextTest {

    @Test
    void readsTheExampleAsAKerasUserWritesIt() {
        String text = """
                # the course's example
                Input(shape=(64, 64, 3))
                layers.SeparableConv2D(32, 3, activation='relu'),
                layers.MaxPooling2D()
                SeparableConv2D(64, (3, 3), activation="relu")
                MaxPooling2D(pool_size=(2, 2))
                SeparableConv2D(filters=128, kernel_size=3, activation='relu')
                GlobalAveragePooling2D()
                keras.layers.Dense(10, activation='softmax')
                """;
        assertEquals(KerasModel.separableExample(), KerasText.parse(text, "keras_separable_example"));
    }

    @Test
    void readsStridesPaddingAndBias() {
        KerasModel m = KerasText.parse("Input(shape=(32, 32, 3))\nConv2D(16, 5, strides=2, padding='same', use_bias=False)\n"
                + "Flatten()\nDense(4)", "m");
        assertEquals(new KerasLayer.Conv2D(16, 5, 2, true, null, false), m.layers().get(0));
        assertEquals(KerasShape.vector(16 * 16 * 16), m.summary().get(1).output());
        assertEquals(5 * 5 * 3 * 16 + 16 * 16 * 16 * 4 + 4, m.params());
    }

    @Test
    void formatWritesWhatParseReadsBack() {
        KerasModel m = KerasText.parse("Input(shape=(33, 31, 2))\nSeparableConv2D(8, 5, strides=2, padding='same', "
                + "use_bias=False)\nConv2D(4, 3, activation='relu')\nMaxPooling2D(3, strides=2)\nFlatten()\n"
                + "Dense(3, activation='softmax', use_bias=False)\n", "m");
        assertEquals(m, KerasText.parse(KerasText.format(m), "m"));
        assertEquals(KerasModel.separableExample(), KerasText.parse(KerasText.format(KerasModel.separableExample()),
                "keras_separable_example"));
        assertEquals("SeparableConv2D(32, 3, activation='relu')",
                KerasText.line(KerasModel.separableExample().layers().get(0)));
        assertEquals("MaxPooling2D()", KerasText.line(KerasModel.separableExample().layers().get(1)));
    }

    @Test
    void mistakesAreOneMessageNamingTheLine() {
        assertMessage("line 2: unknown layer 'Conv3D'", "Input(shape=(8, 8, 3))\nConv3D(4, 3)");
        assertMessage("line 1: the first line must be Input", "Dense(3)");
        assertMessage("line 2: padding must be 'valid' or 'same'", "Input(shape=(8,8,3))\nConv2D(4, 3, padding='full')");
        assertMessage("line 2: at most 2 arguments without a name", "Input(shape=(8,8,3))\nConv2D(4, 3, 2)");
        assertMessage("line 2: filters must be a whole number", "Input(shape=(8,8,3))\nConv2D(four, 3)");
        assertMessage("line 2: kernel_size must be one size or a square pair", "Input(shape=(8,8,3))\nConv2D(4, (3, 1))");
        assertMessage("no Input", "# nothing");
    }

    private static void assertMessage(String start, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KerasText.parse(text, "x"));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
