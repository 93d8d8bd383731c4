#ifndef FORMCHECK_CLIBEVEMU_SHIM_H
#define FORMCHECK_CLIBEVEMU_SHIM_H
#include <evemu.h>
#include <stdio.h>
#include <stdlib.h>
#include <linux/input.h>

static inline long formcheck_evemu_event_sec(const struct input_event *ev) {
    return (long)ev->input_event_sec;
}
static inline long formcheck_evemu_event_usec(const struct input_event *ev) {
    return (long)ev->input_event_usec;
}
#endif
