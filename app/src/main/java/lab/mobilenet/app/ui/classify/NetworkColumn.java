package lab.mobilenet.app.ui.classify;

import java.util.List;
import lab.mobilenet.engine.classify.Prediction;
import lab.mobilenet.engine.model.Architecture;

/**
 * One network's column on a photo's card, as an immutable snapshot: its status and, once it has run, its top-5
 * classes with probabilities, the measured time, the cost model's MACs and params, and what it looked at.
 *
 * @param network   which network
 * @param status    pending, running, done, untrained, cancelled or failed
 * @param top       the top-5 classes (empty until done)
 * @param millis    measured time of the run (the engine's own clock, tensor in to probabilities out)
 * @param macs      multiply-accumulates at 224 × 224 from the cost model (0 until known)
 * @param params    learnable parameters from the cost model (0 until known)
 * @param cam       the class activation map of the top class (V1 and V2), else null
 * @param occlusion the on-demand occlusion map's state (V3)
 * @param error     one-line reason when the run failed, else null
 */
public record NetworkColumn(Architecture network, NetworkStatus status, List<Prediction> top, double millis,
                            long macs, long params, HeatMap cam, Occlusion occlusion, String error) {

    public NetworkColumn {
        top = List.copyOf(top);
    }

    /** A column waiting for its turn. */
    public static NetworkColumn pending(Architecture a) {
        return new NetworkColumn(a, NetworkStatus.PENDING, List.of(), 0, 0, 0, null, Occlusion.NONE, null);
    }

    public NetworkColumn withStatus(NetworkStatus s) {
        return new NetworkColumn(network, s, top, millis, macs, params, cam, occlusion, error);
    }

    public NetworkColumn withCost(long m, long p) {
        return new NetworkColumn(network, status, top, millis, m, p, cam, occlusion, error);
    }

    public NetworkColumn done(List<Prediction> t, double ms, HeatMap c) {
        return new NetworkColumn(network, NetworkStatus.DONE, t, ms, macs, params, c, Occlusion.NONE, null);
    }

    public NetworkColumn failed(String reason) {
        return new NetworkColumn(network, NetworkStatus.FAILED, List.of(), 0, macs, params, null, Occlusion.NONE,
                reason);
    }

    public NetworkColumn withOcclusion(Occlusion o) {
        return new NetworkColumn(network, status, top, millis, macs, params, cam, o, error);
    }

    /** The top class, when the network has run. */
    public Prediction best() {
        return top.isEmpty() ? null : top.get(0);
    }
}
