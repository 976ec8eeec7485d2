package lab.mobilenet.app.ui.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the output maps were drawn, so a click can be turned back into an output cell: each drawn map
 * registers its box, and {@link #cellAt} divides the click position by the cell size. Filled while painting,
 * read on the FX thread after it.
 */
public final class HitMap {

    /** A map drawn at {@code box}: channel {@code channel} of the trace with role {@code role}, rows × cols. */
    public record Area(String role, int channel, int rows, int cols, Box box) {
    }

    /** An output cell that was clicked. */
    public record Cell(String role, int channel, int y, int x) {
    }

    /** A cell of lesson 7's grid drawn at {@code box}: clicking it selects width α and the resolution. */
    public record Choice(double alpha, int resolution, Box box) {
    }

    private final List<Area> areas = new ArrayList<>();
    private final List<Choice> choices = new ArrayList<>();

    public void add(Choice c) {
        choices.add(c);
    }

    /** The grid cell of lesson 7 under (px, py), if any. */
    public Optional<Choice> choiceAt(double px, double py) {
        return choices.stream().filter(c -> px >= c.box().x && px < c.box().right() && py >= c.box().y
                && py < c.box().bottom()).findFirst();
    }

    public void add(Area a) {
        areas.add(a);
    }

    public void clear() {
        areas.clear();
        choices.clear();
    }

    /** The output cell under (px, py), if any map is there. */
    public Optional<Cell> cellAt(double px, double py) {
        for (Area a : areas) {
            Box b = a.box();
            if (px >= b.x && px < b.right() && py >= b.y && py < b.bottom()) {
                int x = Math.min(a.cols() - 1, (int) ((px - b.x) / b.w * a.cols()));
                int y = Math.min(a.rows() - 1, (int) ((py - b.y) / b.h * a.rows()));
                return Optional.of(new Cell(a.role(), a.channel(), y, x));
            }
        }
        return Optional.empty();
    }
}
