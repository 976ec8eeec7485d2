package lab.mobilenet.engine.fast;

/** Global average pooling: a channels-last map → one vector of C means (V3 reads it as a 1×1 map). */
final class PoolStep implements Step {

    private final StepInfo info;
    private final int in;
    private final Output out;
    private final int pixels;
    private final int channels;

    PoolStep(StepInfo info, int in, Output out, int pixels, int channels) {
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
    public void reserve(Workspace.Sizes s) {
        s.scratchFloats = Math.max(s.scratchFloats, ChannelVectors.chunkPixels(channels) * channels);
        s.vectorFloats = Math.max(s.vectorFloats, channels);
        out.reserve(s, channels);
    }

    @Override
    public void run(Workspace ws, WorkerPool pool) {
        float[] sums = ws.scratch[0];
        ChannelVectors.sumPixels(ws.tensors[in], channels, 0, pixels, ws.patch[0], sums);
        float[] mean = ws.vectorA;
        float inv = 1f / pixels;
        for (int j = 0; j < channels; j++) {
            mean[j] = sums[j] * inv;
        }
        out.write(ws, mean, 0, channels);
    }
}
