%% The controller of an event-driven firmware: a C thread sends sensor
%% readings ({reading, Channel, Value}) through Gluon's event queue; this
%% process keeps per-channel state and switches actuators through a
%% native function (actuator:set/2, in C) when a reading crosses the
%% threshold, with hysteresis.
-module(controller).
-export([start/0]).

-define(HIGH, 70).
-define(LOW, 50).

start() ->
    register(controller, self()),
    ok = sensor:ready(),
    loop(#{}, 0, 0).

loop(States, Readings, Changes) ->
    receive
        {reading, Ch, Value} when is_integer(Ch), is_integer(Value) ->
            Old = maps:get(Ch, States, off),
            case decide(Old, Value) of
                Old ->
                    loop(States, Readings + 1, Changes);
                New ->
                    ok = actuator:set(Ch, New),
                    loop(States#{Ch => New}, Readings + 1, Changes + 1)
            end;
        stop ->
            On = lists:sort([Ch || {Ch, on} <- maps:to_list(States)]),
            io:format("controller: ~p readings, ~p switches, on at the end: ~p~n",
                      [Readings, Changes, On])
    end.

decide(off, V) when V >= ?HIGH -> on;
decide(on, V) when V =< ?LOW -> off;
decide(State, _) -> State.
