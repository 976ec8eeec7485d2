package lab.mobilenet.engine.fast;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Assigns the plan's tensors to a few reusable heap slots while the plan is compiled: a tensor's slot is
 * freed once its last reader has been planned, unless the tensor is a block input that a residual add
 * further on still needs ("pinned"). A step's output never shares a slot with its input.
 */
final class SlotAllocator {

    private final Deque<Integer> free = new ArrayDeque<>();
    private final Map<String, Integer> pinned = new HashMap<>();
    private int count;

    /** A slot for a new tensor. */
    int allocate() {
        return free.isEmpty() ? count++ : free.pop();
    }

    /** The tensor in {@code slot} has been read for the last time (unless pinned). */
    void release(int slot) {
        if (!pinned.containsValue(slot) && !free.contains(slot)) {
            free.push(slot);
        }
    }

    /** Keeps the tensor in {@code slot} alive under the name of the layer it is the input of. */
    void pin(String layerName, int slot) {
        pinned.put(layerName, slot);
    }

    /** The pinned slot of {@code layerName}'s input, now read for the last time by its residual add. */
    int unpin(String layerName) {
        Integer slot = pinned.remove(layerName);
        if (slot == null) {
            throw new IllegalArgumentException("no saved input for residual from " + layerName);
        }
        return slot;
    }

    /** Whether the tensor in {@code slot} is a block input kept for a residual add. */
    boolean isPinned(int slot) {
        return pinned.containsValue(slot);
    }

    int slots() {
        return count;
    }
}
