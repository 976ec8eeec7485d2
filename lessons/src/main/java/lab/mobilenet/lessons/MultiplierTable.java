package lab.mobilenet.lessons;

import java.util.List;

/**
 * The multipliers lesson's table: MobileNet V1 for α ∈ {0.25, 0.5, 0.75, 1.0} × resolutions {96, 128, 160,
 * 192, 224}, the 1.0-224 base, and the row the user selected (any α in steps of 0.05, any listed resolution).
 *
 * @param base     the 1.0-224 model every prediction is relative to
 * @param rows     the grid, α ascending, then resolution ascending
 * @param selected the user's current choice (may also be in {@code rows})
 */
public record MultiplierTable(MultiplierRow base, List<MultiplierRow> rows, MultiplierRow selected) {

    public MultiplierTable {
        rows = List.copyOf(rows);
    }

    /** The grid row for α and resolution, if the grid has it. */
    public java.util.Optional<MultiplierRow> row(double alpha, int resolution) {
        return rows.stream().filter(r -> Math.abs(r.alpha() - alpha) < 1e-9 && r.resolution() == resolution)
                .findFirst();
    }
}
