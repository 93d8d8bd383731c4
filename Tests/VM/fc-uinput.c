/*
 * fc-uinput: a test helper for the VM tests (not shipped). Creates a uinput device from an evemu
 * description — like evemu-device, but it can give the device a uniq (evemu's format has none),
 * which formcheck uses to find a controller again after it was unplugged — and plays the E: lines
 * of an evemu file into it at the recorded pace.
 *
 *   fc-uinput DESC.evemu [--uniq U] [--play FILE.evemu] [--from S] [--until S] [--wait] [--exit]
 *   fc-uinput --check FILE.evemu
 *
 * Prints "device /dev/input/eventN" once the node exists, "played N" when the events from
 * --from to --until (seconds of the file's event clock, relative to its first event) are
 * written (with --wait, playing starts when a line arrives on stdin), then keeps the device until it is killed (or exits at once with --exit). --check reads
 * a recording with libevemu (the reference implementation) and prints "events N" (exit status 1
 * when libevemu cannot read it).
 *
 * Build: cc -O2 -o fc-uinput fc-uinput.c $(pkg-config --cflags --libs libevdev) -levemu
 */
#define _GNU_SOURCE
#include <errno.h>
#include <evemu.h>
#include <libevdev/libevdev-uinput.h>
#include <libevdev/libevdev.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int check(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); return 1; }
    struct evemu_device *dev = evemu_new(NULL);
    if (evemu_read(dev, f) <= 0) { fprintf(stderr, "%s: libevemu cannot read the description\n", path); return 1; }
    struct input_event ev;
    long n = 0;
    while (evemu_read_event(f, &ev) > 0) n++;
    if (!feof(f)) { fprintf(stderr, "%s: libevemu stopped before the end of the file\n", path); return 1; }
    printf("events %ld\nname %s\n", n, evemu_get_name(dev));
    return 0;
}

static struct libevdev *from_evemu(struct evemu_device *e) {
    struct libevdev *d = libevdev_new();
    libevdev_set_name(d, evemu_get_name(e));
    libevdev_set_id_bustype(d, evemu_get_id_bustype(e));
    libevdev_set_id_vendor(d, evemu_get_id_vendor(e));
    libevdev_set_id_product(d, evemu_get_id_product(e));
    libevdev_set_id_version(d, evemu_get_id_version(e));
    for (unsigned p = 0; p <= INPUT_PROP_MAX; p++)
        if (evemu_has_prop(e, p)) libevdev_enable_property(d, p);
    for (unsigned t = EV_KEY; t <= EV_MAX; t++) {
        int max = libevdev_event_type_get_max(t);
        for (int c = 0; max > 0 && c <= max; c++) {
            if (!evemu_has_event(e, t, c)) continue;
            if (t == EV_ABS) {
                struct input_absinfo a = {
                    .value = evemu_get_abs_current_value(e, c), .minimum = evemu_get_abs_minimum(e, c),
                    .maximum = evemu_get_abs_maximum(e, c), .fuzz = evemu_get_abs_fuzz(e, c),
                    .flat = evemu_get_abs_flat(e, c), .resolution = evemu_get_abs_resolution(e, c)};
                libevdev_enable_event_code(d, t, c, &a);
            } else if (t == EV_REP) {
                int v = 0;
                libevdev_enable_event_code(d, t, c, &v);
            } else {
                libevdev_enable_event_code(d, t, c, NULL);
            }
        }
    }
    return d;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void sleep_until(double t) {
    struct timespec ts = {.tv_sec = (time_t)t, .tv_nsec = (long)((t - (time_t)t) * 1e9)};
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR) {}
}

int main(int argc, char **argv) {
    const char *desc = NULL, *uniq = NULL, *play = NULL;
    double from = 0, until = 1e18;
    int exit_after = 0, wait_line = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--check") && i + 1 < argc) return check(argv[i + 1]);
        else if (!strcmp(argv[i], "--uniq") && i + 1 < argc) uniq = argv[++i];
        else if (!strcmp(argv[i], "--play") && i + 1 < argc) play = argv[++i];
        else if (!strcmp(argv[i], "--from") && i + 1 < argc) from = atof(argv[++i]);
        else if (!strcmp(argv[i], "--until") && i + 1 < argc) until = atof(argv[++i]);
        else if (!strcmp(argv[i], "--exit")) exit_after = 1;
        else if (!strcmp(argv[i], "--wait")) wait_line = 1;
        else if (argv[i][0] != '-' && !desc) desc = argv[i];
        else { fprintf(stderr, "usage: fc-uinput DESC.evemu [--uniq U] [--play FILE] [--from S] [--until S] [--wait] [--exit] | --check FILE\n"); return 64; }
    }
    if (!desc) { fprintf(stderr, "fc-uinput: no description file\n"); return 64; }
    FILE *f = fopen(desc, "r");
    if (!f) { perror(desc); return 66; }
    struct evemu_device *e = evemu_new(NULL);
    if (evemu_read(e, f) <= 0) { fprintf(stderr, "%s: not an evemu description\n", desc); return 65; }
    fclose(f);
    struct libevdev *d = from_evemu(e);
    if (uniq) libevdev_set_uniq(d, uniq);
    struct libevdev_uinput *ui = NULL;
    int rc = libevdev_uinput_create_from_device(d, LIBEVDEV_UINPUT_OPEN_MANAGED, &ui);
    if (rc < 0) { fprintf(stderr, "fc-uinput: cannot create the device: %s\n", strerror(-rc)); return 71; }
    printf("device %s\n", libevdev_uinput_get_devnode(ui));
    fflush(stdout);

    if (play) {
        if (wait_line) {
            char go[64];
            if (!fgets(go, sizeof go, stdin)) return 0;
        }
        FILE *p = fopen(play, "r");
        if (!p) { perror(play); return 66; }
        char line[256];
        double first = -1, start = 0, batch_t = -1;
        long n = 0;
        int started = 0;
        /* Events less than 0.5 ms apart in the file go to the kernel in one write(2), as a driver
           emits a HID report's frames (a Joy-Con report has three) in one go: readers such as
           formcheck tell reports apart by the kernel time between frames, which emulation
           would otherwise stretch past a millisecond. */
        struct input_event batch[512];
        int nb = 0;
        int fd = libevdev_uinput_get_fd(ui);
        for (;;) {
            char *got = fgets(line, sizeof line, p);
            long sec = 0, usec = 0;
            unsigned type = 0, code = 0;
            int value = 0;
            double t = 0;
            int have = 0;
            if (got) {
                if (strncmp(line, "E:", 2)) continue;
                if (sscanf(line, "E: %ld.%ld %x %x %d", &sec, &usec, &type, &code, &value) != 5) continue;
                t = sec + usec / 1e6;
                if (first < 0) first = t;
                if (t - first < from) continue;
                have = t - first <= until;
            }
            if (nb > 0 && (!have || t - batch_t > 0.0005 || nb == (int)(sizeof batch / sizeof batch[0]))) {
                double rel = batch_t - first - from;
                if (!started) { start = now() - rel; started = 1; }
                double late = now() - (start + rel);
                if (late > 0.03) start += late; /* behind: go on from here, never send a backlog at once */
                else if (late < 0) sleep_until(start + rel);
                ssize_t w = write(fd, batch, nb * sizeof batch[0]);
                if (w != (ssize_t)(nb * sizeof batch[0])) { perror("fc-uinput: write"); return 74; }
                n += nb;
                nb = 0;
            }
            if (!have) break;
            if (type == EV_SYN && code == SYN_DROPPED) continue; /* the input core ignores it anyway */
            if (nb == 0) batch_t = t;
            memset(&batch[nb], 0, sizeof batch[nb]);
            batch[nb].type = type;
            batch[nb].code = code;
            batch[nb].value = value;
            nb++;
        }
        fclose(p);
        printf("played %ld\n", n);
        fflush(stdout);
    }
    if (!exit_after)
        for (;;) pause();
    libevdev_uinput_destroy(ui);
    return 0;
}
