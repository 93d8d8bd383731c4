#ifndef FORMCHECK_CLIBEVDEV_SHIM_H
#define FORMCHECK_CLIBEVDEV_SHIM_H

#include <libevdev/libevdev.h>
#include <linux/input.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

/* Kernel macros Swift cannot import: struct input_event's time fields are
 * macros on 64-bit-time_t systems (input_event_sec / input_event_usec). */
static inline long formcheck_event_sec(const struct input_event *ev) {
    return (long)ev->input_event_sec;
}
static inline long formcheck_event_usec(const struct input_event *ev) {
    return (long)ev->input_event_usec;
}
static inline void formcheck_event_set_time(struct input_event *ev, long sec, long usec) {
    ev->input_event_sec = sec;
    ev->input_event_usec = usec;
}

/* errno is a macro (a thread-local lvalue); read it through a function. */
static inline int formcheck_errno(void) { return errno; }

/* major()/minor() are macros: split a dev_t (st_rdev) into the numbers sysfs uses
 * in /sys/dev/char/MAJOR:MINOR. */
static inline unsigned int formcheck_major(dev_t dev) { return major(dev); }
static inline unsigned int formcheck_minor(dev_t dev) { return minor(dev); }

#endif
