#!/usr/bin/python3
"""Cold start of the window (issue 12): MobileNet Lab against the smallest JavaFX app.

tools/ColdStartHello.java (a Stage with one Label) runs from the same shaded jar, so with the same JavaFX. The two
are launched alternately N times each under one Xvfb that keeps its frame buffer in a file (-fbdir). Each time
runs from the launch of `java` to the first frame on screen: the first moment the frame buffer holds a colour
other than the root's black and the white of a window X has mapped but the app has not yet drawn (the pointer
left out). Also printed:
the CPU time the process had used by then (less sensitive to a loaded machine than the wall time), when the
app's main window (not its one-line startup scene) was first drawn, `uptime`
before and after, the medians and the ratios (the goal: app <= 1.3 x hello).

Usage (from the repository root, after `mvn -o -q -B -DskipTests package`):
    /usr/bin/python3 tools/cold_start.py [N]         (default 5)
Env: JAR (default app/target/mobilenet-lab.jar), HOME_DIR (default /tmp/h: the app's home, with its weights and
JavaCPP's extracted natives), JAVA (default java), APP_CP (classes put before the jar, e.g. an older build of a few
classes to compare with: then the app runs as `java -cp APP_CP:JAR lab.mobilenet.app.Main`).
"""
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import time

import numpy as np

JAR = os.environ.get("JAR", "app/target/mobilenet-lab.jar")
HOME_DIR = os.environ.get("HOME_DIR", "/tmp/h")
JAVA = os.environ.get("JAVA", "java")
TIMEOUT_S = 90


def read_screen(path):
    """The Xvfb frame buffer (an XWD file) as an (h, w) array of 0xRRGGBB ints."""
    with open(path, "rb") as f:
        data = f.read()
    header = struct.unpack(">25I", data[:100])
    header_size, width, height, bytes_per_line, ncolors = header[0], header[4], header[5], header[12], header[19]
    start = header_size + 12 * ncolors
    rows = np.frombuffer(data, dtype="<u4", count=height * bytes_per_line // 4, offset=start)
    return rows.reshape(height, bytes_per_line // 4)[:, :width] & 0xFFFFFF


def painted(path):
    """How many pixels are neither black nor white, leaving out the pointer (drawn into the frame buffer at the
    centre of the screen, about 15 x 21 pixels, once a window is mapped)."""
    px = read_screen(path).copy()
    h, w = px.shape
    px[h // 2 - 8:h // 2 + 32, w // 2 - 8:w // 2 + 24] = 0
    return int(np.count_nonzero((px != 0) & (px != 0xFFFFFF)))


def drawn(path):
    return painted(path) > 50


# The main window's grey side panels cover far more than this; its one-line startup scene far less.
MAIN_WINDOW_PIXELS = 100_000


def cpu_ms(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 // os.sysconf("SC_CLK_TCK")


def time_one(cmd, env, fb, main_window=False):
    """(ms to the first frame, CPU ms by then, ms to the main window's first frame or None)."""
    start = time.monotonic()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    first = cpu = None
    try:
        while time.monotonic() - start < TIMEOUT_S:
            n = painted(fb)
            if first is None and n > 50:
                first, cpu = round((time.monotonic() - start) * 1000), cpu_ms(p.pid)
            if first is not None and (not main_window or n > MAIN_WINDOW_PIXELS):
                return first, cpu, round((time.monotonic() - start) * 1000) if main_window else None
            if p.poll() is not None:
                sys.stderr.write(p.stderr.read().decode(errors="replace")[:2000])
                return first, cpu, None
            time.sleep(0.01)
        return first, cpu, None
    finally:
        p.kill()
        p.wait()


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    if not os.path.exists(JAR):
        sys.exit(f"no {JAR}: build it with mvn -o -q -B -DskipTests package")
    work = tempfile.mkdtemp(prefix="cold_start")
    subprocess.run(["javac", "-d", f"{work}/classes", "-cp", JAR, "tools/ColdStartHello.java"], check=True)
    display = f":{200 + os.getpid() % 500}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-fbdir", work, "-nolisten", "tcp",
                             "-noreset"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    fb = f"{work}/Xvfb_screen0"
    try:
        for _ in range(200):
            if os.path.exists(fb):
                break
            time.sleep(0.05)
        time.sleep(0.5)
        if drawn(fb):
            sys.exit("the empty screen already counts as drawn")
        env = dict(os.environ, DISPLAY=display)
        hello_cmd = [JAVA, "-cp", f"{work}/classes:{JAR}", "ColdStartHello"]
        app_cp = os.environ.get("APP_CP")
        app_cmd = ([JAVA, f"-Duser.home={HOME_DIR}", "-cp", f"{app_cp}:{JAR}", "lab.mobilenet.app.Main"] if app_cp
                   else [JAVA, f"-Duser.home={HOME_DIR}", "-jar", JAR])
        print("uptime before:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
        hello, app = [], []
        for i in range(1, n + 1):
            h = time_one(hello_cmd, env, fb)
            time.sleep(0.5)
            a = time_one(app_cmd, env, fb, main_window=True)
            time.sleep(0.5)
            hello.append(h)
            app.append(a)
            print(f"run {i}: hello {h[0]} ms (cpu {h[1]} ms), app {a[0]} ms (cpu {a[1]} ms), "
                  f"app's main window {a[2]} ms", flush=True)
        print("uptime after: ", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())

        def med(runs, k):
            values = [r[k] for r in runs if r[k] is not None]
            return statistics.median(values) if values else float("nan")
        mh, ma, mhc, mac = med(hello, 0), med(app, 0), med(hello, 1), med(app, 1)
        print(f"median to the first frame: hello {mh:.0f} ms, app {ma:.0f} ms; "
              f"CPU time by then: hello {mhc:.0f} ms, app {mac:.0f} ms")
        print(f"ratio app/hello: {ma / mh:.2f} wall (goal <= 1.30), {mac / mhc:.2f} CPU; "
              f"the app's main window drawn after {med(app, 2):.0f} ms (median)")
    finally:
        xvfb.kill()
        xvfb.wait()
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
