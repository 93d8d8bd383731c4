#!/usr/bin/env python3
"""formcheck against a real kernel. Tests/VM/run-tests runs this program three times:

    vm_tests.py --prepare          host, before the guest boots: a self-test of the comparisons,
                                   then `formcheck replay` and `angles` of every rendered scenario
                                   (the same binary on the same files)
    vm_tests.py [TEST...]          in the guest, as root, with systemd-udevd running: the live
                                   sessions against real nodes, and the checks that need the guest
    vm_tests.py --analyse DIR      host, after the guest: the analysis of what the guest left in
                                   DIR (recordings, live output) — replays, inspect, frame-by-frame
                                   comparisons — which emulation would make slow; prints the
                                   results

Tier 1, real evdev nodes from recordings (uinput):
  devices            evemu-device nodes of every fixture description: `formcheck devices --json`
                     lists each motion node with its name, id, ranges and readability, and refuses
                     the Wii Remote accelerometer; as an unprivileged user nothing reads (exit 77)
  live-vs-replay     evemu-play of a simulated session into a DualSense node (fuzz 0): `formcheck
                     live` reports the same events, holds (times and angles) and form errors as
                     `formcheck replay` of the same file (TOL, plus the delivery stalls measured
                     before each event), both the truth's; its --record has every frame played
  overflow-sigint    a live session on a Joy-Con node (fc-uinput): formcheck SIGSTOPped while 0.15 s
                     of frames arrive gets a real SYN_DROPPED (a gap in the recording that inspect
                     lists where it was stopped, the angle's error changing < 0.2° around it, the
                     session goes on), then Ctrl-C mid-hold ends it (summary; a complete recording
                     that libevemu reads, every frame as played)
  pain-sigint        live on a pseudo-terminal: the pain question answered with a key, Ctrl-C
                     mid-session ends it, Ctrl-C at the question after skips it: exit 0, the
                     terminal's settings as they were, the session saved closed with pain 4 before
                     and none after, its exercise and recording
  unplug-no-uniq     that node removed mid-hold: without a uniq formcheck cannot wait for the
                     controller, so it says the device went and ends the session, exit status 74
                     (summary, complete recording, ending where the player stopped)
  record             formcheck record: --duration ends it at the first frame that long after the
                     first (exit 0) and, on a silent node, by the clock; Ctrl-C (exit 0) and a node
                     removed (exit 74) end it with the summary and every frame sent in the file
Tier 2, real drivers through /dev/uhid (hid-tools' DualSense emulator, hid-playstation):
  udev-rule          udev/70-formcheck.rules under the real systemd-udevd: the uaccess tag and the
                     by-formcheck symlink go to the Motion Sensors node and nothing else
  dualsense-uhid     the driver's Motion Sensors node fed from a simulated session: listed by
                     `formcheck devices`, every frame arrives with its device time, and `formcheck
                     live` agrees with `formcheck replay` of the simulation
  unplug-reconnect   the controller goes away mid-hold (its uhid device destroyed) and comes back
                     with the same uniq: formcheck reports it gone, keeps the session and continues
                     it; the recording marks the gap (uinput cannot set a uniq: this needs a driver)
Tier 2, the real hid-nintendo through /dev/uhid (this project's Joy-Con emulator, joycon_uhid.py):
  joycon-uhid        a left and a right Joy-Con side by side: `formcheck devices` lists each IMU
                     node with the driver's name, uniq (the MAC) and resolution; `formcheck live`
                     on each: every frame sent arrives with the driver's values, every sample is
                     timed 5 ms apart, the holds are within ±0.15 s (+ stall) of the truth
  joycon-reconnect   the left Joy-Con goes away mid-hold and comes back with the same MAC: the
                     session goes on, the recording marks the gap, the holds stay the truth's
  pair-routine       two sensors at once: a left and a right Joy-Con, one on each thigh, fed the two
                     recordings of a simulated pair (routine-pair-short: a hamstring stretch on each
                     leg, two bridges on both); `formcheck routine pair-short LEFT RIGHT --record
                     S.json` coaches each leg from its own sensor and ends by itself, complete; the
                     session file ties the two recordings (uniqs, starts), each holds every frame
                     sent, `replay S.json` gives live's events, and the holds and reps are the truth's
kill -9 (fc-uinput nodes playing a hold of vm-hamstring-dualsense; the player's writes count what was sent):
  kill-record        formcheck record SIGKILLed 10 times at seeded moments (every other one after
                     the player froze and formcheck wrote what it read): every file reads back
                     (libevemu, formcheck inspect), ends on a complete frame, and holds exactly the
                     first frames delivered — all of them for a settled kill
  kill-live          the same for formcheck live --record

Live and replay are compared with each other (every event within TOL once the stalls before it are
taken off, hold angles within ANGLE_TOL), and both with the simulator's ground truth (holds within
TRUTH_TOL, form errors), enforced by default (FORMCHECK_VM_CHECK_TRUTH=0 only reports it). Every
wait is for what the test needs next (a line, a file's frames, a node, the player's position), with
a generous timeout: a slow machine makes the tests take longer, not fail; the moments a test acts
at (stop, unplug, Ctrl-C) are positions in the scenario, not wall-clock times.
"""
import bisect
import csv
import glob
import io
import json
import os
import pty
import re
import shutil
import signal
import subprocess
import sys
import termios
import threading
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CACHE = os.environ.get("FORMCHECK_VM_CACHE", os.path.join(REPO, ".build-vm"))
# The release binary (Tests/VM/run-tests; make vm-test builds it): what ships, and light enough
# under emulation to keep up with a 200 Hz node while the other chain of a stage runs.
FC = os.environ.get("FORMCHECK", os.path.join(REPO, ".build/release/formcheck"))
WORK = os.path.join(CACHE, "work")  # scenarios rendered on the host by run-tests
HELPER = os.path.join(CACHE, "bin/fc-uinput")
TMP = "/tmp/vm-tests"  # the guest's output, copied to the host as artifacts
# Live against a replay: every event time within TOL once the delivery stalls measured before it
# are taken off (see inspect), and the hold angles within ANGLE_TOL where both read the same frames
# (evemu-play and fc-uinput into fuzz-0 nodes, replays of --record), DRIVER_ANGLE_TOL where live
# reads a driver's node fed from the simulation and the replay the simulation itself.
# TOL: the requirement is ~10 ms. Measured: live and a replay of the very same frames differ by up
# to two samples (8 ms at 250 Hz, 10 ms at 200 Hz), at decisions taken at whole seconds of session
# time — live's sample times count from the first frame's kernel time (tens of seconds after boot),
# the replay's from the file's (1 µs), and the subtraction rounds differently — so 10 ms + 0.5 ms.
TOL = 0.0105  # seconds
ANGLE_TOL = 0.1  # degrees: one step of the output's rounding (measured: 0.00°)
DRIVER_ANGLE_TOL = 0.2  # degrees: the driver's calibration and fuzz filter move raw values (measured: 0.10°)
TRUTH_TOL = 0.15  # seconds: every session's holds against the simulator's truth (stalls taken off)
# seconds: a reconnected Joy-Con's first frame against the clock the emulator resumed it at — the
# driver counts from 0 again, so formcheck times it by the kernel's step, which the emulator's
# scheduling lengthens
RESUME_TOL = 0.1
CHECK_TRUTH = os.environ.get("FORMCHECK_VM_CHECK_TRUTH", "1") != "0"
NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
# Hold times of the short VM scenarios (the protocols' own are 30-60 s).
HOLD = {"vm-hamstring-dualsense": "5", "vm-hamstring-joycon": "5", "vm-hamstring-joycon-right": "5"}

# ---------------------------------------------------------------------------------------------
# small tools


class Failed(Exception):
    pass


class Test:
    def __init__(self, name):
        self.name = name
        self.failures = []
        self.notes = []
        self.deferred = []

    def check(self, cond, message):
        if not cond:
            self.failures.append(message)
        return cond

    def require(self, cond, message):
        if not cond:
            self.failures.append(message)
            raise Failed()

    def note(self, message):
        self.notes.append(message)

    def defer(self, analysis, **params):
        """An analysis for the host, after the guest (see ANALYSES)."""
        self.deferred.append({"analysis": analysis, "params": params})


class Proc:
    """A background process whose stdout lines are collected as they come."""

    def __init__(self, args, stdin=False, stdout=None, stderr=None):
        self.args = args
        self.lines = []
        self.p = subprocess.Popen(
            args, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=subprocess.PIPE if stdout is None else stdout,
            stderr=subprocess.STDOUT if stderr is None else stderr, text=True, bufsize=1)
        if stdout is None:
            threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.p.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, regex, timeout):
        deadline = time.monotonic() + timeout
        exited = None
        while time.monotonic() < deadline:
            for line in list(self.lines):
                m = re.search(regex, line)
                if m:
                    return m
            if self.p.poll() is not None:
                if exited is not None and time.monotonic() - exited > 0.5:
                    break  # it ended, and its last lines were read
                exited = exited or time.monotonic()
            time.sleep(0.05)
        return None

    def send(self, line):
        self.p.stdin.write(line + "\n")
        self.p.stdin.flush()

    def stop(self, sig=signal.SIGKILL):
        if self.p.poll() is None:
            self.p.send_signal(sig)
        try:
            self.p.wait(10)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()

    def output(self):
        return "\n".join(self.lines)


def run(args, timeout=120, check=False):
    r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=timeout)
    if check and r.returncode != 0:
        raise Failed(f"{' '.join(args)}: exit status {r.returncode}\n{r.stderr.strip()}")
    return r


def wait_until(cond, timeout, interval=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        v = cond()
        if v:
            return v
        time.sleep(interval)
    return cond()


def read_text(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ""


def has_open(pid, node):
    """Whether process `pid` has `node` open."""
    for fd in glob.glob(f"/proc/{pid}/fd/*"):
        try:
            if os.readlink(fd) == node:
                return True
        except OSError:
            pass
    return False


def polling(pid):
    """Whether a thread of `pid` sits in poll(2)/ppoll(2): formcheck's reader waits for events."""
    for f in glob.glob(f"/proc/{pid}/task/*/syscall"):
        nr = read_text(f).split(" ", 1)[0]
        if nr in ("7", "271"):  # x86-64 poll, ppoll
            return True
    return False


def cpu_seconds(pid):
    try:
        fields = read_text(f"/proc/{pid}/stat").rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (IndexError, ValueError):
        return float("nan")


def evemu_device(path):
    """evemu-device DESC: returns (process, /dev/input/eventN)."""
    p = Proc(["evemu-device", path])
    m = p.wait_for(r": (/dev/input/event\d+)$", 20)
    if not m:
        p.stop()
        raise Failed(f"evemu-device {path} made no node: {p.output()}")
    wait_until(lambda: os.path.exists(m.group(1)), 5)
    return p, m.group(1)


def helper_device(desc, play=None):
    """fc-uinput DESC --play FILE --wait: the node, playing on a line to its stdin."""
    p = Proc([HELPER, desc] + (["--play", play, "--wait"] if play else []), stdin=True)
    m = p.wait_for(r"^device (/dev/input/event\d+)$", 20)
    if not m:
        p.stop()
        raise Failed(f"fc-uinput {desc} made no node: {p.output()}")
    wait_until(lambda: os.path.exists(m.group(1)), 5)
    return p, m.group(1)


def played_events(path):
    """The E: lines an fc-uinput player writes for a whole file, in order: their times (seconds
    after the file's first event; SYN_DROPPED left out, as it leaves it out)."""
    out, first = [], None
    with open(path) as f:
        for line in f:
            if line.startswith("E:"):
                p = line.split()
                tm = float(p[1])
                first = tm if first is None else first
                if p[2:4] != ["0000", "0003"]:
                    out.append(tm - first)
    return out


def played_frame_times(path):
    """When each frame of an evemu file ends (its SYN_REPORT), seconds after its first event."""
    out, first = [], None
    with open(path) as f:
        for line in f:
            if line.startswith("E:"):
                p = line.split()
                first = float(p[1]) if first is None else first
                if p[2:4] == ["0000", "0000"]:
                    out.append(float(p[1]) - first)
    return out


class Player:
    """An fc-uinput node playing a file (helper_device(..., play=...)): where it is, from what it
    has written — whole input_events (24 bytes) — since `go`."""

    def __init__(self, dev, played):
        self.dev = dev
        self.times = played_events(played)
        self.baseline = None

    def go(self):
        self.baseline = written_bytes(self.dev.p.pid)
        self.dev.send("go")

    def sent(self):
        w = written_bytes(self.dev.p.pid)
        return 0 if w is None or self.baseline is None else (w - self.baseline) // 24

    def position(self):
        """Seconds of the file (after its first event) written so far; -1 before the first."""
        n = self.sent()
        return self.times[min(n, len(self.times)) - 1] if n > 0 else -1.0

    def wait_position(self, seconds, timeout=60):
        return wait_until(lambda: self.position() >= seconds - 1e-6 or self.dev.p.poll() is not None, timeout, 0.005) \
            and self.position() >= seconds - 1e-6


def frame_times_by_msc(path):
    """{MSC_TIMESTAMP: seconds after the first event at which that frame ends} of an evemu file."""
    out, first, msc = {}, None, None
    with open(path) as f:
        for line in f:
            if line.startswith("E:"):
                p = line.split()
                first = float(p[1]) if first is None else first
                if p[2:4] == ["0004", "0005"]:
                    msc = int(p[4]) & 0xFFFFFFFF
                elif p[2:4] == ["0000", "0000"] and msc is not None:
                    out.setdefault(msc, float(p[1]) - first)
    return out


def tail_events(path):
    """The E: lines of the last 4 kB of a file, split."""
    try:
        with open(path, "rb") as f:
            f.seek(0, 2)
            f.seek(max(0, f.tell() - 4096))
            tail = f.read().decode(errors="replace")
    except OSError:
        return []
    # Only whole lines: the first may begin mid-line (the 4 kB cut), and the last may be a frame
    # still being written (a reader can see part of a write(2) to a regular file), so a line
    # without its newline is not read.
    lines = tail.split("\n")
    return [l.split() for l in lines[1:-1] if l.startswith("E:") and len(l.split()) >= 5]


def last_msc(path):
    """The last MSC_TIMESTAMP in a recording (unsigned), None when there is none yet."""
    m = [int(e[4]) & 0xFFFFFFFF for e in tail_events(path) if e[2:4] == ["0004", "0005"]]
    return m[-1] if m else None


def last_frame_abs(path):
    """{ABS code: value} of the events of a recording's last complete frame."""
    events = tail_events(path)
    ends = [i for i, e in enumerate(events) if e[2:4] == ["0000", "0000"]]
    if len(ends) < 2:
        return {}
    return {int(e[3], 16): int(e[4]) for e in events[ends[-2] + 1:ends[-1]] if e[2] == "0003"}


def recorded_until(path, times):
    """How far into the played file (seconds after its first event) the last frame of a recording
    of a fuzz-0 node playing it is, by its MSC_TIMESTAMP (`times`: frame_times_by_msc of the
    played file); -1 when there is none yet."""
    m = last_msc(path)
    return times.get(m, -1.0) if m is not None else -1.0


def scenario(name):
    """The rendered scenario: (recording, fuzz-0 copy, truth)."""
    base = os.path.join(WORK, name)
    with open(base + ".truth.json") as f:
        truth = json.load(f)
    return base + ".evemu", base + ".fuzz0.evemu", truth


def coaching_args(truth):
    return ["--format", "json", "--exercise", truth["exercise"], "--side", truth["side"], "--hold", HOLD[truth["scenario"]]]


class Live:
    """formcheck live on a node: JSON Lines and stderr to files, with --record."""

    def __init__(self, node, truth, tag):
        os.makedirs(TMP, exist_ok=True)
        self.tag = tag
        self.out = os.path.join(TMP, tag + ".live.jsonl")
        self.err = os.path.join(TMP, tag + ".live.err")
        self.record = os.path.join(TMP, tag + ".record.evemu")
        self.node = node
        self.proc = Proc([FC, "live", node, *coaching_args(truth), "--record", self.record],
                         stdout=open(self.out, "w"), stderr=open(self.err, "w"))

    def wait_reading(self, t, timeout=30):
        """Until formcheck has the node open and waits in poll(2) for its events: events sent
        before that could overflow the node's small buffer (64 events) under emulation."""
        pid = self.proc.p.pid
        ok = wait_until(lambda: (has_open(pid, self.node) and polling(pid)) or self.proc.p.poll() is not None, timeout)
        t.require(ok and self.proc.p.poll() is None,
                  f"formcheck live is not reading {self.node} after {timeout} s (exit {self.proc.p.poll()}): {self.stderr()}")

    def wait_recorded(self, t, frames, timeout=60):
        """Until the --record file has `frames` frames: formcheck has read every frame played (it
        writes each as it reads it). Not reaching it is the analysis's to report (frames lost)."""
        start = time.monotonic()
        ok = wait_until(lambda: frames_in_file(self.record) >= frames or self.proc.p.poll() is not None, timeout, 0.1)
        t.note(f"formcheck had recorded {frames_in_file(self.record)} of the {frames} frames played"
               f" {time.monotonic() - start:.1f} s after the player finished" + ("" if ok else " (waited no longer)"))

    def wait_joycon_recorded(self, t, recording, timeout=60):
        """Until the --record file ends with the last frame the Joy-Con emulator sent for
        `recording` (hid-nintendo passes the gyroscope values on exactly): formcheck has read
        everything. Frames may have been lost on the way (a SYN_DROPPED), so not a frame count."""
        want = sent_frames(recording)[-1][1][3:]
        def done():
            last = last_frame_abs(self.record)
            gyro = [(c, v) for c, v in last.items() if c in (3, 4, 5)]
            return len(gyro) >= 2 and all(v == want[c - 3] for c, v in gyro)
        start = time.monotonic()
        ok = wait_until(lambda: done() or self.proc.p.poll() is not None, timeout, 0.1)
        t.note(f"formcheck had recorded the last frame sent {time.monotonic() - start:.1f} s after the emulator finished"
               + ("" if ok else " (not: waited no longer)"))

    def wait_recorded_until(self, played, seconds, timeout=60):
        """Until formcheck has recorded the frames to `seconds` of `played`, played from its start
        into a fuzz-0 node."""
        times = frame_times_by_msc(played)
        return wait_until(lambda: recorded_until(self.record, times) >= seconds - 1e-6 or self.proc.p.poll() is not None, timeout, 0.01) \
            and self.proc.p.poll() is None

    def stderr(self):
        return read_text(self.err).strip()

    def wait_stderr(self, regex, timeout):
        return wait_until(lambda: re.search(regex, read_text(self.err)), timeout, 0.1)

    def interrupt(self, t, timeout=30):
        """Ctrl-C: the session must end by itself, with its summary, status 0."""
        self.proc.p.send_signal(signal.SIGINT)
        try:
            rc = self.proc.p.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.stop()
            t.require(False, f"formcheck live did not end within {timeout} s of SIGINT")
        t.check(rc == 0, f"formcheck live ended with status {rc} after SIGINT: {self.stderr()}")
        events_of(read_text(self.out), t, "live")
        t.check(f"recorded to {self.record}" in self.stderr(), f"no word of the recording: {self.stderr()}")


def events_of(text, t, what):
    events = []
    for i, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        try:
            events.append(json.loads(line))
        except ValueError:
            t.check(False, f"{what}: line {i + 1} is not JSON: {line[:120]}")
    t.require(events and events[-1].get("type") == "summary",
              f"{what}: the output does not end with a summary (last: {events[-1] if events else 'nothing'})")
    t.check(sum(e.get("type") == "summary" for e in events) == 1, f"{what}: more than one summary")
    return events


# ---------------------------------------------------------------------------------------------
# evemu files and formcheck's analyses (host side)


def description(path):
    d = {"abs": {}, "msc": False}
    with open(path) as f:
        for line in f:
            if line.startswith("N: "):
                d["name"] = line[3:].rstrip("\n")
            elif line.startswith("I: "):
                d["id"] = ":".join(f"{int(x, 16):04x}" for x in line.split()[1:5])
            elif line.startswith("A: "):
                p = line.split()
                d["abs"][int(p[1], 16)] = [int(x) for x in p[2:7]]
            elif line.startswith("B: 04 "):
                d["msc"] = d["msc"] or (int(line.split()[2], 16) & 0x20) != 0
    return d


def frames(path):
    """Frames of an evemu file: list of (msc, state, after_drop). The state holds every axis's last
    value (None until known); after_drop marks the frame that ends a SYN_DROPPED (its state is
    libevdev's resync, or the state of a reconnected node)."""
    state = [None] * 6
    out = []
    msc = None
    drop = False
    with open(path) as f:
        for line in f:
            if not line.startswith("E:"):
                continue
            p = line.split()
            typ, code, value = int(p[2], 16), int(p[3], 16), int(p[4])
            if typ == 0 and code == 3:
                drop = True
            elif typ == 3 and code < 6:
                state[code] = value
            elif typ == 4 and code == 5:
                msc = value & 0xFFFFFFFF
            elif typ == 0 and code == 0:
                out.append((msc, tuple(state), drop))
                drop = False
                msc = None
    return out


def replay(path, truth, t, what):
    """`formcheck replay --format json` of a file (the scenarios' were made by --prepare)."""
    if os.path.exists(path + ".replay.jsonl"):
        return events_of(read_text(path + ".replay.jsonl"), t, what)
    r = run([FC, "replay", *coaching_args(truth), path], timeout=300)
    t.require(r.returncode == 0, f"formcheck replay {path}: exit status {r.returncode}: {r.stderr.strip()}")
    return events_of(r.stdout, t, what)


def angles(path):
    if os.path.exists(path + ".angles.csv"):
        text = read_text(path + ".angles.csv")
    else:
        text = run([FC, "angles", path, "--format", "csv", "--mode", "live"], timeout=300).stdout
    rows = []
    for line in text.splitlines()[1:]:
        p = line.split(",")
        try:
            rows.append((float(p[0]), float(p[1])))
        except (IndexError, ValueError):
            pass
    return rows


def inspect(t, record):
    """formcheck inspect --format json: (gaps [(after, resumed)], stalls [(t, seconds)]).

    A timestamp anomaly where the kernel's step is longer than the device's is a delivery stall:
    the frames reached the kernel late. Emulation causes them (a guest freezing for a few hundred
    ms now and then): they are reported, and formcheck by design times that step by the kernel
    clock, so from that frame on its session times run that much later than a replay of the
    original file's (compare_sessions allows, for each event, for the stalls before it). Each
    stall is (t, seconds): the session time of the frame after it (inspect's `t`, the record's time
    line, which is live's) and by how much the kernel's step exceeded the device's. Any other
    anomaly fails."""
    r = run([FC, "inspect", "--format", "json", record])
    t.require(r.returncode == 0, f"formcheck inspect {record}: status {r.returncode}: {r.stderr.strip()}")
    info = json.loads(r.stdout)
    info = info[0] if isinstance(info, list) else info
    gaps = [(g.get("after"), g.get("resumed")) for g in info["gaps"]]
    jumps = [a for a in info["anomalies"] if a["kind"] == "jump" and a.get("deviceStep") is not None and a["kernelStep"] > a["deviceStep"]]
    others = [a for a in info["anomalies"] if a not in jumps]
    stalls = [(a["t"], a["kernelStep"] - a["deviceStep"]) for a in jumps]
    total = sum(s for _, s in stalls)
    t.note(f"inspect of the recording: {len(gaps)} gaps {[(a, r and round(r, 3)) for a, r in gaps]}"
           + (f"; {len(stalls)} delivery stalls of the emulated device ({total:.2f} s in all:"
              f" {', '.join(f'{s:.3f} s at {at:.2f} s' for at, s in stalls)}), timed by the kernel clock" if stalls else ""))
    t.check(not others, f"timestamp anomalies in the recording: {others}")
    return gaps, stalls


def stall_before(stalls, when):
    """Seconds by which the delivery stalls up to session time `when` (live's) delayed live's clock."""
    return sum(s for at, s in stalls if at <= when + 1e-9)


def compare_sessions(t, a, b, an, bn, stalls=(), angle_tol=ANGLE_TOL):
    """Live (`a`) and a replay (`b`) must agree: the same coaching events in the same order (cues
    included), each at the same time within TOL once the stalls before it are taken off `a`'s,
    the same hold angles (holdStarted's flexion, each hold's mean and peak) within `angle_tol`,
    and summaries with the same holds (start/end likewise, completeness) and form errors (kind,
    rep). `stalls`: [(t, seconds)] of `a`'s delivery stalls (see inspect)."""
    def key(e):
        return (e["type"], e.get("kind"), e.get("rep"), e.get("posture"), e.get("text"), e.get("complete"))

    def same_time(x, y, what):
        off = x - y - stall_before(stalls, x)
        worst[0] = max(worst[0], abs(off))
        return t.check(abs(off) <= TOL, f"{what} at {x} s in {an} but {y} s in {bn}"
                                        + (f" ({stall_before(stalls, x):.3f} s of stalls before it)" if stalls else ""))

    def same_angle(x, y, what):
        worst[1] = max(worst[1], abs(x - y))
        return t.check(abs(x - y) <= angle_tol + 1e-9, f"{what}: {x}° in {an}, {y}° in {bn} (allowed {angle_tol}°)")

    worst = [0.0, 0.0]
    ea = [e for e in a if e["type"] != "summary"]
    eb = [e for e in b if e["type"] != "summary"]
    ka, kb = [key(e) for e in ea], [key(e) for e in eb]
    if not t.check(ka == kb, f"{an} and {bn} report different events:\n  {an}: {ka}\n  {bn}: {kb}"):
        return
    for x, y in zip(ea, eb):
        same_time(x["t"], y["t"], x["type"])
        for field in ("start", "end"):
            if field in x:
                same_time(x[field], y[field], f"{x['type']} {x.get('rep')}'s {field}")
        if "flexion" in x:
            same_angle(x["flexion"], y["flexion"], f"{x['type']} {x.get('rep')}'s flexion")
    sa, sb = a[-1], b[-1]
    if t.check(len(sa["holds"]) == len(sb["holds"]), f"{len(sa['holds'])} holds in {an}, {len(sb['holds'])} in {bn}"):
        for x, y in zip(sa["holds"], sb["holds"]):
            t.check(x["complete"] == y["complete"], f"hold {x} in {an} but {y} in {bn}")
            same_time(x["start"], y["start"], f"hold {x['rep']}'s start")
            same_time(x["end"], y["end"], f"hold {x['rep']}'s end")
            for field in ("meanFlexion", "peakFlexion"):
                same_angle(x[field], y[field], f"hold {x['rep']}'s {field}")
    fa = [(f["kind"], f["rep"]) for f in sa["formErrors"]]
    fb = [(f["kind"], f["rep"]) for f in sb["formErrors"]]
    t.check(fa == fb, f"form errors differ: {an} {fa}, {bn} {fb}")
    same_time(sa["t"], sb["t"], "the session's end")
    t.note(f"{an} = {bn}: {len(ea)} events, {len(sa['holds'])} holds, form errors {fa}; times within {worst[0] * 1e3:.1f} ms"
           + (f" once {stall_before(stalls, sa['t']):.3f} s of stalls are taken off" if stalls else "")
           + f", hold angles within {worst[1]:.2f}°")


def check_truth(t, summary, truth, what, stalls=(), enforce=None):
    """The session against the simulator's ground truth: the same holds, each starting and ending
    within TRUTH_TOL of the truth once the stalls before it are taken off, and the scenario's form
    errors. Enforced unless FORMCHECK_VM_CHECK_TRUTH=0 (then only reported)."""
    problems = []
    got = [(h["start"], h["end"]) for h in summary["holds"]]
    want = [(h["start"], h["end"]) for h in truth["holds"]]
    worst = None
    if len(got) != len(want):
        problems.append(f"{len(got)} holds {got}, the truth has {len(want)} {want}")
    else:
        offs = [abs(x - stall_before(stalls, x) - y) for g, w in zip(got, want) for x, y in zip(g, w)]
        worst = max(offs, default=0.0)
        if worst > TRUTH_TOL:
            problems.append(f"holds {got}, truth {want}: {worst:.3f} s off (allowed {TRUTH_TOL} s"
                            + (f" once {stall_before(stalls, summary['t']):.3f} s of stalls are taken off)" if stalls else ")"))
    errors = sorted((f["kind"], f["rep"]) for f in summary["formErrors"])
    want_errors = sorted((f["kind"], f.get("rep")) for f in truth["formErrors"])
    if errors != want_errors:
        problems.append(f"form errors {errors}, the truth has {want_errors}")
    for p in problems:
        if CHECK_TRUTH if enforce is None else enforce:
            t.check(False, f"{what} vs ground truth: {p}")
        else:
            t.note(f"{what} vs ground truth: {p} — not enforced (FORMCHECK_VM_CHECK_TRUTH=0)")
    if worst is not None:
        t.note(f"{what}: {len(got)} holds within {worst:.3f} s of the truth (allowed {TRUTH_TOL} s), form errors {errors} as the truth's")


def check_record(t, record, played, expect_gaps):
    """A --record file against the file played into a fuzz-0 node: every frame in it is a played
    frame with exactly the played axis values (fuzz 0: the kernel passes them unchanged), the
    played frames it lacks lie inside gaps it marks, and libevemu reads it whole. Returns the gaps
    as (last msc before, first msc after)."""
    r = run([HELPER, "--check", record])
    t.check(r.returncode == 0, f"libevemu cannot read the recording: {r.stderr.strip()}")
    rec = frames(record)
    ref = frames(played)
    ref_state = {m: s for m, s, _ in ref if m is not None}
    order = [m for m, _, _ in ref if m is not None]
    index = {m: i for i, m in enumerate(order)}
    seen, gaps = [], []
    last, pending, mismatches, unknown = None, False, 0, 0
    for m, s, after_drop in rec:
        pending = pending or after_drop
        if m is None:
            continue
        if m not in ref_state:
            unknown += 1
            continue
        if pending:
            gaps.append((last, m))
            pending = False
        elif None not in s and s != ref_state[m]:
            mismatches += 1
            if mismatches <= 3:
                t.check(False, f"frame {m} µs has {s} in the recording, {ref_state[m]} was played")
        seen.append(m)
        last = m
    t.check(unknown == 0, f"{unknown} frames in the recording were never played")
    t.require(seen, "the recording has no frames")
    t.check(mismatches == 0, f"{mismatches} frames of the recording differ from what was played")
    have = set(seen)
    first, end = index[seen[0]], index[seen[-1]]
    missing = [order[i] for i in range(first, end + 1) if order[i] not in have]
    unmarked = [m for m in missing if not any(a is not None and index[a] < index[m] < index[b] for a, b in gaps)]
    t.check(not unmarked, f"{len(unmarked)} played frames are missing outside a marked gap (first: {unmarked[:3]})")
    t.check(first == 0, f"the recording starts at played frame {first}, not the first")
    t.check(len(gaps) == expect_gaps, f"{len(gaps)} gaps in the recording, expected {expect_gaps}: {gaps}")
    t.note(f"--record: {len(seen)} of {end + 1} played frames, {len(missing)} lost in {len(gaps)} marked gaps; values as played")
    return gaps


def check_driver_record(t, record, recording):
    """A recording of hid-playstation's node against the simulation fed to the emulator: frames by
    the controller clock (which counts from the simulation's first frame) and values within a few
    units (the driver's calibration arithmetic and the kernel's fuzz filter change them). Returns
    the sent frames that are missing from it (by controller µs)."""
    r = run([HELPER, "--check", record])
    t.check(r.returncode == 0, f"libevemu cannot read the recording: {r.stderr.strip()}")
    rec = frames(record)
    sim = frames(recording)
    base = sim[0][0]
    sim_state = {(m - base) & 0xFFFFFFFF: s for m, s, _ in sim}
    order = [(m - base) & 0xFFFFFFFF for m, _, _ in sim]
    rec_m = [m for m, _, _ in rec if m is not None]
    unknown = [m for m in rec_m if m not in sim_state]
    t.check(not unknown, f"{len(unknown)} frames with a controller time that was never sent (first {unknown[:3]})")
    diffs = [max(abs(a - b) for a, b in zip(s, sim_state[m])) for m, s, drop in rec if m in sim_state and None not in s and not drop]
    worst = max(diffs, default=None)
    t.check(worst is not None and worst <= 64, f"axis values differ by up to {worst} units from the simulation")
    have = set(rec_m)
    t.check(rec_m and rec_m[0] == 0, f"the recording starts at controller time {rec_m[:1]} µs, not with the first frame")
    missing = [m for m in order if m not in have and rec_m and m <= rec_m[-1]]
    t.note(f"--record: {len(rec_m)} frames through hid-playstation ({len(missing)} sent ones missing), axis values within {worst} units")
    return missing


# ---------------------------------------------------------------------------------------------
# tier 1 (guest)


def test_devices(t):
    fixtures = ["dualsense-usb-motion-sensors", "dualsense-bt-motion-sensors", "dualshock4-v2-bt-motion-sensors",
                "joycon-left-imu", "joycon-right-imu", "steam-deck-motion-sensors", "wii-remote-accelerometer"]
    procs = []
    nodes = {}
    try:
        for name in fixtures:
            p, node = evemu_device(os.path.join(REPO, "Fixtures/devices", name + ".evemu"))
            procs.append(p)
            nodes[name] = node
        report = json.loads(run([FC, "devices", "--json"], check=True).stdout)
        listed = {n["path"]: n for n in report["motionSensors"]}
        refused = {n["path"]: n for n in report["refused"]}
        for name, node in nodes.items():
            d = description(os.path.join(REPO, "Fixtures/devices", name + ".evemu"))
            if name.startswith("wii"):
                t.check(node not in listed, f"{name}: the Wii Remote accelerometer {node} is listed as a motion sensor")
                t.check(node in refused and refused[node]["name"] == d["name"], f"{name}: {node} is not among the refused nodes")
                continue
            if not t.check(node in listed, f"{name}: {node} is not listed (listed: {sorted(listed)})"):
                continue
            n = listed[node]
            t.check(n["name"] == d["name"], f"{name}: name {n['name']!r}, expected {d['name']!r}")
            t.check(n["id"] == d["id"], f"{name}: id {n['id']}, expected {d['id']}")
            t.check(n["access"]["readable"] is True, f"{name}: not readable as root: {n['access']}")
            t.check(n["deviceTimestamps"] == d["msc"], f"{name}: deviceTimestamps {n['deviceTimestamps']}, expected {d['msc']}")
            for group, codes in (("accelerometer", (0, 1, 2)), ("gyroscope", (3, 4, 5))):
                axes = n.get(group) or {}
                for field, i in (("minimum", 0), ("maximum", 1), ("fuzz", 2), ("resolution", 4)):
                    want = [d["abs"][c][i] for c in codes]
                    t.check(axes.get(field) == want, f"{name}: {group} {field} {axes.get(field)}, expected {want}")
        t.check(len(listed) == len(fixtures) - 1, f"{len(listed)} motion nodes listed, expected {len(fixtures) - 1}")
        # An unprivileged user: the nodes are root:root 0600; nothing is readable, and live says so.
        report = json.loads(run(NOBODY + [FC, "devices", "--json"], check=True).stdout)
        for n in report["motionSensors"]:
            t.check(n["access"]["readable"] is False and n["access"].get("reason"),
                    f"as nobody, {n['path']} should not be readable, with a reason: {n['access']}")
        t.check(len(report["motionSensors"]) == len(fixtures) - 1, "as nobody, not every motion node is listed")
        r = run(NOBODY + [FC, "live", nodes["dualsense-usb-motion-sensors"], "--exercise", "hamstring", "--format", "json"])
        t.check(r.returncode == 77, f"formcheck live as nobody: exit status {r.returncode}, expected 77 (permission denied): {r.stderr.strip()}")
        t.note(f"{len(listed)} motion nodes listed with names, ids and ranges; the Wii Remote refused; as nobody unreadable, live exits 77")
    finally:
        for p in procs:
            p.stop(signal.SIGTERM)


def test_live_vs_replay(t):
    _, played, truth = scenario("vm-hamstring-dualsense")
    dev, node = evemu_device(played)
    live = Live(node, truth, "live-vs-replay")
    try:
        live.wait_reading(t)
        start = time.monotonic()
        r = run(["sh", "-c", f"exec evemu-play {node} < {played}"], timeout=180)
        t.require(r.returncode == 0, f"evemu-play: exit status {r.returncode}: {r.stderr.strip()}")
        t.note(f"evemu-play took {time.monotonic() - start:.1f} s for {truth['duration']} s of events;"
               f" formcheck live used {cpu_seconds(live.proc.p.pid):.1f} s of CPU")
        live.wait_recorded(t, frames_in_file(played))
        live.interrupt(t)
    finally:
        live.proc.stop()
        dev.stop(signal.SIGTERM)
    t.defer("live_vs_replay", tag=live.tag, played=played, scenario="vm-hamstring-dualsense")


def analyse_live_vs_replay(t, p):
    _, _, truth = scenario(p["scenario"])
    got = events_of(read_text(p["live"]), t, "live")
    check_record(t, p["record"], p["played"], expect_gaps=0)
    gaps, stalls = inspect(t, p["record"])
    want = replay(p["played"], truth, t, "replay")
    compare_sessions(t, got, want, "live", "replay", stalls)
    compare_sessions(t, got, replay(p["record"], truth, t, "replay of --record"), "live", "replay of its --record")
    check_truth(t, want[-1], truth, "replay")
    check_truth(t, got[-1], truth, "live", stalls)


def test_overflow_sigint(t):
    _, played, truth = scenario("vm-hamstring-joycon")
    # Scenario times (s): rest 0-3, raise 3-6, hold 6-18 (at 70°), lower 18-21, rest 21-22.
    # formcheck is stopped once it has read the frames to stop_at, and let go once the player has
    # sent lost_for more seconds of frames: the node's buffer (64 events, 8 frames) overflows and
    # what did not fit is lost, as the unit test's 120 ms (SimulatedSessionTests.gapInAHold). The
    # Ctrl-C comes once formcheck has recorded the frames to interrupt_at. Every moment is a
    # position in the scenario, not a wall-clock time: a slow guest only takes longer.
    stop_at, lost_for, interrupt_at = 9.0, 0.15, 14.0
    dev, node = helper_device(played, play=played)
    player = Player(dev, played)
    live = Live(node, truth, "overflow-sigint")
    try:
        live.wait_reading(t)
        player.go()
        t.require(live.wait_recorded_until(played, stop_at), f"formcheck did not record the frames to {stop_at} s: {live.stderr()}")
        os.kill(live.proc.p.pid, signal.SIGSTOP)
        stopped_at = player.position()
        t.require(player.wait_position(stopped_at + lost_for), f"the player did not get {lost_for} s further than {stopped_at:.3f} s")
        os.kill(live.proc.p.pid, signal.SIGCONT)
        t.note(f"formcheck stopped with the player at {stopped_at:.3f} s, let go at {player.position():.3f} s of the scenario")
        t.require(live.wait_recorded_until(played, interrupt_at), f"formcheck did not record the frames to {interrupt_at} s after the SYN_DROPPED")
        t.note(f"formcheck live used {cpu_seconds(live.proc.p.pid):.1f} s of CPU for {interrupt_at:.0f} s of a 200 Hz Joy-Con")
        live.interrupt(t)
    finally:
        live.proc.stop()
        dev.stop()
    t.defer("overflow_sigint", tag=live.tag, played=played, scenario="vm-hamstring-joycon", stop_at=stop_at, stopped_at=stopped_at,
            interrupt_at=interrupt_at)


def analyse_overflow_sigint(t, p):
    _, _, truth = scenario(p["scenario"])
    got = events_of(read_text(p["live"]), t, "live")
    # A complete recording: libevemu reads it, it ends with a whole frame, every frame as played,
    # the lost ones in the one marked gap.
    marked = check_record(t, p["record"], p["played"], expect_gaps=1)
    tail = [l for l in read_text(p["record"]).splitlines() if l.startswith("E:")][-1]
    t.check(tail.split()[2:4] == ["0000", "0000"], f"the recording does not end with a SYN_REPORT: {tail}")
    gaps, stalls = inspect(t, p["record"])
    times = frame_times_by_msc(p["played"])
    t.check(recorded_until(p["record"], times) >= p["interrupt_at"] - 1e-6,
            f"the recording ends {recorded_until(p['record'], times):.3f} s into the file: it did not go on after the SYN_DROPPED"
            f" to the Ctrl-C after {p['interrupt_at']} s")
    # The gap: from the last frame formcheck had read when it was stopped — at or after stop_at
    # (it had recorded that far), at or before where the player was then (stopped_at), as
    # positions in the file played (a Joy-Con's samples are timed 5 ms apart, not by the file).
    t.check(len(marked) == 1 and marked[0][0] in times and p["stop_at"] - 1e-6 <= times[marked[0][0]] <= p["stopped_at"] + 1e-6,
            f"the one gap should follow the frame read when formcheck was stopped, between {p['stop_at']} and"
            f" {p['stopped_at']:.3f} s of the file: {[(times.get(a), times.get(b)) for a, b in marked]}")
    overflow = [g for g in gaps if g[0] is not None and g[1] is not None]
    t.check(len(gaps) == 1 and overflow, f"inspect should list the one SYN_DROPPED gap: {gaps}")
    rec = angles(p["record"])
    if t.check(rec, "formcheck angles of the recording gave no rows") and overflow:
        after, resumed = overflow[0]
        # No jump: the angle's error (against the uninterrupted session, the same frames but the
        # lost ones) changes by less than the unit test's 0.2° over the 3 s around the gap. Before
        # the gap both read the same frames, so the error is what the gap made.
        full = angles(p["played"])
        times = [s for s, _ in full]
        errors, after_gap = [], []
        for s, a in rec:
            i = bisect.bisect_left(times, s)
            near = min((j for j in (i - 1, i) if 0 <= j < len(full)), key=lambda j: abs(times[j] - s), default=None)
            if near is None or abs(times[near] - s) > 0.001:
                continue
            if abs(s - after) < 3:
                errors.append(a - full[near][1])
            if s >= resumed - 1e-6:
                after_gap.append(abs(a - full[near][1]))
        if t.check(errors and after_gap, f"no samples of the uninterrupted session's around the gap ({len(errors)}, {len(after_gap)})"):
            change = max(errors) - min(errors)
            t.check(change < 0.2, f"flexion's error changed by {change:.3f}° around the SYN_DROPPED gap ({after:.3f}-{resumed:.3f} s)")
            t.note(f"gap {after:.3f}-{resumed:.3f} s: flexion's error against the uninterrupted session changed by {change:.3f}°"
                   f" within 3 s of it ({len(errors)} samples), at most {max(after_gap):.3f}° off to the Ctrl-C ({len(after_gap)} samples)")
            t.check(max(after_gap) < 0.2, f"after the gap, flexion up to {max(after_gap):.3f}° off the uninterrupted session's")
    compare_sessions(t, got, replay(p["record"], truth, t, "replay of --record"), "live", "replay of its --record")


def test_pain_sigint(t):
    """live on a terminal (a pseudo-terminal): the pain question before the session answered with
    a key, Ctrl-C mid-session, then Ctrl-C at the question after it. One process installs its
    signal handling for the question, gives it back and installs it for the session (before the fix
    that second installation never got the signal: Ctrl-C was ignored)."""
    _, played, truth = scenario("vm-hamstring-dualsense")
    tag = "pain-sigint"
    err = os.path.join(TMP, tag + ".live.err")
    record = os.path.join(TMP, tag + ".record.evemu")
    db = os.path.join(TMP, tag + ".history.sqlite")
    main, term = pty.openpty()
    as_it_was = termios.tcgetattr(term)
    dev, node = helper_device(played, play=played)
    player = Player(dev, played)
    p = subprocess.Popen([FC, "live", node, *coaching_args(truth), "--record", record, "--db", db],
                         stdin=term, stdout=open(os.path.join(TMP, tag + ".live.jsonl"), "w"), stderr=open(err, "w"))
    said = lambda regex, timeout: wait_until(lambda: re.search(regex, read_text(err)) or p.poll() is not None, timeout, 0.05) \
        and re.search(regex, read_text(err))
    try:
        t.require(said(r"Pain now, before the session", 60), f"no pain question before (exit {p.poll()}): {read_text(err)}")
        t.check(not termios.tcgetattr(term)[3] & termios.ICANON, "the terminal is not in key mode while the question is asked")
        os.write(main, b"4")
        t.require(said(r"pain 4 of 10", 30), f"the key 4 was not taken as the answer: {read_text(err)}")
        ok = wait_until(lambda: (has_open(p.pid, node) and polling(p.pid)) or p.poll() is not None, 30)
        t.require(ok and p.poll() is None, f"formcheck live is not reading {node} (exit {p.poll()}): {read_text(err)}")
        player.go()
        times = frame_times_by_msc(played)
        t.require(wait_until(lambda: recorded_until(record, times) >= 8.0 or p.poll() is not None, 60, 0.02) and p.poll() is None,
                  f"formcheck did not record the frames to 8 s: {read_text(err)}")
        p.send_signal(signal.SIGINT)
        t.require(said(r"Pain now, after the session", 30),
                  f"Ctrl-C did not end the session within 30 s (exit {p.poll()}): {read_text(err)}")
        p.send_signal(signal.SIGINT)
        try:
            rc = p.wait(30)
        except subprocess.TimeoutExpired:
            t.require(False, f"Ctrl-C at the question after the session: formcheck did not end within 30 s: {read_text(err)}")
        t.check(rc == 0, f"formcheck live ended with status {rc}: {read_text(err)}")
        t.check(termios.tcgetattr(term) == as_it_was, "the terminal's settings are not given back as they were")
        after = read_text(err).split("Pain now, after the session", 1)[-1]
        t.check(not re.search(r"pain (\d+ of 10|not given)", after), f"the question after was answered, not skipped: {read_text(err)}")
        t.check(f"recorded to {record}" in read_text(err), f"no word of the recording: {read_text(err)}")
        tail = [l for l in read_text(record).splitlines() if l.startswith("E:")][-1:]
        t.check(tail and tail[0].split()[2:4] == ["0000", "0000"], f"the recording does not end with a SYN_REPORT: {tail}")
        # Saved: the session closed, the pain before it, none after, its exercise and recording.
        r = run([FC, "export", "--format", "csv", "--db", db])
        rows = list(csv.DictReader(io.StringIO(r.stdout)))
        t.require(r.returncode == 0 and rows, f"formcheck export: exit {r.returncode}: {r.stderr.strip()}")
        t.check([(x["state"], x["pain_before"], x["pain_after"], x["exercise"], x["recordings"]) for x in rows]
                == [("closed", "4", "", truth["exercise"], record)], f"the history: {rows}")
        t.note(f"pain 4 before; Ctrl-C at {recorded_until(record, times):.2f} s of the scenario ended the session;"
               f" Ctrl-C at the question after skipped it; exit 0, the terminal as it was, {frames_in_file(record)} frames recorded")
    finally:
        if p.poll() is None:
            p.kill()
            p.wait(10)
        os.close(main)
        os.close(term)
        dev.stop()


def test_unplug_no_uniq(t):
    """A node without a uniq (uinput cannot set one) removed mid-hold: formcheck cannot know the
    controller when it comes back, so it says the device is gone and ends the session by itself,
    with its summary and a complete recording."""
    _, played, truth = scenario("vm-hamstring-joycon")
    unplug_at = 9.0
    dev, node = helper_device(played, play=played)
    player = Player(dev, played)
    live = Live(node, truth, "unplug-no-uniq")
    try:
        live.wait_reading(t)
        player.go()
        # Once formcheck has recorded the frames to unplug_at: the player frozen (what it sent is
        # then known), and the node removed.
        t.require(live.wait_recorded_until(played, unplug_at), f"formcheck did not record the frames to {unplug_at} s: {live.stderr()}")
        os.kill(dev.p.pid, signal.SIGSTOP)
        sent_until = player.position()
        dev.stop(signal.SIGKILL)  # the node goes
        try:
            rc = live.proc.p.wait(60)
        except subprocess.TimeoutExpired:
            rc = None
        t.require(rc is not None, f"formcheck live did not end after its node was removed: {live.stderr()}")
    finally:
        live.proc.stop()
        dev.stop()
    err = live.stderr()
    t.check("disappeared" in err and "ending the session" in err, f"formcheck did not say the device went: {err}")
    # README "Exit status": 74 when the device went away for good (summary printed, recording kept).
    t.check(rc == 74, f"formcheck live ended with status {rc}, not 74: {err}")
    t.note(f"formcheck live ended with status {rc} after the node went (the player had sent the frames to {sent_until:.3f} s):"
           f" {err.splitlines()[0] if err else ''}")
    events_of(read_text(live.out), t, "live")
    t.defer("unplug_no_uniq", tag=live.tag, played=played, scenario="vm-hamstring-joycon", unplug_at=unplug_at, sent_until=sent_until)


def analyse_unplug_no_uniq(t, p):
    _, _, truth = scenario(p["scenario"])
    got = events_of(read_text(p["live"]), t, "live")
    check_record(t, p["record"], p["played"], expect_gaps=0)
    tail = [l for l in read_text(p["record"]).splitlines() if l.startswith("E:")][-1]
    t.check(tail.split()[2:4] == ["0000", "0000"], f"the recording does not end with a SYN_REPORT: {tail}")
    inspect(t, p["record"])
    # The session (its end: compare_sessions) and its recording end with the last frame formcheck
    # read: at or after unplug_at (it had recorded that far), at or before where the player stopped
    # (what was still in the node's buffer when it went is lost with it), as positions in the file.
    last = recorded_until(p["record"], frame_times_by_msc(p["played"]))
    t.check(p["unplug_at"] - 1e-6 <= last <= p["sent_until"] + 1e-6,
            f"the recording ends {last:.3f} s into the file: formcheck had read to {p['unplug_at']} s, the player sent to {p['sent_until']:.3f} s")
    compare_sessions(t, got, replay(p["record"], truth, t, "replay of --record"), "live", "replay of its --record")


def test_record(t):
    """formcheck record on fc-uinput nodes: --duration ends the recording at the first frame that
    much after the first (exit 0), and by the clock on a node that sends nothing; Ctrl-C ends it
    cleanly (exit 0); a node that goes ends it with exit 74 (README "Exit status"). Each time the
    summary on stderr and a complete file with every frame as played."""
    _, played, _ = scenario("vm-hamstring-dualsense")
    runs = []

    def start(tag, node, *extra):
        path = os.path.join(TMP, tag + ".record.evemu")
        err = os.path.join(TMP, tag + ".err")
        proc = Proc([FC, "record", node, "-o", path, *extra], stdout=open(os.devnull, "w"), stderr=open(err, "w"))
        ok = wait_until(lambda: (has_open(proc.p.pid, node) and polling(proc.p.pid)) or proc.p.poll() is not None, 30)
        t.require(ok and proc.p.poll() is None, f"{tag}: formcheck record is not reading {node} (exit {proc.p.poll()}): {read_text(err)}")
        return proc, path, err

    def ended(tag, proc, err, want, timeout=60):
        try:
            rc = proc.p.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.stop()
            t.require(False, f"{tag}: formcheck record did not end within {timeout} s: {read_text(err)}")
        text = read_text(err).strip()
        t.check(rc == want, f"{tag}: formcheck record ended with status {rc}, expected {want}: {text}")
        m = re.search(r"^formcheck: wrote (\d+) samples? in (\d+) frames?.*, ([0-9.]+) s, to ", text, re.M)
        t.check(m, f"{tag}: no summary on stderr: {text}")
        return text, m

    # --duration 2 while a session plays.
    dev, node = helper_device(played, play=played)
    try:
        proc, path, err = start("record-duration", node, "--duration", "2")
        dev.send("go")
        text, m = ended("record-duration", proc, err, 0)
        runs.append({"tag": "record-duration", "duration": 2.0, "summary": m and [int(m.group(1)), int(m.group(2)), float(m.group(3))]})
    finally:
        dev.stop()
    # --duration 1 on a node that sends nothing: the clock ends it (a second later), no frame.
    dev, node = helper_device(played)
    try:
        proc, path, err = start("record-silent", node, "--duration", "1")
        text, m = ended("record-silent", proc, err, 0)
        t.check("the device description only: no frame was read" in text and m and m.group(2) == "0", f"record-silent: {text}")
        t.check(run([HELPER, "--check", path]).returncode == 0, f"record-silent: libevemu cannot read {path}")
    finally:
        dev.stop()
    # Ctrl-C once 300 frames are in the file; a node removed once 300 frames are in the file.
    for tag, want in (("record-sigint", 0), ("record-unplug", 74)):
        dev, node = helper_device(played, play=played)
        player = Player(dev, played)
        try:
            proc, path, err = start(tag, node)
            player.go()
            t.require(wait_until(lambda: frames_in_file(path) >= 300, 60, 0.1), f"{tag}: 300 frames not recorded: {read_text(err)}")
            os.kill(dev.p.pid, signal.SIGSTOP)
            sent_until = player.position()
            # Then once formcheck has written every frame sent: the file must keep them all.
            sent = len([x for x in played_frame_times(played) if x <= sent_until + 1e-6])
            wait_until(lambda: frames_in_file(path) >= sent, 30, 0.05)
            if want == 0:
                proc.p.send_signal(signal.SIGINT)
            else:
                dev.stop(signal.SIGKILL)
            text, m = ended(tag, proc, err, want)
            if want == 74:
                t.check("disappeared" in text, f"{tag}: formcheck did not say the device went: {text}")
            runs.append({"tag": tag, "sent_until": sent_until, "summary": m and [int(m.group(1)), int(m.group(2)), float(m.group(3))]})
        finally:
            if dev.p.poll() is None:
                os.kill(dev.p.pid, signal.SIGCONT)
            dev.stop()
    t.defer("record", tag="record", played=played, runs=runs)


def analyse_record(t, p):
    art = os.path.dirname(p["record"])
    for r_ in p["runs"]:
        tag = r_["tag"]
        path = os.path.join(art, tag + ".record.evemu")
        sub = Test(tag)
        check_record(sub, path, p["played"], expect_gaps=0)
        events = [l.split() for l in read_text(path).splitlines() if l.startswith("E:")]
        ends = [float(e[1]) for e in events if e[2:4] == ["0000", "0000"]]
        sub.check(events and events[-1][2:4] == ["0000", "0000"], "the file does not end with a SYN_REPORT")
        first = float(events[0][1]) if events else 0.0
        if r_["summary"]:
            samples, framecount, seconds = r_["summary"]
            sub.check(framecount == len(ends), f"the summary says {framecount} frames, the file has {len(ends)}")
            sub.check(abs(seconds - (ends[-1] - first)) <= 0.0005 + 1e-9 if ends else False,
                      f"the summary says {seconds} s, the file spans {ends[-1] - first if ends else None} s")
        if "duration" in r_:
            # The first frame whose end is `duration` after the first event, and not one frame later.
            d = r_["duration"]
            ok = len(ends) >= 2 and ends[-1] - first >= d - 1e-6 and ends[-2] - first < d - 1e-6
            sub.check(ok, f"--duration {d}: the last frames end {[round(x - first, 6) for x in ends[-2:]]} s after the first event")
            sub.note(f"--duration {d}: {len(ends)} frames, the last ending {ends[-1] - first:.6f} s after the first event")
        else:
            # Every frame the player sent before it was frozen (it was, and formcheck had written
            # them, before the signal or the removal) is in the file, and no other.
            played_ends = [x for x in played_frame_times(p["played"]) if x <= r_["sent_until"] + 1e-6]
            sub.check(len(ends) == len(played_ends), f"{len(ends)} frames in the file, {len(played_ends)} sent")
            sub.note(f"all {len(ends)} frames sent are in the file")
        t.failures += [f"{tag}: {f}" for f in sub.failures]
        t.notes += [f"{tag}: {n}" for n in sub.notes]


# ---------------------------------------------------------------------------------------------
# tier 2 and udev (guest)


class Emulator:
    """A controller emulator on /dev/uhid, one process for every controller of its kind in the run:
    the hid-tools DualSense server (Tests/VM/dualsense_uhid.py; importing hid-tools takes about 10 s
    under emulation) or the Joy-Con emulator (Tests/VM/joycon_uhid.py)."""

    instances = {}
    lock = threading.Lock()

    @classmethod
    def get(cls, script="dualsense_uhid.py", what="DualSense"):
        with cls.lock:
            e = cls.instances.get(script)
            if e is None or e.proc.p.poll() is not None:
                e = cls.instances[script] = Emulator(script, what)
            return e

    def __init__(self, script, what):
        self.what = what
        self.proc = Proc([sys.executable, os.path.join(HERE, script)], stdin=True)
        if not self.proc.wait_for(r"^started$", 90):
            raise Failed(f"the uhid {what} emulator did not start: {self.proc.output()}")

    def command(self, line, answer, timeout):
        self.proc.send(line)
        cid = line.split()[1]
        m = self.proc.wait_for(answer + "|^error " + re.escape(cid) + " .*", timeout)
        if not m or m.group(0).startswith("error"):
            raise Failed(f"{self.what} emulator: {line!r}: {m.group(0) if m else 'no answer'}\n{self.proc.output()[-2000:]}")
        return m

    @classmethod
    def close(cls):
        for e in cls.instances.values():
            e.proc.p.stdin.close()  # it unplugs what is left and exits
            try:
                e.proc.p.wait(15)
            except subprocess.TimeoutExpired:
                e.proc.stop()


class DualSense:
    """One emulated DualSense (USB) with its real hid-playstation nodes."""

    def __init__(self, cid, uniq):
        self.cid, self.uniq = cid, uniq
        self.emulator = Emulator.get()
        m = self.emulator.command(f"create {cid} {uniq}", rf"^ready {cid} (\S+) (\S+) (\S+)$", 60)
        self.motion, self.gamepad, self.touchpad = m.groups()
        self.alive = True

    def play(self, recording, start="0", until=None):
        """Plays from `start` (seconds, or "resume:OTHER": from where OTHER's clock is now); returns
        the start in seconds."""
        self.emulator.proc.send(f"play {self.cid} {recording} {start}" + (f" {until}" if until is not None else ""))
        m = self.emulator.proc.wait_for(rf"^playing {self.cid} (\S+)$|^error {self.cid} .*", 30)
        if not m or m.group(0).startswith("error"):
            raise Failed(f"the emulated DualSense {self.cid} does not play: {m.group(0) if m else self.emulator.proc.output()[-2000:]}")
        return float(m.group(1))

    def wait_played(self, timeout):
        m = self.emulator.proc.wait_for(rf"^played {self.cid} (\d+) (\S+)$", timeout)
        if not m:
            raise Failed(f"the emulated DualSense {self.cid} did not finish playing: {self.emulator.proc.output()[-2000:]}")
        return int(m.group(1))

    def unplug(self):
        if self.alive:
            self.alive = False
            self.emulator.command(f"destroy {self.cid}", rf"^destroyed {self.cid}$", 30)


def udev_info(node):
    r = run(["udevadm", "info", "--query=all", "--name=" + node])
    props, links = {}, []
    for line in r.stdout.splitlines():
        if line.startswith("E: "):
            k, _, v = line[3:].partition("=")
            props[k] = v
        elif line.startswith("S: "):
            links.append(line[3:])
    tags = set(filter(None, props.get("CURRENT_TAGS", props.get("TAGS", "")).split(":")))
    return {"tags": tags, "formcheck": props.get("FORMCHECK_MOTION"), "links": links,
            "accelerometer": props.get("ID_INPUT_ACCELEROMETER")}


STATE = {}


def test_udev_rule(t):
    t.require(shutil.which("udevadm") and os.path.exists("/run/udev/control"), "systemd-udevd is not running in the guest")
    rules = "/etc/udev/rules.d/70-formcheck.rules"
    if os.path.exists(rules):
        os.remove(rules)
    run(["udevadm", "control", "--reload"], check=True)
    kbd_p, kbd = evemu_device(os.path.join(HERE, "devices/keyboard.evemu"))
    acc_p, accel = evemu_device(os.path.join(REPO, "Fixtures/devices/dualsense-usb-motion-sensors.evemu"))
    ds1 = None
    try:
        ds1 = DualSense("ds1", "a0:ab:51:00:00:01")
        run(["udevadm", "settle", "--timeout=30"])
        nodes = {"keyboard": kbd, "evemu accelerometer": accel, "motion (before)": ds1.motion,
                 "gamepad (before)": ds1.gamepad, "touchpad (before)": ds1.touchpad}
        before = {k: udev_info(v) for k, v in nodes.items()}
        t.check(before["motion (before)"]["accelerometer"] == "1", f"udev does not mark {ds1.motion} as an accelerometer")
        t.check("uaccess" not in before["motion (before)"]["tags"], "the Motion Sensors node has uaccess without formcheck's rule")
        # Install the rule as the README says; then a controller that connects (add) and the nodes
        # that were there (change, as 'udevadm trigger' sends).
        shutil.copy(os.path.join(REPO, "udev/70-formcheck.rules"), rules)
        run(["udevadm", "control", "--reload"], check=True)
        for node in nodes.values():
            run(["udevadm", "trigger", "--action=change", "--name-match=" + node], check=True)
        ds2 = DualSense("ds2", "a0:ab:51:00:00:02")
        STATE["ds2"] = ds2
        run(["udevadm", "settle", "--timeout=30"])
        after = {k: udev_info(v) for k, v in nodes.items()}
        for k, v in (("motion", ds2.motion), ("gamepad", ds2.gamepad), ("touchpad", ds2.touchpad)):
            after[k] = udev_info(v)
        for k, ds in (("motion (before)", ds1), ("motion", ds2)):
            t.check("uaccess" in after[k]["tags"], f"{k} Motion Sensors node {ds.motion}: no uaccess tag ({after[k]['tags']})")
            t.check(after[k]["formcheck"] == "1", f"{k} Motion Sensors node: FORMCHECK_MOTION not set")
            link = "/dev/input/by-formcheck/motion-" + ds.uniq
            t.check(os.path.realpath(link) == ds.motion, f"{link} does not point to {ds.motion} ({after[k]['links']})")
        for k in ("keyboard", "evemu accelerometer", "touchpad (before)", "touchpad"):
            t.check("uaccess" not in after[k]["tags"], f"the {k} node got the uaccess tag: {after[k]['tags']}")
        for k in ("keyboard", "evemu accelerometer", "gamepad (before)", "touchpad (before)", "gamepad", "touchpad"):
            t.check(after[k]["formcheck"] is None, f"formcheck's rule matched the {k} node")
            t.check(not any("by-formcheck" in l for l in after[k]["links"]), f"the {k} node got a by-formcheck link")
        for k in ("keyboard", "evemu accelerometer", "gamepad (before)", "touchpad (before)"):
            t.check(after[k]["tags"] == before[k]["tags"], f"the rule changed the tags of the {k} node: {before[k]['tags']} -> {after[k]['tags']}")
        t.check(after["gamepad"]["tags"] == after["gamepad (before)"]["tags"], "the two controllers' gamepad nodes differ in tags")
        t.note("uaccess and the by-formcheck link: the Motion Sensors nodes (added, and changed by trigger); gamepad "
               f"{'(uaccess from the stock joystick rule) ' if 'uaccess' in after['gamepad']['tags'] else ''}unchanged by the rule;"
               " touchpad, keyboard and uinput accelerometer no")
        # formcheck reads the same from udev's database, for a user who cannot open the nodes.
        report = json.loads(run(NOBODY + [FC, "devices", "--json"], check=True).stdout)
        by_path = {n["path"]: n for n in report["motionSensors"]}
        for node, want in ((ds2.motion, True), (accel, False)):
            n = by_path.get(node)
            if t.check(n is not None, f"as nobody, formcheck devices does not list {node}"):
                t.check(n["access"]["uaccessTagged"] == want, f"formcheck devices: {node} uaccessTagged {n['access']['uaccessTagged']}, expected {want}")
    finally:
        kbd_p.stop(signal.SIGTERM)
        acc_p.stop(signal.SIGTERM)
        if ds1:
            ds1.unplug()


def test_dualsense_uhid(t):
    recording, _, truth = scenario("vm-hamstring-dualsense")
    ds = STATE.pop("ds2", None) or DualSense("ds2", "a0:ab:51:00:00:02")
    live = None
    try:
        report = json.loads(run([FC, "devices", "--json"], check=True).stdout)
        n = {m["path"]: m for m in report["motionSensors"]}.get(ds.motion)
        if t.check(n is not None, f"formcheck devices does not list the driver's node {ds.motion}: {report}"):
            t.check(n["name"].endswith("Motion Sensors") and n["uniq"] == ds.uniq, f"listed as {n['name']!r}, uniq {n['uniq']}")
            t.check(n["accelerometer"]["resolution"] == [8192] * 3 and n["gyroscope"]["resolution"] == [1024] * 3,
                    f"resolutions {n['accelerometer']['resolution']} {n['gyroscope']['resolution']}")
            t.check(n["deviceTimestamps"], "no MSC_TIMESTAMP on hid-playstation's node")
            t.note(f"formcheck devices lists {n['path']} {n['name']!r} uniq {n['uniq']}")
        live = Live(ds.motion, truth, "dualsense-uhid")
        live.wait_reading(t)
        ds.play(recording)
        live.wait_recorded(t, ds.wait_played(180))
        t.note(f"formcheck live used {cpu_seconds(live.proc.p.pid):.1f} s of CPU for {truth['duration']} s at 250 Hz")
        live.interrupt(t)
    finally:
        if live:
            live.proc.stop()
        ds.unplug()
    t.defer("dualsense_uhid", tag=live.tag, recording=recording, scenario="vm-hamstring-dualsense")


def analyse_dualsense_uhid(t, p):
    _, _, truth = scenario(p["scenario"])
    got = events_of(read_text(p["live"]), t, "live")
    missing = check_driver_record(t, p["record"], p["recording"])
    t.check(not missing, f"{len(missing)} frames sent to the driver are missing from the recording")
    gaps, stalls = inspect(t, p["record"])
    t.check(not gaps, "the recording has gaps")
    compare_sessions(t, got, replay(p["recording"], truth, t, "replay"), "live (hid-playstation)", "replay of the simulation", stalls,
                     angle_tol=DRIVER_ANGLE_TOL)
    compare_sessions(t, got, replay(p["record"], truth, t, "replay of --record"), "live", "replay of its --record")
    check_truth(t, got[-1], truth, "live (DualSense, hid-playstation)", stalls)


def test_unplug_reconnect(t):
    """The controller goes away mid-hold (its uhid device is destroyed, as when it is unplugged or
    out of range) and comes back with the same uniq while the person holds on. uinput cannot give
    a node a uniq (there is no UI_SET_UNIQ), so this runs through hid-playstation, which takes the
    uniq from the controller's MAC address. The controller's clock runs on while it is away, as a
    real one's does: it resumes with the frame of the moment it is back."""
    recording, _, truth = scenario("vm-hamstring-dualsense")
    uniq = "a0:ab:51:00:00:03"
    # Scenario times (s): rest 0-3, raise 3-6, hold 6-13 (at 70°), ...
    unplug_at, play_for = 8.0, 2.0
    a = DualSense("unplugA", uniq)
    b = None
    live = Live(a.motion, truth, "unplug-reconnect")
    try:
        live.wait_reading(t)
        a.play(recording, 0, unplug_at)
        a.wait_played(60)
        a.unplug()
        t.require(live.wait_stderr(r"disappeared", 10), f"formcheck did not report the device gone: {live.stderr()}")
        t.check(live.proc.p.poll() is None, f"formcheck ended when the device disappeared (status {live.proc.p.poll()}): {live.stderr()}")
        b = DualSense("unplugB", uniq)
        t.require(live.wait_stderr(r"is back", 15), f"formcheck did not take the controller back: {live.stderr()}")
        t.check(has_open(live.proc.p.pid, b.motion), f"formcheck is not reading the new node {b.motion}")
        back_at = b.play(recording, "resume:unplugA")
        # Ctrl-C once formcheck has recorded play_for seconds after the reconnection (the driver's
        # MSC_TIMESTAMP is the controller clock, which counts from the simulation's first frame).
        t.require(wait_until(lambda: (last_msc(live.record) or 0) / 1e6 >= back_at + play_for or live.proc.p.poll() is not None, 60, 0.02)
                  and live.proc.p.poll() is None, f"formcheck did not record {play_for} s after the reconnection: {live.stderr()}")
        live.interrupt(t)
    finally:
        live.proc.stop()
        a.unplug()
        if b:
            b.unplug()
    err = live.stderr()
    t.check("waiting for it to come back" in err and "carrying on" in err, f"notices: {err}")
    t.note(f"away from {unplug_at} s to {back_at:.2f} s of the scenario")
    t.defer("unplug_reconnect", tag=live.tag, recording=recording, scenario="vm-hamstring-dualsense",
            unplug_at=unplug_at, back_at=back_at, play_for=play_for)


def analyse_unplug_reconnect(t, p):
    """The controller's clock ran on while it was away (the emulator resumes it at back_at), so
    formcheck times the frames after the time away by it, as the replay of its --record does: the
    gap ends at back_at, and the session goes on play_for seconds past it."""
    _, _, truth = scenario(p["scenario"])
    unplug_at, back_at = p["unplug_at"], p["back_at"]
    got = events_of(read_text(p["live"]), t, "live")
    missing = check_driver_record(t, p["record"], p["recording"])
    unexpected = [m for m in missing if not (unplug_at * 1e6 <= m <= back_at * 1e6 + 8_000)]
    t.check(not unexpected, f"{len(unexpected)} frames missing outside the time away (first {unexpected[:3]})")
    gaps, stalls = inspect(t, p["record"])
    t.check(got[-1]["t"] - stall_before(stalls, got[-1]["t"]) >= back_at + p["play_for"] - TOL,
            f"the session ends at {got[-1]['t']} s: it did not go on {p['play_for']} s after the reconnection at {back_at:.2f} s")
    t.check(len(gaps) == 1 and gaps[0][0] is not None and gaps[0][1] is not None
            and unplug_at - 0.1 <= gaps[0][0] - stall_before(stalls, gaps[0][0]) <= unplug_at + TOL
            and abs(gaps[0][1] - stall_before(stalls, gaps[0][1]) - back_at) <= TOL,
            f"the recording should mark one gap, the time away {unplug_at}-{back_at:.2f} s: {gaps}")
    compare_sessions(t, got, replay(p["record"], truth, t, "replay of --record"), "live", "replay of its --record")


# ---------------------------------------------------------------------------------------------
# tier 2: Joy-Cons through the real hid-nintendo (Tests/VM/joycon_uhid.py)

JOYCON_RES = {"accelerometer": [4096] * 3, "gyroscope": [14247] * 3}


class JoyCon:
    """One emulated Joy-Con (Bluetooth) with its real hid-nintendo IMU and gamepad nodes. The
    driver takes the node's uniq from the MAC address the controller reports, in capitals."""

    def __init__(self, cid, side, mac):
        self.cid, self.side, self.mac = cid, side, mac
        self.uniq = mac.upper()
        self.emulator = Emulator.get("joycon_uhid.py", "Joy-Con")
        m = self.emulator.command(f"create {cid} {side} {mac}", rf"^ready {cid} (\S+) (\S+)$", 60)
        self.imu, self.gamepad = m.groups()
        self.alive = True

    def play(self, recording, start="0", until=None):
        """Plays from `start` (seconds, or "resume:OTHER"); returns the start in seconds."""
        self.emulator.proc.send(f"play {self.cid} {recording} {start}" + (f" {until}" if until is not None else ""))
        m = self.emulator.proc.wait_for(rf"^playing {self.cid} (\S+)$|^error {self.cid} .*", 30)
        if not m or m.group(0).startswith("error"):
            raise Failed(f"the emulated Joy-Con {self.cid} does not play: {m.group(0) if m else self.emulator.proc.output()[-2000:]}")
        return float(m.group(1))

    def wait_played(self, timeout):
        m = self.emulator.proc.wait_for(rf"^played {self.cid} (\d+) (\S+)$", timeout)
        if not m:
            raise Failed(f"the emulated Joy-Con {self.cid} did not finish playing: {self.emulator.proc.output()[-2000:]}")
        return int(m.group(1))

    def unplug(self):
        if self.alive:
            self.alive = False
            self.emulator.command(f"destroy {self.cid}", rf"^destroyed {self.cid}$", 30)


def sent_frames(recording):
    """The frames the Joy-Con emulator sends for a recording, in order: (report time s, state)."""
    sys.path.insert(0, HERE)
    import joycon_uhid
    reports = joycon_uhid.reports(recording)
    base = reports[0][0]
    return [(t - base, a + g) for t, samples in reports for a, g in samples]


def check_joycon_record(t, record, recording, segments):
    """A recording of hid-nintendo's IMU node against what the emulator sent: `segments` are the
    (from, count) runs of sent frames (from: report time in s), one per connection. Each run of
    the recording (they are separated by the gaps it marks: the reconnections, and a real
    SYN_DROPPED when formcheck fell behind under load) must be sent frames in order, and sent frames
    may be missing only where a gap is marked. Gyroscope values exact (the flash's user IMU
    calibration is the identity), accelerometer within two of the kernel's fuzz filters in series
    (the simulation's and the driver node's, fuzz 10: < 20 units). Returns the frames."""
    r = run([HELPER, "--check", record])
    t.check(r.returncode == 0, f"libevemu cannot read the recording: {r.stderr.strip()}")
    rec = frames(record)
    sent = sent_frames(recording)
    runs, cur = [], []
    for m, state, after_drop in rec:
        if after_drop and cur:
            runs.append(cur)
            cur = []
        if m is not None:  # not the state of a reconnected node, written with its gap mark
            cur.append((m, state))
    if cur:
        runs.append(cur)

    def close(state, w):
        return None in state or (state[3:] == w[3:] and all(abs(a - b) < 20 for a, b in zip(state[:3], w[:3])))

    starts = [next(i for i, (ts, _) in enumerate(sent) if ts >= begin - 1e-6) for begin, _ in segments]
    ends = [s0 + count for s0, (_, count) in zip(starts, segments)]
    worst_a = worst_g = 0
    steps, lost, seg, pos = set(), 0, 0, starts[0]
    for k, got in enumerate(runs):
        if k > 0:
            # A new run: the next connection's first frame, or where the frames go on after a
            # SYN_DROPPED (found by value, forward from the last run's end).
            if seg + 1 < len(segments) and not all(close(s_, w) for (_, s_), (_, w) in zip(got[:6], sent[pos:pos + 6])) \
                    and all(close(s_, w) for (_, s_), (_, w) in zip(got[:6], sent[starts[seg + 1]:starts[seg + 1] + 6])):
                lost += ends[seg] - pos
                seg += 1
                pos = starts[seg]
            else:
                found = next((i for i in range(pos, ends[seg]) if all(close(s_, w) for (_, s_), (_, w) in zip(got[:6], sent[i:i + 6]))), None)
                t.require(found is not None, f"run {k + 1} of the recording (after a gap) matches no frames sent after {pos}")
                lost += found - pos
                pos = found
        want = sent[pos:pos + len(got)]
        bad = sum(not close(s_, w) for (_, s_), (_, w) in zip(got, want))
        t.check(bad == 0 and len(want) == len(got), f"run {k + 1}: {bad} frames differ from what was sent (or more frames than sent)")
        for (m, state), (_, w) in zip(got, want):
            if None not in state:
                worst_a = max(worst_a, max(abs(a - b) for a, b in zip(state[:3], w[:3])))
                worst_g = max(worst_g, max(abs(a - b) for a, b in zip(state[3:], w[3:])))
        steps |= {(b[0] - a[0]) & 0xFFFFFFFF for a, b in zip(got, got[1:])}
        pos += len(got)
    t.check(seg == len(segments) - 1, f"the recording holds {seg + 1} of the {len(segments)} connections")
    t.check(pos == ends[-1], f"the recording ends {ends[-1] - pos} frames before the last frame sent")
    t.check(worst_g == 0 and worst_a < 20, f"values differ from what was sent: gyroscope by {worst_g}, accelerometer by {worst_a} units")
    t.note(f"--record: {sum(len(x) for x in runs)} frames through hid-nintendo in {len(runs)} runs, {lost} sent ones lost in marked gaps;"
           f" accelerometer within {worst_a} units, gyroscope exact; the driver's MSC_TIMESTAMP steps {sorted(steps)} µs")
    return rec


def check_sample_spacing(t, record):
    """formcheck's own timing of the recording: every sample 5 ms after the last, except across
    what inspect lists — gaps, and delivery stalls of more than 250 ms, timed by the kernel."""
    r = run([FC, "inspect", "--format", "json", record])
    info = json.loads(r.stdout)
    info = info[0] if isinstance(info, list) else info
    explained = [a["kernelStep"] for a in info["anomalies"] if a["kind"] == "jump"]
    explained += [g["resumed"] - g["after"] for g in info["gaps"] if g.get("after") is not None and g.get("resumed") is not None]
    top = max([0.005] + explained) + 1e-6
    ok = abs(info["minPeriod"] - 0.005) < 1e-6 and abs(info["medianPeriod"] - 0.005) < 1e-6 and info["maxPeriod"] <= top
    t.check(ok, f"formcheck times the samples {info['minPeriod'] * 1e3:.3f}–{info['maxPeriod'] * 1e3:.3f} ms apart, not 5 ms"
               f" (gaps and stalls explain up to {top * 1e3:.1f} ms)")
    if ok:
        t.note(f"formcheck times the {info['samples']} samples 5.000 ms apart ({info['sampleRate']:.1f} Hz)"
               + (f", but for {len(explained)} gaps and stalls (longest {max(explained) * 1e3:.0f} ms)" if explained else ""))


def test_joycon_uhid(t):
    """A left and a right Joy-Con through the real hid-nintendo, side by side: `formcheck devices`
    lists each IMU node (not the gamepad node) with the driver's name, uniq (the MAC) and
    resolution; `formcheck live` on each, fed from a simulated session."""
    sessions = [("jcL", "left", "98:b6:e9:00:00:11", "vm-hamstring-joycon"),
                ("jcR", "right", "98:b6:e9:00:00:12", "vm-hamstring-joycon-right")]
    pads, lives = [], []
    try:
        for cid, side, mac, name in sessions:
            pads.append(JoyCon(cid, side, mac))
        report = json.loads(run([FC, "devices", "--json"], check=True).stdout)
        listed = {m["path"]: m for m in report["motionSensors"]}
        for jc in pads:
            n = listed.get(jc.imu)
            if t.check(n is not None, f"formcheck devices does not list the driver's IMU node {jc.imu}: {report}"):
                want_name = f"Nintendo Switch {jc.side.capitalize()} Joy-Con IMU"
                t.check(n["name"] == want_name and n["uniq"] == jc.uniq, f"listed as {n['name']!r}, uniq {n['uniq']}")
                for group, res in JOYCON_RES.items():
                    t.check(n[group]["resolution"] == res, f"{jc.side}: {group} resolution {n[group]['resolution']}, the driver's is {res}")
                t.check(n["deviceTimestamps"], "no MSC_TIMESTAMP on hid-nintendo's IMU node")
                t.note(f"formcheck devices lists {n['path']} {n['name']!r} uniq {n['uniq']}, resolution {n['accelerometer']['resolution'][0]}/g, {n['gyroscope']['resolution'][0]}/(°/s)")
            t.check(jc.gamepad not in listed, f"formcheck devices lists the Joy-Con's gamepad node {jc.gamepad}")
        for jc, (_, _, _, name) in zip(pads, sessions):
            _, _, truth = scenario(name)
            live = Live(jc.imu, truth, "joycon-" + jc.side)
            lives.append(live)
            live.wait_reading(t)
        counts = []
        for jc, (_, _, _, name) in zip(pads, sessions):
            jc.play(scenario(name)[0])
        for jc in pads:
            counts.append(jc.wait_played(180))
        for live, (_, _, _, name) in zip(lives, sessions):
            live.wait_joycon_recorded(t, scenario(name)[0])
        for live in lives:
            t.note(f"formcheck live on {live.node} used {cpu_seconds(live.proc.p.pid):.1f} s of CPU")
            live.interrupt(t)
    finally:
        for live in lives:
            live.proc.stop()
        for jc in pads:
            jc.unplug()
    for live, (_, side, _, name), count in zip(lives, sessions, counts):
        t.defer("joycon_uhid", tag=live.tag, recording=scenario(name)[0], scenario=name, sent=count)


def analyse_joycon_uhid(t, p):
    _, _, truth = scenario(p["scenario"])
    got = events_of(read_text(p["live"]), t, "live")
    check_joycon_record(t, p["record"], p["recording"], [(0.0, p["sent"])])
    gaps, stalls = inspect(t, p["record"])
    check_sample_spacing(t, p["record"])
    side = truth["side"]
    check_truth(t, got[-1], truth, f"live ({side} Joy-Con, hid-nintendo)", stalls)
    compare_sessions(t, got, replay(p["recording"], truth, t, "replay"), f"live ({side})", "replay of the simulation", stalls,
                     angle_tol=DRIVER_ANGLE_TOL)
    compare_sessions(t, got, replay(p["record"], truth, t, "replay of --record"), f"live ({side})", "replay of its --record")


def test_joycon_reconnect(t):
    """The left Joy-Con goes away mid-hold (its uhid device destroyed) and comes back with the same
    MAC: the driver gives the new IMU node the same uniq, formcheck reports it gone, takes it back
    and continues the session; the recording marks the gap."""
    recording, _, truth = scenario("vm-hamstring-joycon")
    mac = "98:b6:e9:00:00:21"
    # Scenario times (s): rest 0-3, raise 3-6, hold 6-18 (at 70°), lower 18-21, rest 21-22.
    unplug_at = 9.0
    a = JoyCon("jcA", "left", mac)
    b = None
    live = Live(a.imu, truth, "joycon-reconnect")
    try:
        live.wait_reading(t)
        a.play(recording, 0, unplug_at)
        sent_a = a.wait_played(60)
        a.unplug()
        t.require(live.wait_stderr(r"disappeared", 10), f"formcheck did not report the device gone: {live.stderr()}")
        t.check(live.proc.p.poll() is None, f"formcheck ended when the device disappeared (status {live.proc.p.poll()}): {live.stderr()}")
        b = JoyCon("jcB", "left", mac)
        t.require(live.wait_stderr(r"is back", 15), f"formcheck did not take the controller back: {live.stderr()}")
        t.check(has_open(live.proc.p.pid, b.imu), f"formcheck is not reading the new node {b.imu}")
        back_at = b.play(recording, "resume:jcA")
        sent_b = b.wait_played(60)
        live.wait_joycon_recorded(t, recording)
        live.interrupt(t)
    finally:
        live.proc.stop()
        a.unplug()
        if b:
            b.unplug()
    err = live.stderr()
    t.check("waiting for it to come back" in err and "carrying on" in err, f"notices: {err}")
    t.note(f"away from {unplug_at} s to {back_at:.2f} s of the scenario")
    t.defer("joycon_reconnect", tag=live.tag, recording=recording, scenario="vm-hamstring-joycon",
            unplug_at=unplug_at, back_at=back_at, sent=[sent_a, sent_b])


def analyse_joycon_reconnect(t, p):
    _, _, truth = scenario(p["scenario"])
    got = events_of(read_text(p["live"]), t, "live")
    check_joycon_record(t, p["record"], p["recording"], [(0.0, p["sent"][0]), (p["back_at"], p["sent"][1])])
    gaps, stalls = inspect(t, p["record"])
    unplug_at, back_at = p["unplug_at"], p["back_at"]
    t.check(len(gaps) == 1 and gaps[0][0] is not None and unplug_at - 0.1 <= gaps[0][0] - stall_before(stalls, gaps[0][0]) <= unplug_at + TOL,
            f"the recording should mark one gap, from {unplug_at} s: {gaps}")
    # To the end: the simulation's last sample, by the kernel's clock across the time away (see
    # analyse_unplug_reconnect).
    end = replay(p["recording"], truth, t, "replay")[-1]["t"]
    t.check(abs(got[-1]["t"] - stall_before(stalls, got[-1]["t"]) - end) <= RESUME_TOL,
            f"the session ends at {got[-1]['t']} s, the simulation at {end} s")
    # The hold spans the time away: formcheck's clock runs by the kernel's across it and the
    # controller resumes where the scenario is by then, so the times stay the truth's.
    compare_sessions(t, got, replay(p["record"], truth, t, "replay of --record"), "live", "replay of its --record")
    check_truth(t, got[-1], truth, "live (left Joy-Con, reconnected)", stalls)


# ---------------------------------------------------------------------------------------------
# two sensors at once (guest: two emulated Joy-Cons through hid-nintendo; host: the analysis)

PAIR = "routine-pair-short"
PAIR_ROUTINE = os.path.join(REPO, "Fixtures/routines/pair-short.json")
REP_TOL = 0.25  # seconds: a rep's boundaries against the truth (StrengthScenarioTests.boundaryTolerance)


def pair_recordings():
    """The simulated pair: (session file, {side: recording}, {side: truth})."""
    base = os.path.join(WORK, PAIR)
    truths = {}
    for side in ("left", "right"):
        with open(f"{base}.truth.{side}.json") as f:
            truths[side] = json.load(f)
    return base + ".json", {side: f"{base}.{side}.evemu" for side in ("left", "right")}, truths


def test_pair_routine(t):
    """`formcheck routine pair-short LEFT RIGHT` on two emulated Joy-Cons fed a simulated pair at
    once: it reads both nodes in one session and ends by itself when the routine is done."""
    _, recordings, _ = pair_recordings()
    os.makedirs(TMP, exist_ok=True)
    out, err = os.path.join(TMP, "pair.live.jsonl"), os.path.join(TMP, "pair.live.err")
    session = os.path.join(TMP, "pair.session.json")
    db = os.path.join(TMP, "pair.history.sqlite")
    if os.path.exists(db):
        os.remove(db)
    pads, proc = [], None
    try:
        pads = [JoyCon("jpL", "left", "98:b6:e9:00:00:31"), JoyCon("jpR", "right", "98:b6:e9:00:00:32")]
        proc = Proc([FC, "routine", PAIR_ROUTINE, pads[0].imu, pads[1].imu, "--format", "json", "--record", session, "--db", db],
                    stdout=open(out, "w"), stderr=open(err, "w"))
        pid = proc.p.pid
        ok = wait_until(lambda: (all(has_open(pid, jc.imu) for jc in pads) and polling(pid)) or proc.p.poll() is not None, 30)
        t.require(ok and proc.p.poll() is None, f"formcheck routine is not reading both nodes (exit {proc.p.poll()}): {read_text(err)}")
        # Both at once: the two recordings share the simulation's clock (read first, so that the
        # second play does not start a parse later).
        for jc in pads:
            pads[0].emulator.command(f"load {recordings[jc.side]}", rf"^loaded {re.escape(recordings[jc.side])} \d+$", 60)
        for jc in pads:
            jc.play(recordings[jc.side])
        sent = {jc.side: jc.wait_played(180) for jc in pads}
        before = proc.p.poll() is not None
        try:
            rc = proc.p.wait(60)
        except subprocess.TimeoutExpired:
            t.require(False, f"formcheck routine did not end by itself within 60 s of the last frame: {read_text(err)[-2000:]}")
        t.check(rc == 0, f"formcheck routine ended with status {rc}: {read_text(err)}")
        t.note(f"formcheck routine ended by itself, status {rc}, " + ("before" if before else "after") + " the players' last frames")
    finally:
        if proc:
            proc.stop()
        for jc in pads:
            jc.unplug()
    t.check(f"recorded to {session}" in read_text(err), f"no word of the recording: {read_text(err)}")
    # Saved in the history as it went: each leg's attempt an exercise, both recordings with their digests.
    t.check(f"saved in {db} as session 1 (4 exercises)" in read_text(err), f"not saved in the history: {read_text(err)}")
    r = run([FC, "export", "--db", db, "--format", "json"], timeout=60)
    saved = json.loads(r.stdout)["sessions"] if r.returncode == 0 else []
    t.check(len(saved) == 1 and saved[0]["kind"] == "routine" and saved[0]["state"] == "closed"
            and [f"{e['exercise']} {e['side']}" for e in saved[0]["exercises"]] == ["hamstring right", "hamstring left", "bridge left", "bridge right"]
            and len(saved[0]["recordings"]) == 2 and all(len(x.get("sha256") or "") == 64 for x in saved[0]["recordings"]),
            f"the history: {r.stdout[:2000]} {r.stderr}")
    t.defer("pair_routine", tag="pair", sent=sent, uniqs={jc.side: jc.uniq for jc in pads})


def routine_lines(text, t, what):
    """A routine's JSON Lines, ending with its summary."""
    lines = []
    for i, line in enumerate(text.splitlines()):
        if line.strip():
            try:
                lines.append(json.loads(line))
            except ValueError:
                t.check(False, f"{what}: line {i + 1} is not JSON: {line[:120]}")
    t.require(lines and lines[-1].get("type") == "routineSummary", f"{what}: the output does not end with the routine's summary")
    return lines


def analyse_pair_routine(t, p):
    sim_session, recordings, truths = pair_recordings()
    art = os.path.dirname(p["live"])
    live = routine_lines(read_text(p["live"]), t, "live")
    # Each leg from its own sensor, no strap move; the bridge on both legs (the right's attempt after the left's).
    started = [f"{e['step']} {e['exercise']} {e['side']}" for e in live if e["type"] == "exerciseStarted"]
    t.check(started == ["1 hamstring right", "2 hamstring left", "3 bridge left", "3 bridge right"], f"the steps: {started}")
    t.check(not any(e["type"] == "strapMoved" or e.get("kind") == "moveStrap" for e in live), "a strap move with a sensor on each thigh")
    summary = live[-1]
    t.check(summary["complete"] and [s["ending"] for s in summary["steps"]] == ["done"] * 4, f"the routine: {summary['steps']}")
    t.check([c["exercise"] for c in summary["symmetry"]] == ["hamstring", "bridge"], f"symmetry: {summary['symmetry']}")
    # The session file: both recordings, with their devices, uniqs and starts on the kernel clock.
    with open(os.path.join(art, "pair.session.json")) as f:
        session = json.load(f)
    entries = {e["side"]: e for e in session["recordings"]}
    t.check(session["formcheckSession"] == 1 and set(entries) == {"left", "right"}, f"session file: {session}")
    for side, e in entries.items():
        t.check(e["uniq"] == p["uniqs"][side] and e["device"] == f"Nintendo Switch {side.capitalize()} Joy-Con IMU"
                and isinstance(e["start"], int) and e["file"] == f"pair.session.{side}.evemu", f"{side}: {e}")
    t.note(f"the recordings began {(entries['right']['start'] - entries['left']['start']) / 1e3:.1f} ms apart on the kernel clock")
    # Each recording holds every frame its Joy-Con sent until the routine was done (it ends by
    # itself then: the scenario's last rest goes on being sent after it), in order, with the
    # driver's values.
    stalls = {}
    for side in ("left", "right"):
        record = os.path.join(art, entries[side]["file"])
        n = frames_in_file(record)
        check_joycon_record(t, record, recordings[side], [(0.0, n)])
        t.check(0 <= p["sent"][side] - n <= 3 * 200, f"{side}: {n} frames recorded of {p['sent'][side]} sent: more than the last 3 s missing")
        t.note(f"{side}: {n} of the {p['sent'][side]} frames sent recorded (the rest came after the routine was done)")
        gaps, stalls[side] = inspect(t, record)
    # replay of the session file: live's events, at live's times (the same frames on the same clock).
    r = run([FC, "replay", os.path.join(art, "pair.session.json"), "--routine", PAIR_ROUTINE, "--format", "json"], timeout=300)
    t.require(r.returncode == 0, f"formcheck replay of the session: status {r.returncode}: {r.stderr.strip()}")
    again = routine_lines(r.stdout, t, "replay of the session")
    def key(e):
        return (e["type"], e.get("kind"), e.get("step"), e.get("side"), e.get("ending"), e.get("rep"), e.get("text"))
    t.check([key(e) for e in live] == [key(e) for e in again], "live and the replay of its session report different events")
    worst = max((abs(a["t"] - b["t"]) for a, b in zip(live, again)), default=0.0)
    t.check(worst <= 1e-3, f"live and the replay of its session are {worst:.4f} s apart")
    t.note(f"live = replay of its session: {len(live)} lines, times within {worst * 1e3:.1f} ms")
    # The holds and reps against each leg's truth, on the routine's clock (its 0: the earlier
    # recording's first sample), once each recording's delivery stalls before them are taken off.
    zero = min(e["start"] for e in entries.values())
    problems, worst_hold, worst_rep = [], 0.0, 0.0
    for attempt in (e for e in live if e["type"] == "exerciseEnded"):
        side, s = attempt["side"], attempt["summary"]
        shift = (entries[side]["start"] - zero) / 1e6
        truth = truths[side]
        seg = next(x for x in truth["exercises"] if x["exercise"] == s["exercise"] and x["side"] == side)
        if s["holds"] or s["exercise"] == "hamstring":
            want = [h for h in truth["holds"] if h["start"] >= seg["start"] and h["end"] <= seg["end"]]
            if len(s["holds"]) != len(want):
                problems.append(f"{side} {s['exercise']}: {len(s['holds'])} holds, the truth {len(want)}")
            for h, w in zip(s["holds"], want):
                for field in ("start", "end"):
                    worst_hold = max(worst_hold, abs(h[field] - stall_before(stalls[side], h[field]) - shift - w[field]))
        if s["exercise"] == "bridge":
            want = [x for x in truth["reps"] if x["start"] >= seg["start"] and x["end"] <= seg["end"]]
            if len(s["reps"]) != len(want) or not all(x["complete"] for x in s["reps"]):
                problems.append(f"{side} bridge: reps {s['reps']}, the truth {len(want)}")
            for x, w in zip(s["reps"], want):
                for field in ("start", "end"):
                    worst_rep = max(worst_rep, abs(x[field] - stall_before(stalls[side], x[field]) - shift - w[field]))
        if s["formErrors"]:
            problems.append(f"{side} {s['exercise']}: form errors {s['formErrors']}")
    if worst_hold > TRUTH_TOL:
        problems.append(f"holds {worst_hold:.3f} s off the truth (allowed {TRUTH_TOL} s)")
    if worst_rep > REP_TOL:
        problems.append(f"reps {worst_rep:.3f} s off the truth (allowed {REP_TOL} s)")
    for m in problems:
        if CHECK_TRUTH:
            t.check(False, f"vs ground truth: {m}")
        else:
            t.note(f"vs ground truth: {m} — not enforced (FORMCHECK_VM_CHECK_TRUTH=0)")
    t.note(f"against the truth: holds within {worst_hold:.3f} s, reps within {worst_rep:.3f} s; no form errors")


# ---------------------------------------------------------------------------------------------
# the Debian package (opt-in: make deb-test, or run-tests deb after make deb)


def test_deb(t):
    """formcheck_VERSION_amd64.deb (make deb, in the repository) installed with dpkg in the guest:
    the files where Debian wants them, postinst under the real udevd, formcheck devices from
    /usr/bin as root and as nobody, then dpkg --purge removes it all."""
    debs = sorted(glob.glob(os.path.join(REPO, "formcheck_*_amd64.deb")), key=os.path.getmtime)
    t.require(debs, f"no formcheck_*_amd64.deb in {REPO}: run make deb (make deb-test does)")
    deb = debs[-1]
    fc = "/usr/bin/formcheck"
    t.require(not os.path.exists(fc), f"{fc} exists before the package is installed")
    # man-db's trigger would rebuild the whole man database, minutes under TCG: off in this throw-away
    # guest (its root is a tmpfs overlay), and no fsync per file either.
    if os.path.exists("/var/lib/man-db/auto-update"):
        os.remove("/var/lib/man-db/auto-update")
    r = run(["dpkg", "--force-unsafe-io", "-i", deb], timeout=180)
    t.require(r.returncode == 0, f"dpkg -i {os.path.basename(deb)}: exit status {r.returncode}: {r.stderr.strip()} {r.stdout.strip()}")
    for path in (fc, "/usr/lib/udev/rules.d/70-formcheck.rules", "/usr/share/man/man1/formcheck.1.gz",
                 "/usr/share/bash-completion/completions/formcheck", "/usr/share/zsh/vendor-completions/_formcheck",
                 "/usr/share/fish/vendor_completions.d/formcheck.fish", "/usr/share/doc/formcheck/copyright"):
        t.check(os.path.exists(path), f"the package did not install {path}")
    r = run([fc, "--version"], check=True)
    t.check(re.match(r"^\d+\.\d+\.\d+ \(commit [0-9a-z-]+\)$", r.stdout.strip()), f"formcheck --version: {r.stdout.strip()!r}")
    p, node = evemu_device(os.path.join(REPO, "Fixtures/devices/dualsense-usb-motion-sensors.evemu"))
    try:
        report = json.loads(run([fc, "devices", "--json"], check=True).stdout)
        listed = {n["path"]: n for n in report["motionSensors"]}
        t.check(node in listed and listed[node]["access"]["readable"] is True, f"as root, {node} not listed readable: {report}")
        # nobody, from a folder it cannot read: no trap, the node listed and unreadable.
        os.makedirs("/tmp/deb-locked", mode=0o700, exist_ok=True)
        r = subprocess.run(NOBODY + [fc, "devices", "--json"], cwd="/tmp/deb-locked", stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, timeout=60)
        t.require(r.returncode == 0, f"formcheck devices as nobody: exit status {r.returncode}: {r.stderr.strip()}")
        listed = {n["path"]: n for n in json.loads(r.stdout)["motionSensors"]}
        t.check(node in listed and listed[node]["access"]["readable"] is False, f"as nobody, {node}: {listed.get(node)}")
        r = subprocess.run(NOBODY + [fc, "exercises"], cwd="/tmp/deb-locked", stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, timeout=60)
        t.check(r.returncode == 0 and r.stdout.startswith("piriformis"), f"formcheck exercises as nobody: {r.returncode} {r.stderr.strip()}")
        r = run(NOBODY + [fc, "live", node, "--exercise", "hamstring", "--format", "json"])
        t.check(r.returncode == 77, f"formcheck live as nobody: exit status {r.returncode}, expected 77: {r.stderr.strip()}")
    finally:
        p.stop(signal.SIGTERM)
    r = run(["dpkg", "--force-unsafe-io", "--purge", "formcheck"], timeout=120)
    t.check(r.returncode == 0, f"dpkg --purge formcheck: exit status {r.returncode}: {r.stderr.strip()}")
    for path in (fc, "/usr/lib/udev/rules.d/70-formcheck.rules", "/usr/share/doc/formcheck"):
        t.check(not os.path.exists(path), f"dpkg --purge left {path}")
    t.note(f"{os.path.basename(deb)} ({os.path.getsize(deb) / 1e6:.1f} MB) installed with dpkg -i (postinst under udevd), "
           "devices as root and nobody, live as nobody exits 77, purged")


# ---------------------------------------------------------------------------------------------
# running

# ---------------------------------------------------------------------------------------------
# kill -9 of record and live --record

KILL_SEED = 15  # the kill moments and modes come from it: the same run every time
KILL_RUNS = 10  # per command (record, live --record): 20 kills in all
KILL_FROM, KILL_UNTIL = 6.0, 9.0  # seconds of vm-hamstring-dualsense played (the hold)


def kill_plan(command):
    """[(delay s after playing starts, settled?)] for `command`, from KILL_SEED: delays uniform in
    0.3-2.4 s; every other kill "settled" (the player frozen first, at that moment, and formcheck
    given the time to write what it read), the others at a free moment, mid-write as likely as not."""
    import random
    rng = random.Random(f"{KILL_SEED}-{command}")
    return [(round(rng.uniform(0.3, 2.4), 3), i % 2 == 1) for i in range(KILL_RUNS)]


def played_slice(path, start, until):
    """The events fc-uinput writes for --from START --until UNTIL, as it selects them (times
    relative to the file's first event; SYN_DROPPED left out): [(type, code, value)]."""
    out, first = [], None
    with open(path) as f:
        for line in f:
            if not line.startswith("E:"):
                continue
            p = line.split()
            t = float(p[1])
            first = t if first is None else first
            if t - first < start:
                continue
            if t - first > until:
                break
            typ, code = int(p[2], 16), int(p[3], 16)
            if typ == 0 and code == 3:
                continue
            out.append((typ, code, int(p[4])))
    return out


def slice_frames(events, n):
    """The MSC_TIMESTAMPs of the complete frames among the first `n` events of a slice."""
    out, msc = [], None
    for typ, code, value in events[:n]:
        if typ == 4 and code == 5:
            msc = value & 0xFFFFFFFF
        elif typ == 0 and code == 0:
            out.append(msc)
            msc = None
    return out


def written_bytes(pid):
    """Bytes process `pid` has passed to write(2) so far (/proc/PID/io wchar)."""
    m = re.search(r"^wchar: (\d+)$", read_text(f"/proc/{pid}/io"), re.M)
    return int(m.group(1)) if m else None


def frames_in_file(path):
    return read_text(path).count("SYN_REPORT (")


def kill_run(t, command, i, delay, settled, played, truth):
    """One kill: a fresh node playing the hold, formcheck `command` on it, SIGKILL `delay` s after
    playing starts. Returns what the host analysis needs."""
    tag = f"kill-{command}-{i:02d}"
    dev = Proc([HELPER, played, "--play", played, "--from", str(KILL_FROM), "--until", str(KILL_UNTIL), "--wait"], stdin=True)
    m = dev.wait_for(r"^device (/dev/input/event\d+)$", 20)
    if not m:
        dev.stop()
        raise Failed(f"fc-uinput made no node: {dev.output()}")
    node = m.group(1)
    wait_until(lambda: os.path.exists(node), 5)
    record = os.path.join(TMP, tag + ".record.evemu")
    if command == "record":
        err = os.path.join(TMP, tag + ".err")
        proc = Proc([FC, "record", node, "-o", record], stdout=open(os.devnull, "w"), stderr=open(err, "w"))
    else:
        proc = Live(node, truth, tag).proc
    # What the kernel was sent: the player's writes are whole input_events (24 bytes), each batch
    # in one write(2), so what it wrote since "go" counts the events every reader was delivered.
    baseline = written_bytes(dev.p.pid)
    sent = lambda: (written_bytes(dev.p.pid) - baseline) // 24
    try:
        pid = proc.p.pid
        ok = wait_until(lambda: (has_open(pid, node) and polling(pid)) or proc.p.poll() is not None, 30)
        t.require(ok and proc.p.poll() is None, f"{tag}: formcheck {command} is not reading {node} (exit {proc.p.poll()})")
        baseline = written_bytes(dev.p.pid)
        dev.send("go")
        time.sleep(delay)  # the kill moment (what is checked is the file against what was sent)
        waited = None
        if settled:
            os.kill(dev.p.pid, signal.SIGSTOP)
            wait_until(lambda: read_text(f"/proc/{dev.p.pid}/stat").rsplit(")", 1)[-1].split()[:1] == ["T"], 5, 0.01)
            at_kill = sent()
            delivered = len(slice_frames(SLICE, at_kill))
            start = time.monotonic()
            # Waiting for what the check needs: formcheck has written every frame it was sent.
            wait_until(lambda: frames_in_file(record) >= delivered, 10, 0.02)
            waited = time.monotonic() - start
            at_kill = sent()
        else:
            at_kill = sent()
        os.kill(pid, signal.SIGKILL)
        after = sent()  # frames sent between that count and the kill may be in the file too
        proc.p.wait(10)
        t.check(proc.p.returncode == -signal.SIGKILL, f"{tag}: formcheck ended with {proc.p.returncode}, not by SIGKILL")
    finally:
        proc.stop()
        if dev.p.poll() is None:
            os.kill(dev.p.pid, signal.SIGCONT)
        dev.stop()
    return {"tag": tag, "delay": delay, "settled": settled, "sent": at_kill, "sent_after": after, "waited": waited}


def test_kill(t, command):
    global SLICE
    _, played, truth = scenario("vm-hamstring-dualsense")
    SLICE = played_slice(played, KILL_FROM, KILL_UNTIL)
    runs = [kill_run(t, command, i, d, s, played, truth) for i, (d, s) in enumerate(kill_plan(command))]
    t.defer("kill", tag=f"kill-{command}", played=played, command=command, runs=runs)


def test_kill_record(t):
    """formcheck record killed 10 times (SIGKILL) at seeded moments while a node plays."""
    test_kill(t, "record")


def test_kill_live(t):
    """formcheck live --record killed 10 times (SIGKILL) at seeded moments while a node plays."""
    test_kill(t, "live")


def analyse_kill(t, p):
    """Every recording a kill left: libevemu reads it whole, formcheck inspect reads it (status
    0), it ends with a complete frame, and its frames are exactly the first frames the kernel
    delivered, with the played values. A settled kill (the player frozen, formcheck given the
    time to write) must have every delivered frame; a free kill may lose what formcheck had not
    yet read or was writing (reported as the lag)."""
    ref = {m: s for m, s, _ in frames(p["played"]) if m is not None}
    sliced = played_slice(p["played"], KILL_FROM, KILL_UNTIL)
    art = os.path.dirname(p["record"])
    lags, written = [], 0
    for run_ in p["runs"]:
        tag = run_["tag"]
        path = os.path.join(art, tag + ".record.evemu")
        what = f"{tag} (killed {run_['delay']} s in, {'settled' if run_['settled'] else 'free'})"
        if not t.check(os.path.exists(path), f"{what}: no recording"):
            continue
        r = run([HELPER, "--check", path])
        t.check(r.returncode == 0, f"{what}: libevemu cannot read the recording: {r.stderr.strip()}")
        r = run([FC, "inspect", "--format", "json", path])
        t.check(r.returncode == 0, f"{what}: formcheck inspect: status {r.returncode}: {r.stderr.strip()}")
        events = [l for l in read_text(path).splitlines() if l.startswith("E:")]
        # A free kill may come before formcheck has written a frame (its start-up is slower when
        # the host is busy): the description alone is a whole recording; a settled kill must have
        # every delivered frame (below), so it cannot pass with none.
        t.check(events[-1].split()[2:4] == ["0000", "0000"] if events else not run_["settled"],
                f"{what}: the file does not end with a SYN_REPORT")
        t.check(read_text(path).endswith("\n"), f"{what}: the file ends mid-line")
        rec = frames(path)
        got = [m for m, _, _ in rec]
        delivered = slice_frames(sliced, run_["sent"])
        seen = slice_frames(sliced, run_["sent_after"])
        t.check(got == seen[:len(got)], f"{what}: the recording's {len(got)} frames are not the first frames sent"
                                        f" (first difference at {next((k for k, (a, b) in enumerate(zip(got, seen)) if a != b), min(len(got), len(seen)))})")
        bad = sum(1 for m, s, _ in rec if m in ref and any(v is not None and v != w for v, w in zip(s, ref[m])))
        t.check(bad == 0, f"{what}: {bad} frames differ from what was played")
        t.check(len(got) <= len(seen), f"{what}: more frames recorded ({len(got)}) than sent ({len(seen)})")
        lag = len(delivered) - len(got)
        if run_["settled"]:
            t.check(lag == 0 and len(seen) == len(delivered),
                    f"{what}: {len(got)} frames in the recording, {len(delivered)} sent before the kill")
        else:
            lags.append(max(lag, 0))
        written += len(got)
    settled = [r_ for r_ in p["runs"] if r_["settled"]]
    t.note(f"{len(p['runs'])} kills of formcheck {p['command']} ({len(settled)} settled: every delivered frame"
           f" in the file, written within {max((r_['waited'] or 0) for r_ in settled):.2f} s of the player freezing;"
           f" {len(lags)} free: {sum(lags)} frames in all not yet written at the kill, at most {max(lags, default=0)}"
           f" (4 ms each)); {written} frames read back")


TESTS = {
    "devices": test_devices,
    "live-vs-replay": test_live_vs_replay,
    "overflow-sigint": test_overflow_sigint,
    "pain-sigint": test_pain_sigint,
    "unplug-no-uniq": test_unplug_no_uniq,
    "udev-rule": test_udev_rule,
    "dualsense-uhid": test_dualsense_uhid,
    "unplug-reconnect": test_unplug_reconnect,
    "joycon-uhid": test_joycon_uhid,
    "joycon-reconnect": test_joycon_reconnect,
    "pair-routine": test_pair_routine,
    "kill-record": test_kill_record,
    "kill-live": test_kill_live,
    "record": test_record,
    "deb": test_deb,
}
# Run only when named (Tests/VM/run-tests deb; make deb-test): they need something make test does
# not build.
OPT_IN = {"deb"}

ANALYSES = {
    "live_vs_replay": analyse_live_vs_replay,
    "overflow_sigint": analyse_overflow_sigint,
    "unplug_no_uniq": analyse_unplug_no_uniq,
    "dualsense_uhid": analyse_dualsense_uhid,
    "unplug_reconnect": analyse_unplug_reconnect,
    "joycon_uhid": analyse_joycon_uhid,
    "joycon_reconnect": analyse_joycon_reconnect,
    "pair_routine": analyse_pair_routine,
    "kill": analyse_kill,
    "record": analyse_record,
}

# Stages run one after the other; the chains of a stage side by side (the guest has two CPUs and
# the sessions mostly wait for real time to pass), the tests of a chain one after the other.
# devices counts every motion node, so it runs alone; deb and record run beside the kill tests,
# whose checks (the files against what was sent) do not depend on how fast the guest is.
# pain-sigint (about 38 s) follows joycon-reconnect, which ends 40 s before pair-routine does.
PLAN = [
    [["devices"]],
    [["live-vs-replay", "overflow-sigint", "unplug-no-uniq"], ["udev-rule", "dualsense-uhid", "unplug-reconnect"]],
    [["joycon-uhid"], ["joycon-reconnect", "pain-sigint"], ["pair-routine"]],
    [["kill-record", "deb"], ["kill-live", "record"]],
]

LOCK = threading.Lock()
RESULTS = {}


def run_test(name):
    t = Test(name)
    start = time.monotonic()
    try:
        TESTS[name](t)
    except Failed as e:
        if e.args:
            t.failures.append(str(e.args[0]))
    except Exception:
        t.failures.append(traceback.format_exc())
    took = time.monotonic() - start
    with LOCK:
        RESULTS[name] = {"failures": t.failures, "notes": t.notes, "deferred": t.deferred, "took": took}
        state = "FAIL" if t.failures else "ran" if t.deferred else "PASS"
        print(f"guest: {state} {name} ({took:.1f} s)" + (" — analysed on the host next" if state == "ran" else ""), flush=True)
        for f in t.failures:
            print("  - " + f.replace("\n", "\n    "), flush=True)


def guest(only):
    os.makedirs(TMP, exist_ok=True)
    start = time.monotonic()
    for stage in PLAN:
        chains = [[n for n in chain if n in only] for chain in stage]
        threads = [threading.Thread(target=lambda c=c: [run_test(n) for n in c]) for c in chains if c]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
    Emulator.close()
    print(f"guest: the tests took {time.monotonic() - start:.1f} s (load average {read_text('/proc/loadavg').split()[0]})", flush=True)
    with open(os.path.join(TMP, "results.json"), "w") as f:
        json.dump({"order": [n for n in TESTS if n in RESULTS], "results": RESULTS}, f, indent=1)
    job = os.environ.get("FORMCHECK_VM_JOB")
    if job and os.path.isdir(job):
        shutil.copytree(TMP, os.path.join(job, "artifacts"), dirs_exist_ok=True)
    sys.exit(1 if any(r["failures"] for r in RESULTS.values()) else 0)


def analyse(art):
    """Host: the deferred analyses, then every test's result and the closing count."""
    path = os.path.join(art, "results.json")
    if not os.path.exists(path):
        print(f"vm-test: the guest left no results ({path})")
        print("vm-test: 0 passed, 1 failed")
        sys.exit(1)
    with open(path) as f:
        data = json.load(f)
    passed = failed = 0
    for name in data["order"]:
        r = data["results"][name]
        t = Test(name)
        t.failures, t.notes = list(r["failures"]), list(r["notes"])
        start = time.monotonic()
        for d in r["deferred"]:
            p = dict(d["params"])
            tag = p.pop("tag")
            p["live"] = os.path.join(art, tag + ".live.jsonl")
            p["record"] = os.path.join(art, tag + ".record.evemu")
            try:
                ANALYSES[d["analysis"]](t, p)
            except Failed as e:
                if e.args:
                    t.failures.append(str(e.args[0]))
            except Exception:
                t.failures.append(traceback.format_exc())
        took = r["took"] + time.monotonic() - start
        if t.failures:
            failed += 1
            print(f"FAIL {name} ({took:.1f} s)")
            for f in t.failures:
                print("  - " + f.replace("\n", "\n    "))
        else:
            passed += 1
            print(f"PASS {name} ({took:.1f} s)")
        for n in t.notes:
            print("    " + n)
    print(f"vm-test: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def prepare():
    """Host, before the guest: replay and angles of every rendered scenario."""
    for truth_path in sorted(glob.glob(os.path.join(WORK, "*.truth.json"))):
        base = truth_path[: -len(".truth.json")]
        with open(truth_path) as f:
            truth = json.load(f)
        for path in (base + ".evemu", base + ".fuzz0.evemu"):
            r = run([FC, "replay", *coaching_args(truth), path], timeout=300)
            if r.returncode != 0:
                sys.exit(f"formcheck replay {path}: exit status {r.returncode}: {r.stderr.strip()}")
            with open(path + ".replay.jsonl", "w") as f:
                f.write(r.stdout)
            r = run([FC, "angles", path, "--format", "csv", "--mode", "live"], timeout=300)
            with open(path + ".angles.csv", "w") as f:
                f.write(r.stdout)


def selftest():
    """Host: the comparisons catch what they are there to catch (with the stand-in orientation
    filter the sessions have few events, so the VM runs alone would not show it)."""
    def session(holds, errors, calibrated=6.8, end=31.0, mean=70.0):
        """Events as formcheck writes them: a hold is confirmed (holdStarted) 5 s after its start
        and ended (holdEnded) 3 s after its end."""
        events = [{"type": "calibrated", "t": calibrated, "posture": "supine"}]
        for i, (a, b) in enumerate(holds):
            events += [{"type": "holdStarted", "t": a + 5, "start": a, "rep": i + 1, "side": "right", "flexion": mean},
                       {"type": "holdEnded", "t": b + 3, "start": a, "end": b, "rep": i + 1, "side": "right", "duration": b - a,
                        "complete": True}]
        events += [{"type": "formError", "t": t, "kind": k, "rep": r, "message": ""} for k, r, t in errors]
        events.sort(key=lambda e: e["t"])
        events.append({"type": "summary", "t": end, "holds": [{"rep": i + 1, "start": a, "end": b, "complete": True, "meanFlexion": mean,
                                                              "peakFlexion": mean + 0.5} for i, (a, b) in enumerate(holds)],
                       "formErrors": [{"kind": k, "rep": r, "t": t} for k, r, t in errors]})
        return events

    def shifted(events, after, by):
        """The events with every time at or after `after` made `by` later (a delivery stall)."""
        out = json.loads(json.dumps(events))
        for e in out:
            for h in [e] + e.get("holds", []):
                for k in ("t", "start", "end"):
                    if k in h and h[k] >= after:
                        h[k] = round(h[k] + by, 6)
        return out

    holds, errors = [(5.5, 13.5), (19.4, 27.6)], [("shallow", 2, 20.0)]
    base = session(holds, errors)
    cases = [
        ("the same", base, (), True),
        ("every time 8 ms later", shifted(base, 0, 0.008), (), True),
        ("a hold starting 15 ms later", session([(5.515, 13.5), (19.4, 27.6)], errors), (), False),
        ("a hold missing", session([(5.5, 13.5)], errors), (), False),
        ("another form error", session(holds, [("bouncing", 2, 20.0)]), (), False),
        ("no form error", session(holds, []), (), False),
        ("ending 15 ms later", session(holds, errors, end=31.015), (), False),
        ("hold angles 0.1° apart", session(holds, errors, mean=70.1), (), True),
        ("hold angles 0.2° apart", session(holds, errors, mean=70.2), (), False),
        ("a 0.3 s stall at 5 s", shifted(base, 5.0, 0.3), [(5.0, 0.3)], True),
        ("a 0.3 s stall at 5 s, not measured", shifted(base, 5.0, 0.3), (), False),
        ("a 0.3 s stall at 5 s, measured at 15 s", shifted(base, 5.0, 0.3), [(15.0, 0.3)], False),
        ("a 0.3 s stall measured at 5 s that did not delay", base, [(5.0, 0.3)], False),
    ]
    bad = []
    for what, live, stalls, agree in cases:
        t = Test("selftest")
        compare_sessions(t, live, base, "a", "b", stalls)
        if (not t.failures) != agree:
            bad.append(f"compare_sessions with {what}: {'agreed' if not t.failures else 'disagreed'} ({t.failures})")
    # check_truth: the holds within TRUTH_TOL of the truth's (the stalls before them taken off),
    # the truth's form errors.
    truth = {"holds": [{"start": a, "end": b} for a, b in holds], "formErrors": [{"kind": "shallow", "rep": 2}]}
    for what, live, stalls, agree in [
            ("the truth", base, (), True),
            ("holds 0.14 s late", session([(a + 0.14, b + 0.14) for a, b in holds], errors), (), True),
            ("a hold end 0.16 s early", session([(5.5, 13.34), (19.4, 27.6)], errors), (), False),
            ("a 0.3 s stall at 5 s", shifted(base, 5.0, 0.3), [(5.0, 0.3)], True),
            ("a 0.3 s stall at 5 s, not measured", shifted(base, 5.0, 0.3), (), False),
            ("no form error", session(holds, []), (), False)]:
        t = Test("selftest")
        check_truth(t, live[-1], truth, "a", stalls, enforce=True)
        if (not t.failures) != agree:
            bad.append(f"check_truth with {what}: {'agreed' if not t.failures else 'disagreed'} ({t.failures})")
    # check_record: a changed value, and a frame lost without a SYN_DROPPED, are caught.
    played = os.path.join(WORK, "vm-hamstring-joycon.fuzz0.evemu")
    if os.path.exists(played):
        lines = read_text(played).splitlines(keepends=True)
        events = [i for i, l in enumerate(lines) if l.startswith("E:")]
        abs_line = next(i for i in events[len(events) // 2:] if lines[i].split()[2] == "0003")
        reports = [i for i in events[len(events) // 2:] if lines[i].split()[2:4] == ["0000", "0000"]][:2]
        changed = lines[:]
        p = changed[abs_line].split()
        changed[abs_line] = " ".join(p[:4] + [str(int(p[4]) + 1)]) + "\n"
        lost = lines[:reports[0] + 1] + lines[reports[1] + 1:]
        for what, text in (("a changed value", changed), ("a frame lost without SYN_DROPPED", lost)):
            path = os.path.join(WORK, "selftest.evemu")
            with open(path, "w") as f:
                f.writelines(text)
            t = Test("selftest")
            try:
                check_record(t, path, played, expect_gaps=0)
            except Failed:
                pass
            if not t.failures:
                bad.append(f"check_record does not notice {what}")
            os.remove(path)
        t = Test("selftest")
        check_record(t, played, played, expect_gaps=0)
        if t.failures:
            bad.append(f"check_record fails the played file itself: {t.failures}")
    # analyse_kill: the first frames sent pass; a lost last frame (settled), a frame missing in the
    # middle and a changed value are caught.
    played = os.path.join(WORK, "vm-hamstring-dualsense.fuzz0.evemu")
    if os.path.exists(played):
        header = [l for l in read_text(played).splitlines(keepends=True) if not l.startswith("E:")]
        sliced = played_slice(played, KILL_FROM, KILL_UNTIL)
        ends = [i + 1 for i, (typ, code, _) in enumerate(sliced) if typ == 0 and code == 0]
        sent = ends[99]  # 100 frames
        def lines(events):
            out, frame = [], 0
            for typ, code, value in events:
                us = 1 + 4000 * frame
                out.append(f"E: {us // 1000000}.{us % 1000000:06d} {typ:04x} {code:04x} {value:04d}\n")
                frame += typ == 0 and code == 0
            return out
        good = sliced[:sent]
        changed = list(good)
        k = next(i for i in range(ends[50], ends[51]) if changed[i][0] == 3)
        changed[k] = (changed[k][0], changed[k][1], changed[k][2] + 1)
        cases = [("the first frames sent", good, True),
                 ("a settled kill's last frame lost", sliced[:ends[98]], False),
                 ("a frame missing in the middle", sliced[:ends[49]] + sliced[ends[50]:sent], False),
                 ("a changed value", changed, False)]
        folder = os.path.join(WORK, "selftest-kill")
        os.makedirs(folder, exist_ok=True)
        for what, events, ok in cases:
            with open(os.path.join(folder, "selftest-kill-00.record.evemu"), "w") as f:
                f.writelines(header + lines(events))
            t = Test("selftest")
            run_ = {"tag": "selftest-kill-00", "delay": 1.0, "settled": True, "sent": sent, "sent_after": sent, "waited": 0.0}
            analyse_kill(t, {"played": played, "record": os.path.join(folder, "x.record.evemu"), "runs": [run_], "command": "record"})
            if (not t.failures) != ok:
                bad.append(f"analyse_kill with {what}: {'passed' if not t.failures else 'failed'} ({t.failures})")
        shutil.rmtree(folder)
    if bad:
        sys.exit("vm_tests.py --selftest:\n  " + "\n  ".join(bad))


def main():
    args = sys.argv[1:]
    if args == ["--prepare"]:
        selftest()
        prepare()
    elif args[:1] == ["--analyse"] and len(args) == 2:
        analyse(args[1])
    else:
        # NAME runs that test; +NAME adds an opt-in test to the default set (make test: +deb).
        names = {a.lstrip("+") for a in args}
        unknown = names - set(TESTS)
        if unknown:
            sys.exit(f"unknown tests {sorted(unknown)}; the tests: {', '.join(TESTS)}")
        only = {a for a in args if not a.startswith("+")}
        extra = {a[1:] for a in args if a.startswith("+")}
        guest(only | (extra if only else (set(TESTS) - OPT_IN) | extra))


if __name__ == "__main__":
    main()
