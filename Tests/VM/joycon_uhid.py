"""Joy-Cons (left and right, Bluetooth) on /dev/uhid, for the VM tests: the real hid-nintendo driver
binds to each and makes its real gamepad and IMU nodes; this program answers the driver's probe and
then feeds the IMU from a simulator recording of a Joy-Con (evemu, the driver's units).

Written for this project from the driver's source (drivers/hid/hid-nintendo.c) and the public
protocol notes (dekuNukem/Nintendo_Switch_Reverse_Engineering); it talks to /dev/uhid directly
(no hid-tools), so it starts in well under a second even under emulation.

What the controller does, as the driver sees it:
  - a HID report descriptor declaring the Joy-Con's input reports (0x21 subcommand reply, 0x30
    standard full report, 0x31, 0x3F, 0x81) and output reports (0x01 rumble + subcommand, 0x10
    rumble only, 0x11, 0x80), 48 bytes each after the ID as on the real controller;
  - answers to every subcommand (output report 0x01) with an input report 0x21 that acknowledges
    it: device info (0x02: firmware, controller type 1 = left / 2 = right, the MAC address), SPI
    flash reads (0x10) from a flash image holding the factory stick calibration (0x603D, 0x6046),
    no user stick calibration (0x8010, 0x801B: no magic), factory IMU calibration (0x6020) and a
    user IMU calibration (magic at 0x8026, data at 0x8028) that the driver must prefer; report mode
    (0x03), vibration (0x48), IMU (0x40), player and home lights (0x30, 0x38) and anything else with
    a plain ACK;
  - then, when told to play, a standard full report (0x30) every 15 ms carrying three IMU samples,
    the simulation's frames in the controller's raw units. The flash's user IMU calibration has
    offset 0, so the driver's arithmetic is the identity (accelerometer: raw × scale / (scale −
    offset); gyroscope: 1000 × (raw − offset) × scale / (scale − offset)): raw = the node's value
    (gyroscope / 1000); the right Joy-Con's driver negates Y and Z of both, so they are sent negated.
    The factory IMU calibration has offsets (50, −40, 30 / 30, −20, 10): a driver that used it
    instead would show in every value.

Commands on stdin, one per line; answers on stdout:
    create ID left|right MAC     -> "ready ID IMU-NODE GAMEPAD-NODE"
    play ID RECORDING FROM [UNTIL]
                                 -> "playing ID FROM" at once, "played ID N FROM" when the reports
                                    from FROM to UNTIL (seconds from the recording's first frame)
                                    were sent at their own pace, N frames (3 per report), in the
                                    background. FROM "resume:OTHER": where controller OTHER's
                                    clock would be now.
    load RECORDING               -> "loaded RECORDING N" once its N reports are read (so that
                                    two controllers' plays can start together: a pair's)
    destroy ID                   -> "destroyed ID" (the controller is unplugged)
Errors are answered "error ID MESSAGE". End of stdin destroys every controller.

When the sender falls behind (emulation hiccups) it carries on from where it is instead of sending
the backlog at once, as a controller would.
"""
import os
import select
import struct
import sys
import threading
import time
from pathlib import Path

# /dev/uhid events (include/uapi/linux/uhid.h)
UHID_DESTROY, UHID_START, UHID_STOP, UHID_OPEN, UHID_CLOSE, UHID_OUTPUT = 1, 2, 3, 4, 5, 6
UHID_GET_REPORT, UHID_GET_REPORT_REPLY, UHID_CREATE2, UHID_INPUT2 = 9, 10, 11, 12
UHID_SET_REPORT, UHID_SET_REPORT_REPLY = 13, 14
EVENT_SIZE = 4 + 4372  # sizeof(struct uhid_event): the type and the largest member (create2)
BUS_BLUETOOTH = 0x05
VENDOR = 0x057E
PRODUCT = {"left": 0x2006, "right": 0x2007}
TYPE = {"left": 0x01, "right": 0x02}

LOCK = threading.Lock()


def say(line):
    with LOCK:
        print(line, flush=True)


def descriptor():
    """A vendor-defined report descriptor with the Joy-Con's report IDs and sizes."""
    d = bytes([0x05, 0x01, 0x09, 0x05, 0xA1, 0x01,  # Generic Desktop, Gamepad, Application
               0x06, 0x01, 0xFF, 0x15, 0x00, 0x26, 0xFF, 0x00, 0x75, 0x08])  # vendor page, 0..255, 8 bits
    def report(main, rid, count, usage):
        c = bytes([0x95, count]) if count < 256 else bytes([0x96, count & 0xFF, count >> 8])
        return bytes([0x85, rid, 0x09, usage]) + c + bytes([main, 0x02])
    for rid, n in ((0x21, 48), (0x30, 48), (0x31, 361), (0x3F, 11), (0x81, 48)):
        d += report(0x81, rid, n, 0x01)
    for rid, n in ((0x01, 48), (0x10, 9), (0x11, 48), (0x80, 48)):
        d += report(0x91, rid, n, 0x02)
    return d + bytes([0xC0])


def stick(a, b):
    """Two 12-bit values in three bytes, as the controller packs them."""
    return bytes([a & 0xFF, ((a >> 8) & 0x0F) | ((b & 0x0F) << 4), (b >> 4) & 0xFF])


def imu_cal(accel_offset, accel_scale, gyro_offset, gyro_scale):
    return struct.pack("<12h", *accel_offset, *accel_scale, *gyro_offset, *gyro_scale)


def flash():
    """The controller's SPI flash, as far as the driver reads it (unwritten bytes are 0xFF)."""
    f = bytearray(b"\xff" * 0x80000)
    f[0x6020:0x6038] = imu_cal((50, -40, 30), (16384,) * 3, (30, -20, 10), (13371,) * 3)   # factory IMU
    f[0x603D:0x6046] = stick(1400, 1400) + stick(2048, 2048) + stick(1400, 1400)           # left stick
    f[0x6046:0x604F] = stick(2048, 2048) + stick(1400, 1400) + stick(1400, 1400)           # right stick
    f[0x6050:0x605C] = bytes([0x0A, 0xB9, 0xE6, 0x1E, 0x0A, 0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])  # colours
    f[0x8026:0x8028] = bytes([0xB2, 0xA1])                                                 # user IMU magic
    f[0x8028:0x8040] = imu_cal((0, 0, 0), (16000,) * 3, (0, 0, 0), (13000,) * 3)           # user IMU
    return f


def reports(path):
    """The recording's frames grouped into the controller's reports (the three frames of one report
    reach the kernel together: within 1 ms): list of (kernel time s, [(accel, gyro)] * 3). Every
    axis's value is held from frame to frame, as the kernel does."""
    state = [0] * 6
    out = []
    with open(path) as f:
        for line in f:
            if not line.startswith("E:"):
                continue
            _, t, typ, code, value = line.split()[:5]
            typ, code, t = int(typ, 16), int(code, 16), float(t)
            if typ == 3 and code < 6:
                state[code] = int(value)
            elif typ == 0 and code == 0:
                if not out or t - out[-1][0] > 0.001 or len(out[-1][1]) == 3:
                    out.append((t, []))
                out[-1][1].append((tuple(state[:3]), tuple(state[3:])))
    return [(t, s) for t, s in out if len(s) == 3]


class JoyCon:
    """One emulated Joy-Con: a uhid device and a thread answering the driver."""

    def __init__(self, side, mac):
        self.side, self.mac = side, bytes(int(x, 16) for x in mac.split(":"))
        self.flash = flash()
        self.fd = os.open("/dev/uhid", os.O_RDWR | os.O_CLOEXEC)
        self.timer = 0
        self.write_lock = threading.Lock()
        self.alive = True
        self.opened = threading.Event()
        self.subcommands = []
        rd = descriptor()
        name = f"Joy-Con ({'L' if side == 'left' else 'R'})".encode()
        ev = struct.pack("<I128s64s64sHHIIII", UHID_CREATE2, name, b"formcheck-vm/joycon", mac.lower().encode(),
                         len(rd), BUS_BLUETOOTH, VENDOR, PRODUCT[side], 0x0001, 0) + rd
        self._write(ev)
        self.reader = threading.Thread(target=self._serve, daemon=True)
        self.reader.start()

    def _write(self, ev):
        with self.write_lock:
            os.write(self.fd, ev.ljust(EVENT_SIZE, b"\0"))

    def _input(self, report):
        self._write(struct.pack("<IH", UHID_INPUT2, len(report)) + report)

    def _header(self, rid):
        """Report ID, timer, battery (full) and connection (Bluetooth Joy-Con), buttons none,
        sticks centred, vibrator report 0."""
        self.timer = (self.timer + 1) & 0xFF
        sticks = stick(2048, 2048) * 2
        return bytes([rid, self.timer, 0x8E, 0, 0, 0]) + sticks + bytes([0x00])

    def _reply(self, subcmd, ack, data=b""):
        r = self._header(0x21) + bytes([ack, subcmd]) + data
        self._input(r.ljust(49, b"\0"))

    def _subcommand(self, sid, args):
        self.subcommands.append(sid)
        if sid == 0x02:  # device info: firmware 4.33, type, 0x02, MAC, 0x01, colours from SPI
            self._reply(sid, 0x82, bytes([0x04, 0x21, TYPE[self.side], 0x02]) + self.mac + bytes([0x01, 0x01]))
        elif sid == 0x10:  # SPI flash read: address (LE32), size; the reply repeats both, then the bytes
            addr, size = struct.unpack_from("<IB", args)
            self._reply(sid, 0x90, args[:5] + bytes(self.flash[addr:addr + size]))
        else:
            self._reply(sid, 0x80)

    def _serve(self):
        while self.alive:
            r, _, _ = select.select([self.fd], [], [], 0.2)
            if not r:
                continue
            try:
                ev = os.read(self.fd, EVENT_SIZE)
            except OSError:
                break
            kind = struct.unpack_from("<I", ev)[0]
            if kind == UHID_OPEN:
                self.opened.set()
            elif kind == UHID_OUTPUT:
                data = ev[4:4 + 4096]
                size = struct.unpack_from("<H", ev, 4 + 4096)[0]
                data = data[:size]
                if size >= 11 and data[0] == 0x01:
                    self._subcommand(data[10], data[11:])
                # 0x10 (rumble only) and anything else: nothing to answer
            elif kind == UHID_GET_REPORT:
                rid = struct.unpack_from("<I", ev, 4)[0]
                self._write(struct.pack("<IIHH", UHID_GET_REPORT_REPLY, rid, 5, 0))  # EIO: no feature reports
            elif kind == UHID_SET_REPORT:
                rid = struct.unpack_from("<I", ev, 4)[0]
                self._write(struct.pack("<IIH", UHID_SET_REPORT_REPLY, rid, 5))

    def send(self, samples):
        """One standard full report (0x30) with three (accel, gyro) samples in the driver's units."""
        sign = (1, -1, -1) if self.side == "right" else (1, 1, 1)
        clip = lambda v: max(-32768, min(32767, v))
        imu = b""
        for accel, gyro in samples:
            a = [clip(s * v) for s, v in zip(sign, accel)]
            g = [clip(s * round(v / 1000)) for s, v in zip(sign, gyro)]
            imu += struct.pack("<6h", *a, *g)
        self._input(self._header(0x30) + imu)

    def sys_path(self):
        """The HID device's sysfs folder (found by its uniq, the MAC we gave uhid)."""
        uniq = ":".join(f"{b:02x}" for b in self.mac)
        for dev in Path("/sys/bus/hid/devices").glob(f"0005:057E:{PRODUCT[self.side]:04X}.*"):
            try:
                if (dev / "uevent").read_text().find(f"HID_UNIQ={uniq}") >= 0:
                    return dev
            except OSError:
                pass
        return None

    def nodes(self):
        """Event nodes of this controller: name -> /dev/input/eventN."""
        found = {}
        dev = self.sys_path()
        if dev is None:
            return found
        for ev in dev.glob("input/input*/event*"):
            try:
                found[(ev.parent / "name").read_text().strip()] = "/dev/input/" + ev.name
            except OSError:
                pass
        return found

    def destroy(self):
        if self.alive:
            self.alive = False
            self._write(struct.pack("<I", UHID_DESTROY))
            self.reader.join(2)
            os.close(self.fd)


CONTROLLERS = {}
RECORDINGS = {}
LAST_SENT = {}  # controller -> (recording time of its last report sent, time.monotonic() then)


def create(cid, side, mac):
    dev = JoyCon(side, mac)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        n = dev.nodes()
        imu = [p for name, p in n.items() if name.endswith("IMU")]
        pad = [p for name, p in n.items() if not name.endswith("IMU")]
        if imu and pad and all(os.path.exists(p) for p in imu + pad):
            CONTROLLERS[cid] = dev
            say(f"ready {cid} {imu[0]} {pad[0]}")
            return
        time.sleep(0.05)
    seen = dev.subcommands[:]
    dev.destroy()
    say(f"error {cid} hid-nintendo made no IMU and gamepad nodes within 30 s (nodes: {dev.nodes()};"
        f" subcommands answered: {[hex(s) for s in seen]}; see the guest's dmesg)")


def play(cid, path, begin, end):
    dev = CONTROLLERS[cid]
    if path not in RECORDINGS:
        RECORDINGS[path] = reports(path)
    data = RECORDINGS[path]
    base_t = data[0][0]
    if isinstance(begin, str):  # resume:OTHER
        t_last, sent = LAST_SENT[begin.split(":", 1)[1]]
        begin = t_last + (time.monotonic() - sent)
    part = [(t - base_t, s) for t, s in data if begin <= t - base_t <= end]
    say(f"playing {cid} {part[0][0] if part else begin:.6f}")
    start = time.monotonic() - part[0][0] if part else 0
    n = 0
    for t, samples in part:
        late = time.monotonic() - (start + t)
        if late > 0.03:
            start += late  # fallen behind: carry on from here rather than send the backlog at once
        elif late < 0:
            time.sleep(-late)
        if cid not in CONTROLLERS:
            break  # unplugged meanwhile
        dev.send(samples)
        LAST_SENT[cid] = (t, time.monotonic())
        n += 3
    say(f"played {cid} {n} {begin}")


def main():
    say("started")
    for line in sys.stdin:
        cmd = line.split()
        if not cmd:
            continue
        try:
            if cmd[0] == "create":
                create(cmd[1], cmd[2], cmd[3])
            elif cmd[0] == "play":
                if cmd[1] not in CONTROLLERS:
                    raise KeyError(f"no controller {cmd[1]}")
                end = float(cmd[4]) if len(cmd) > 4 else 1e18
                begin = cmd[3] if cmd[3].startswith("resume:") else float(cmd[3])
                threading.Thread(target=play, args=(cmd[1], cmd[2], begin, end), daemon=True).start()
            elif cmd[0] == "load":
                RECORDINGS.setdefault(cmd[1], reports(cmd[1]))
                say(f"loaded {cmd[1]} {len(RECORDINGS[cmd[1]])}")
            elif cmd[0] == "destroy":
                CONTROLLERS.pop(cmd[1]).destroy()
                say(f"destroyed {cmd[1]}")
            else:
                say(f"error - unknown command {cmd}")
        except Exception as e:  # report and go on serving the other controllers
            say(f"error {cmd[1] if len(cmd) > 1 else '-'} {type(e).__name__}: {e}")
    for dev in CONTROLLERS.values():
        dev.destroy()


if __name__ == "__main__":
    main()
