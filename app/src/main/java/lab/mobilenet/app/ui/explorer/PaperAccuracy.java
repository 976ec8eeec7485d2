package lab.mobilenet.app.ui.explorer;

import java.util.List;
import lab.mobilenet.engine.model.Architecture;

/**
 * ImageNet top-1 accuracy against multiply-adds, as the papers print them (224×224 input): MobileNet V1
 * Table 6, MobileNet V2 Table 4 (α 1.0 and 1.4; the smaller widths from the TF-slim checkpoint table the
 * paper's Figure 5 plots), MobileNet V3 Table 3. Copied by hand; these are the authors' numbers, not ours.
 *
 * @param macsMillions the papers' "Mult-Adds" in millions
 * @param source       where the number is printed
 */
public record PaperAccuracy(Architecture architecture, double width, double top1, double macsMillions, String source) {

    public static final List<PaperAccuracy> TABLE = List.of(
            new PaperAccuracy(Architecture.MOBILENET_V1, 1.0, 70.6, 569, "V1 Table 6"),
            new PaperAccuracy(Architecture.MOBILENET_V1, 0.75, 68.4, 325, "V1 Table 6"),
            new PaperAccuracy(Architecture.MOBILENET_V1, 0.5, 63.7, 149, "V1 Table 6"),
            new PaperAccuracy(Architecture.MOBILENET_V1, 0.25, 50.6, 41, "V1 Table 6"),
            new PaperAccuracy(Architecture.MOBILENET_V2, 1.4, 74.7, 585, "V2 Table 4"),
            new PaperAccuracy(Architecture.MOBILENET_V2, 1.0, 72.0, 300, "V2 Table 4"),
            new PaperAccuracy(Architecture.MOBILENET_V2, 0.75, 69.8, 209, "TF-slim table"),
            new PaperAccuracy(Architecture.MOBILENET_V2, 0.5, 65.4, 97, "TF-slim table"),
            new PaperAccuracy(Architecture.MOBILENET_V2, 0.35, 60.3, 59, "TF-slim table"),
            new PaperAccuracy(Architecture.MOBILENET_V3_LARGE, 1.0, 75.2, 219, "V3 Table 3"),
            new PaperAccuracy(Architecture.MOBILENET_V3_LARGE, 0.75, 73.3, 155, "V3 Table 3"),
            new PaperAccuracy(Architecture.MOBILENET_V3_SMALL, 1.0, 67.4, 56, "V3 Table 3"),
            new PaperAccuracy(Architecture.MOBILENET_V3_SMALL, 0.75, 65.4, 44, "V3 Table 3"));
}
