%% Blinks the board's led0 from Erlang: led:set/1 is a native function
%% the firmware registers in C (src/main.c).
-module(blinky).
-export([start/0]).

-define(TOGGLES, 10).
-define(PERIOD_MS, 250).

start() ->
    io:format("blinky: ~p toggles every ~p ms~n", [?TOGGLES, ?PERIOD_MS]),
    loop(true, ?TOGGLES).

loop(_, 0) ->
    io:format("blinky: done~n");
loop(On, N) ->
    ok = led:set(On),
    timer:sleep(?PERIOD_MS),
    loop(not On, N - 1).
