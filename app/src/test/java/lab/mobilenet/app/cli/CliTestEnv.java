package lab.mobilenet.app.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** An environment for CLI tests: empty weight folders under {@code dir}, offline; never the user's own cache. */
final class CliTestEnv {

    private CliTestEnv() {
    }

    static Map<String, String> offline(Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", dir.toString());
        env.put("HF_HUB_CACHE", dir.resolve("hub").toString());
        env.put("MOBILENET_LAB_WEIGHTS", dir.resolve("app").toString());
        env.put("HF_HUB_OFFLINE", "1");
        return env;
    }
}
