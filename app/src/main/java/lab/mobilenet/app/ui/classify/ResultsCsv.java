package lab.mobilenet.app.ui.classify;

import java.util.List;
import java.util.Locale;
import lab.mobilenet.app.cli.ImageNetLabels;
import lab.mobilenet.engine.classify.Prediction;
import lab.mobilenet.engine.model.Architecture;

/**
 * All results of the page as CSV, one row per (file, network, rank): {@code file,network,rank,label,probability,ms}.
 * Only networks that ran are listed (untrained, cancelled and failed columns have no answer to list); the
 * network is timm's name, as {@code classify --model} takes it; the probability has six decimals, the time two.
 * Fields are quoted as RFC 4180 says when they hold a comma, a quote or a line break.
 */
public final class ResultsCsv {

    public static final String HEADER = "file,network,rank,label,probability,ms";

    private ResultsCsv() {
    }

    public static String format(List<ClassifyCard> cards) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (ClassifyCard card : cards) {
            for (Architecture a : ClassifyNetworks.ALL) {
                NetworkColumn c = card.column(a);
                if (c == null || c.status() != NetworkStatus.DONE) {
                    continue;
                }
                int rank = 1;
                for (Prediction p : c.top()) {
                    sb.append(field(card.source())).append(',').append(ClassifyNetworks.timmName(a)).append(',')
                            .append(rank++).append(',').append(field(ImageNetLabels.name(p.index()))).append(',')
                            .append(String.format(Locale.ROOT, "%.6f,%.2f", p.probability(), c.millis()))
                            .append('\n');
                }
            }
        }
        return sb.toString();
    }

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
