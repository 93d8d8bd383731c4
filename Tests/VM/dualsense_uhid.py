"""DualSense controllers (USB) on /dev/uhid, for the VM tests: hid-tools' PS5ControllerUSB answers
the kernel's feature-report requests, so the real hid-playstation driver binds to each and creates
its real "Motion Sensors", gamepad and touchpad nodes; this program then feeds a controller's
accelerometer, gyroscope and sensor clock from a simulator recording of a DualSense (evemu, the
driver's units).

hid-tools (GPL-2.0) is a test tool here, installed in the VM tests' venv; nothing of it ships.
Importing it takes about 10 s under emulation, so one process serves every controller of a run.

Commands on stdin, one per line; answers on stdout:
    create ID UNIQ                 -> "ready ID MOTION-NODE GAMEPAD-NODE TOUCHPAD-NODE"
    play ID RECORDING FROM [UNTIL] -> "playing ID FROM" at once, "played ID N FROM" when the
                                      frames from FROM to UNTIL (seconds from the recording's
                                      first frame) were sent at their own pace (in the background:
                                      other commands go on). FROM "resume:OTHER" is where the
                                      clock of controller OTHER (gone, say) would be now.
    destroy ID                     -> "destroyed ID" (the controller is unplugged)
Errors are answered "error ID MESSAGE". End of stdin destroys every controller.

The controller's clock counts from the recording's first frame, so a node's MSC_TIMESTAMP is the
recording's minus that of its first frame (modulo 2^32), whichever part is played. When the
sender falls behind (emulation hiccups), it carries on from where it is instead of sending the
backlog at once, as a controller would: the reader's buffer would overflow.
"""
import os
import struct
import sys
import threading
import time
from pathlib import Path

from hidtools.device.sony_gamepad import PS5ControllerUSB

ABS = {0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5}
LOCK = threading.Lock()


def say(line):
    with LOCK:
        print(line, flush=True)


def frames(path):
    """The recording's frames as (device µs, kernel time s, accel (x,y,z), gyro (x,y,z)), every
    axis's value held from frame to frame as the kernel does."""
    state = [0] * 6
    stamp = None
    out = []
    with open(path) as f:
        for line in f:
            if not line.startswith("E:"):
                continue
            _, t, typ, code, value = line.split()[:5]
            typ, code = int(typ, 16), int(code, 16)
            if typ == 3 and code in ABS:
                state[ABS[code]] = int(value)
            elif typ == 4 and code == 5:
                stamp = int(value) & 0xFFFFFFFF
            elif typ == 0 and code == 0 and stamp is not None:
                out.append((stamp, float(t), tuple(state[:3]), tuple(state[3:])))
    return out


class Controller(PS5ControllerUSB):
    """PS5ControllerUSB whose reports carry the sensor clock (hid-tools leaves it at 0), built fast
    enough for 250 Hz under emulation: a template report with gyro, accel and clock patched in."""

    GYRO, ACCEL, CLOCK = 16, 22, 28  # byte offsets in the USB input report (after the report ID)

    def __init__(self, uniq):
        super().__init__()
        self.uniq = uniq
        # hid-tools' gyroscope calibration says bias 0, but its calibration report has biases
        # (-1, -14, 4) that newer hid-playstation versions apply: report 0 so every kernel agrees.
        self.gyroscope_calibration_data = {k: dict(v, bias=0) for k, v in self.gyroscope_calibration_data.items()}
        self.template = bytearray(self.create_report(accel=(0, 0, 0), gyro=(0, 0, 0)))

    def get_report(self, req, rnum, rtype):
        err, data = super().get_report(req, rnum, rtype)
        if rnum == 0x05 and not err:
            data = list(data)
            data[1:7] = [0] * 6  # gyro pitch, yaw, roll bias
        return err, data

    @staticmethod
    def uncalibrate(value, c):
        """The raw value the driver turns into `value`: inverse of (raw - bias) * numer / denom."""
        return round(value * c["denom"] / c["numer"] + c["bias"])

    def send(self, micros, accel, gyro):
        """One input report; `micros` is the controller's clock in µs."""
        r = self.template
        a = [self.uncalibrate(v, self.accelerometer_calibration_data[k]) for v, k in zip(accel, "xyz")]
        g = [self.uncalibrate(v, self.gyroscope_calibration_data[k]) for v, k in zip(gyro, "xyz")]
        clip = lambda v: max(-32768, min(32767, v))
        struct.pack_into("<3h", r, self.GYRO, *map(clip, g))
        struct.pack_into("<3h", r, self.ACCEL, *map(clip, a))
        # The DualSense clock counts in units of 1/3 µs (hid-playstation divides by 3).
        struct.pack_into("<I", r, self.CLOCK, (micros * 3) & 0xFFFFFFFF)
        self.call_input_event(r)

    def nodes(self):
        """Event nodes of this HID device: name -> /dev/input/eventN."""
        found = {}
        if self.sys_path is None:
            return found
        for ev in Path(self.sys_path).glob("input/input*/event*"):
            name = (ev.parent / "name").read_text().strip()
            found[name] = "/dev/input/" + ev.name
        return found


CONTROLLERS = {}
RECORDINGS = {}
LAST_SENT = {}  # controller -> (recording time of its last frame sent, time.monotonic() then)


def create(cid, uniq):
    dev = Controller(uniq)
    dev.create_kernel_device()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        dev.dispatch(0.05)
        n = dev.nodes()
        motion = [p for name, p in n.items() if name.endswith("Motion Sensors")]
        touch = [p for name, p in n.items() if name.endswith("Touchpad")]
        pad = [p for name, p in n.items() if not name.endswith(("Motion Sensors", "Touchpad"))]
        if motion and touch and pad and all(os.path.exists(p) for p in motion + touch + pad):
            CONTROLLERS[cid] = dev
            say(f"ready {cid} {motion[0]} {pad[0]} {touch[0]}")
            return
    dev.destroy()
    say(f"error {cid} hid-playstation made no Motion Sensors, gamepad and touchpad nodes (nodes: {dev.nodes()})")


def play(cid, path, begin, end):
    dev = CONTROLLERS[cid]
    if path not in RECORDINGS:
        RECORDINGS[path] = frames(path)
    data = RECORDINGS[path]
    base_us, base_t = data[0][0], data[0][1]
    if isinstance(begin, str):  # resume:OTHER
        t_last, sent = LAST_SENT[begin.split(":", 1)[1]]
        begin = t_last + (time.monotonic() - sent)
    part = [((m - base_us) & 0xFFFFFFFF, t - base_t, a, g) for m, t, a, g in data if begin <= t - base_t <= end]
    say(f"playing {cid} {part[0][1] if part else begin:.6f}")
    start = time.monotonic() - part[0][1] if part else 0
    n = 0
    for micros, t, accel, gyro in part:
        late = time.monotonic() - (start + t)
        if late > 0.03:
            start += late  # fallen behind: carry on from here rather than send the backlog at once
        elif late < 0:
            time.sleep(-late)
        if cid not in CONTROLLERS:
            break  # unplugged meanwhile
        dev.send(micros, accel, gyro)
        LAST_SENT[cid] = (t, time.monotonic())
        n += 1
    say(f"played {cid} {n} {begin}")


def main():
    say("started")
    lines = []
    cond = threading.Condition()

    def reader():
        for line in sys.stdin:
            with cond:
                lines.append(line.split())
        with cond:
            lines.append(None)

    threading.Thread(target=reader, daemon=True).start()
    while True:
        # Keep answering the kernel (feature requests while probing, output reports: LEDs, rumble).
        Controller.dispatch(0.02)
        with cond:
            cmd = lines.pop(0) if lines else []
        if cmd is None:
            break
        if not cmd:
            continue
        try:
            if cmd[0] == "create":
                create(cmd[1], cmd[2])
            elif cmd[0] == "play":
                end = float(cmd[4]) if len(cmd) > 4 else 1e18
                begin = cmd[3] if cmd[3].startswith("resume:") else float(cmd[3])
                if cmd[1] not in CONTROLLERS:
                    raise KeyError(f"no controller {cmd[1]}")
                threading.Thread(target=play, args=(cmd[1], cmd[2], begin, end), daemon=True).start()
            elif cmd[0] == "destroy":
                dev = CONTROLLERS.pop(cmd[1])
                dev.destroy()
                say(f"destroyed {cmd[1]}")
            else:
                say(f"error - unknown command {cmd}")
        except Exception as e:  # report and go on serving the other controllers
            say(f"error {cmd[1] if len(cmd) > 1 else '-'} {type(e).__name__}: {e}")
    for dev in CONTROLLERS.values():
        dev.destroy()


if __name__ == "__main__":
    main()
