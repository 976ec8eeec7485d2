package lab.mobilenet.app.ui.classify;

import java.util.ArrayList;
import java.util.List;
import lab.mobilenet.engine.model.Architecture;

/**
 * Whether the networks that answered agree on a photo's top class: what the card says in one plain sentence
 * ("all four agree: tabby" / "networks disagree"). Networks without trained weights have no say.
 *
 * @param kind      the verdict
 * @param classIndex the shared top class when they agree, else -1
 * @param answered  how many networks have answered
 * @param networks  the networks that answered, in column order
 */
public record Agreement(Kind kind, int classIndex, int answered, List<Architecture> networks) {

    /** The verdicts, from "nothing to compare yet" to "they disagree". */
    public enum Kind {
        /** Some trained network is still running or queued. */
        WAITING,
        /** No network has answered (none has trained weights, or all failed). */
        NONE,
        /** Exactly one network answered: nothing to compare. */
        ONLY_ONE,
        /** Every network that answered has the same top class. */
        AGREE,
        /** At least two top classes. */
        DISAGREE
    }

    public Agreement {
        networks = List.copyOf(networks);
    }

    /** The verdict for a card's columns as they are now. */
    public static Agreement of(ClassifyCard card) {
        List<Architecture> answered = new ArrayList<>();
        boolean waiting = false;
        for (Architecture a : ClassifyNetworks.ALL) {
            NetworkColumn c = card.column(a);
            if (c.status() == NetworkStatus.DONE) {
                answered.add(a);
            } else if (!c.status().settled()) {
                waiting = true;
            }
        }
        if (waiting) {
            return new Agreement(Kind.WAITING, -1, answered.size(), answered);
        }
        if (answered.isEmpty()) {
            return new Agreement(Kind.NONE, -1, 0, answered);
        }
        int first = card.column(answered.get(0)).best().index();
        if (answered.size() == 1) {
            return new Agreement(Kind.ONLY_ONE, first, 1, answered);
        }
        boolean same = answered.stream().allMatch(a -> card.column(a).best().index() == first);
        return same ? new Agreement(Kind.AGREE, first, answered.size(), answered)
                : new Agreement(Kind.DISAGREE, -1, answered.size(), answered);
    }
}
