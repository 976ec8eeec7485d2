package lab.mobilenet.engine.fast;

/** Global average pooling: a channels-last map → one vector of C means (V3 reads it as a 1×1 map). */
final class PoolStep implements Step {

    private final StepInfo info;
    private final int in;
    private final int out;
    private final int pixels;
    private final int channels;

    PoolStep(StepInfo info, int in, int out, int pixels, int channels) {
        this.info = info;
        this.in = in;
        this.out = out;
        this.pixels = pixels;
        this.channels = channels;
    }

    @Override
    public StepInfo info() {
        return info;
    }

    @Override
    public void run(Workspace ws, WorkerPool pool) {
        float[] sums = ws.tensors[out];
        java.util.Arrays.fill(sums, 0, channels, 0f);
        ChannelVectors.addPixels(ws.tensors[in], channels, 0, pixels, sums);
        float inv = 1f / pixels;
        for (int j = 0; j < channels; j++) {
            sums[j] *= inv;
        }
    }
}
