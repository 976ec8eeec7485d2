package lab.mobilenet.engine.fast;

/** The caller's {@code [3][H][W]} image, as PyTorch lays it out, copied into a channels-last slot. */
final class InputStep implements Step {

    private final int out;
    private final int h;
    private final int w;

    InputStep(int out, int h, int w) {
        this.out = out;
        this.h = h;
        this.w = w;
    }

    @Override
    public StepInfo info() {
        return new StepInfo("input", StepKind.REST, 0);
    }

    @Override
    public void run(Workspace ws, WorkerPool pool) {
        Layouts.toChannelsLast(ws.input, 3, h, w, ws.tensors[out]);
    }
}
