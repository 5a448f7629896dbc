%% Gluon's `gpio`, following AtomVM's API (the de-facto one for Erlang on
%% microcontrollers): pins numbered by the board, levels `high` / `low`.
%% Natives in `gluon_hal` over the platform's peripheral hooks; a board
%% without GPIO answers `{error, enotsup}`.
-module(gpio).
-export([set_pin_mode/2, set_pin_pull/2, digital_write/2, digital_read/1,
         start/0, open/0, stop/0, close/1, set_direction/3, set_level/3,
         read/2]).

%% Mode: input | output | output_od (open drain: an output here).
set_pin_mode(Pin, output_od) -> gluon_hal:gpio_mode(Pin, output);
set_pin_mode(Pin, Mode) -> gluon_hal:gpio_mode(Pin, Mode).

%% Pull: up | down | floating (makes the pin an input with that pull).
set_pin_pull(Pin, up) -> gluon_hal:gpio_mode(Pin, input_pullup);
set_pin_pull(Pin, down) -> gluon_hal:gpio_mode(Pin, input_pulldown);
set_pin_pull(Pin, floating) -> gluon_hal:gpio_mode(Pin, input).

%% Level: high | low | 1 | 0.
digital_write(Pin, Level) -> gluon_hal:gpio_write(Pin, Level).

%% high | low.
digital_read(Pin) -> gluon_hal:gpio_read(Pin).

%% AtomVM's driver-handle style: the handle stands for the board's GPIO.
start() -> gpio.
open() -> gpio.
stop() -> ok.
close(_GPIO) -> ok.
set_direction(_GPIO, Pin, Dir) -> set_pin_mode(Pin, Dir).
set_level(_GPIO, Pin, Level) -> digital_write(Pin, Level).
read(_GPIO, Pin) -> digital_read(Pin).
