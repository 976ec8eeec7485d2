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

    private final List<Area> areas = new ArrayList<>();

    public void add(Area a) {
        areas.add(a);
    }

    public void clear() {
        areas.clear();
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
