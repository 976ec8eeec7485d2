package lab.mobilenet.app.ui.render;

import java.util.List;
import java.util.Locale;
import lab.mobilenet.lessons.MultiplierRow;
import lab.mobilenet.lessons.MultiplierTable;

/**
 * Width and resolution multipliers: MobileNet V1 rebuilt for every α (rows) and input resolution (columns),
 * each cell its real multiply-adds, shaded by their share of the 1.0-224 model; beside it the selected pair
 * with the real cost against the α²·ρ² prediction and the paper's accuracy.
 */
public final class MultipliersScenePainter {

    private MultipliersScenePainter() {
    }

    public static void paint(SceneContext ctx, Box box, MultiplierTable t) {
        Box left = box.leftPart(0.62);
        Box right = box.rightPart(0.64).inset(ctx.gap() / 2);
        grid(ctx, left, t);
        selected(ctx, right, t);
    }

    private static void grid(SceneContext ctx, Box box, MultiplierTable t) {
        var w = ctx.words();
        Box rest = Draw.title(ctx.p(), ctx.pal(), box, w.get("scene.multipliers-grid"), ctx.heading());
        List<Double> alphas = t.rows().stream().map(MultiplierRow::alpha).distinct().sorted().toList();
        List<Integer> res = t.rows().stream().map(MultiplierRow::resolution).distinct().sorted().toList();
        double headW = Math.min(rest.w * 0.18, ctx.body() * 6);
        double headH = ctx.body() * 1.8;
        double cw = (rest.w - headW) / res.size();
        double ch = Math.min((rest.h - headH) / alphas.size(), cw * 0.8);
        double base = t.base().macs();
        for (int j = 0; j < res.size(); j++) {
            ctx.p().text(res.get(j) + " px", rest.x + headW + (j + 0.5) * cw, rest.y + headH / 2, ctx.body(), true,
                    ctx.pal().text(), Painter.Align.CENTER);
        }
        for (int i = 0; i < alphas.size(); i++) {
            double a = alphas.get(i);
            double y = rest.y + headH + i * ch;
            ctx.p().text(String.format(Locale.ROOT, "α = %.2f", a), rest.x, y + ch / 2, ctx.body(), true,
                    ctx.pal().text(), Painter.Align.LEFT);
            for (int j = 0; j < res.size(); j++) {
                int r = res.get(j);
                var row = t.row(a, r);
                if (row.isEmpty()) {
                    continue;
                }
                double x = rest.x + headW + j * cw;
                int bg = ColorMaps.sequential((float) (row.get().macs() / base), 1f, ctx.pal().isDark());
                ctx.p().fillRect(x + 1, y + 1, cw - 2, ch - 2, bg);
                ctx.hits().add(new HitMap.Choice(a, r, new Box(x, y, cw, ch)));
                String macs = millions(row.get().macs());
                ctx.p().text(macs, x + cw / 2, y + ch * 0.42, ctx.p().fitSize(macs, cw * 0.9, ctx.body() * 1.2, true),
                        true, ColorMaps.textOn(bg), Painter.Align.CENTER);
                String params = millions(row.get().params()) + " params";
                ctx.p().text(params, x + cw / 2, y + ch * 0.75, ctx.p().fitSize(params, cw * 0.9, ctx.body() * 0.75,
                        false), false, ColorMaps.textOn(bg), Painter.Align.CENTER);
                MultiplierRow s = t.selected();
                if (Math.abs(s.alpha() - a) < 1e-9 && s.resolution() == r) {
                    double lw = ctx.highlight();
                    ctx.p().strokeRect(x + lw / 2, y + lw / 2, cw - lw, ch - lw, ctx.pal().current(), lw);
                }
            }
        }
        String note = w.get("scene.multipliers-note");
        double y = rest.y + headH + alphas.size() * ch + ctx.body();
        ctx.p().text(note, rest.x, y, ctx.p().fitSize(note, rest.w, ctx.body(), false), false, ctx.pal().muted(),
                Painter.Align.LEFT);
    }

    private static void selected(SceneContext ctx, Box box, MultiplierTable t) {
        var w = ctx.words();
        MultiplierRow s = t.selected();
        String head = String.format(Locale.ROOT, "α = %.2f   ·   %d px   (ρ = %.3f)", s.alpha(), s.resolution(),
                s.rho());
        Box rest = Draw.title(ctx.p(), ctx.pal(), box, w.get("scene.selected"), ctx.heading());
        ctx.p().text(head, rest.x, rest.y + ctx.big() * 0.5, ctx.p().fitSize(head, rest.w, ctx.big() * 0.8, true),
                true, ctx.pal().current(), Painter.Align.LEFT);
        double y = rest.y + ctx.big() * 1.4;
        double barH = ctx.body() * 1.6;
        double max = Math.max(t.base().macs(), Math.max(s.macs(), s.predictedMacs()));
        y = pair(ctx, rest, y, barH, "MACs", s.macs(), s.predictedMacs(), max, s.macsRatio());
        double pmax = Math.max(t.base().params(), Math.max(s.params(), s.predictedParams()));
        y = pair(ctx, rest, y + barH * 0.6, barH, w.get("counters.params"), s.params(), s.predictedParams(), pmax,
                s.paramsRatio());
        String base = w.get("scene.base", millions(t.base().macs()), millions(t.base().params()));
        ctx.p().text(base, rest.x, y + barH, ctx.p().fitSize(base, rest.w, ctx.body(), false), false,
                ctx.pal().muted(), Painter.Align.LEFT);
        if (s.paperTop1().isPresent()) {
            String top1 = w.get("scene.top1", String.format(Locale.ROOT, "%.1f %%", s.paperTop1().getAsDouble()));
            ctx.p().text(top1, rest.x, y + barH * 2.4, ctx.p().fitSize(top1, rest.w, ctx.big() * 0.7, true), true,
                    ctx.pal().text(), Painter.Align.LEFT);
        }
    }

    /** A real and a predicted bar on a common scale; returns the y below them. */
    private static double pair(SceneContext ctx, Box box, double y, double h, String what, double real,
                               double predicted, double max, double ratio) {
        var w = ctx.words();
        ctx.p().text(what, box.x, y + h / 2, ctx.body(), true, ctx.pal().text(), Painter.Align.LEFT);
        y += h;
        Draw.bar(ctx.p(), ctx.pal(), new Box(box.x, y, box.w, h * 0.9), real / max,
                Palette.alpha(ctx.pal().window(), 200), w.get("scene.real") + " " + millions((long) real), ctx.body());
        y += h;
        Draw.bar(ctx.p(), ctx.pal(), new Box(box.x, y, box.w, h * 0.9), predicted / max,
                Palette.alpha(ctx.pal().weight(), 150), w.get("scene.predicted") + " " + millions((long) predicted)
                        + String.format(Locale.ROOT, "   (×%.2f)", ratio), ctx.body());
        return y + h;
    }

    /** 569,000,000 → "569 M", 4,231,976 → "4.23 M". */
    static String millions(long v) {
        double m = v / 1e6;
        return m >= 100 ? String.format(Locale.ROOT, "%.0f M", m) : m >= 10
                ? String.format(Locale.ROOT, "%.1f M", m) : String.format(Locale.ROOT, "%.2f M", m);
    }
}
