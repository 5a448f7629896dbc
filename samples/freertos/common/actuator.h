/* actuator:set/2, the native through which sensor_srv
 * (samples/sensor/sensor_srv.erl) answers the firmware, and what it saw. */
#ifndef ACTUATOR_H
#define ACTUATOR_H

#include "gluon.h"

/* Channels actuator:set(Channel, off) accepts: 0 .. ACTUATOR_CHANNELS-1. */
#define ACTUATOR_CHANNELS 4

/* What the native saw (it runs in the VM's task). */
typedef struct actuator_log {
    /* actuator:set(Channel, off) calls. */
    unsigned long offs;
    /* Whether actuator:set(done, Count), the server's last word, came,
     * and its Count. */
    int done;
    unsigned long done_count;
} actuator_log;

/* Registers actuator:set/2 in `vm`, recording into `*log`. */
gluon_status actuator_register(gluon_vm *vm, actuator_log *log);

#endif /* ACTUATOR_H */
