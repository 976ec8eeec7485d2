package lab.mobilenet.app.ui.classify;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lab.mobilenet.engine.image.RgbImage;
import lab.mobilenet.engine.model.Architecture;

/**
 * One photo on the Classify page, as an immutable snapshot: its name, a small copy of the photo, the crops the
 * networks saw, and one column per network. A file that could not be read keeps its card, with the reason
 * instead of pictures and columns. Every change makes a new card, published on the UI executor.
 *
 * @param id        unique on the page, stable across snapshots
 * @param name      the file name (or "pasted image 1")
 * @param source    the path as given, for the CSV; the name for pasted images
 * @param thumbnail the photo at most {@link ClassifyBackend#THUMBNAIL_SIDE} pixels on its longer side; null while reading
 * @param crops     the 224 × 224 crops, one per distinct preprocessing geometry (usually one for all four)
 * @param problem   the engine's one-line reason the file could not be used, else null
 * @param columns   V1, V2, V3-Large, V3-Small, in that order
 */
public record ClassifyCard(long id, String name, String source, RgbImage thumbnail, List<PhotoCrop> crops,
                           String problem, Map<Architecture, NetworkColumn> columns) {

    public ClassifyCard {
        crops = List.copyOf(crops);
        Map<Architecture, NetworkColumn> copy = new EnumMap<>(Architecture.class);
        copy.putAll(columns);
        columns = Collections.unmodifiableMap(copy);
    }

    /** A card just queued: nothing read yet, every network pending. */
    public static ClassifyCard queued(long id, String name, String source) {
        Map<Architecture, NetworkColumn> cols = new EnumMap<>(Architecture.class);
        for (Architecture a : ClassifyNetworks.ALL) {
            cols.put(a, NetworkColumn.pending(a));
        }
        return new ClassifyCard(id, name, source, null, List.of(), null, cols);
    }

    public boolean decoded() {
        return thumbnail != null;
    }

    public boolean failed() {
        return problem != null;
    }

    public NetworkColumn column(Architecture a) {
        return columns.get(a);
    }

    /** The crop network {@code a} saw, or null before decoding. */
    public RgbImage cropFor(Architecture a) {
        for (PhotoCrop c : crops) {
            if (c.networks().contains(a)) {
                return c.image();
            }
        }
        return null;
    }

    public ClassifyCard withPhoto(RgbImage thumb, List<PhotoCrop> cs) {
        return new ClassifyCard(id, name, source, thumb, cs, null, columns);
    }

    public ClassifyCard withProblem(String reason) {
        return new ClassifyCard(id, name, source, null, List.of(), reason, columns);
    }

    public ClassifyCard with(NetworkColumn c) {
        Map<Architecture, NetworkColumn> cols = new EnumMap<>(Architecture.class);
        cols.putAll(columns);
        cols.put(c.network(), c);
        return new ClassifyCard(id, name, source, thumbnail, crops, problem, cols);
    }

    /** Whether every network's column is settled (done, untrained, cancelled or failed), or the file failed. */
    public boolean settled() {
        return failed() || columns.values().stream().allMatch(c -> c.status().settled());
    }
}
