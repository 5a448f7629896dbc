%% The controller of an event-driven firmware: a C thread sends sensor
%% readings ({reading, Channel, Value}) through Gluon's event queue; this
%% process keeps per-channel state and switches actuators through a
%% native function (actuator:set/2, in C) when a reading crosses the
%% threshold, with hysteresis. A timer interrupt handler sends
%% {isr_reading, Seq, InIsr} too; they are counted.
-module(controller).
-export([start/0]).

-define(HIGH, 70).
-define(LOW, 50).

start() ->
    register(controller, self()),
    ok = sensor:ready(),
    loop(#{}, 0, 0, []).

loop(States, Readings, Changes, Isr) ->
    receive
        {isr_reading, Seq, InIsr} when is_integer(Seq) ->
            loop(States, Readings, Changes, [{Seq, InIsr} | Isr]);
        {reading, Ch, Value} when is_integer(Ch), is_integer(Value) ->
            Old = maps:get(Ch, States, off),
            case decide(Old, Value) of
                Old ->
                    loop(States, Readings + 1, Changes, Isr);
                New ->
                    ok = actuator:set(Ch, New),
                    loop(States#{Ch => New}, Readings + 1, Changes + 1, Isr)
            end;
        stop ->
            On = lists:sort([Ch || {Ch, on} <- maps:to_list(States)]),
            io:format("controller: ~p readings, ~p switches, on at the end: ~p~n",
                      [Readings, Changes, On]),
            {Seqs, Flags} = lists:unzip(lists:reverse(Isr)),
            io:format("controller: ~p readings from the timer interrupt, in order: ~p, "
                      "sent in ISR context: ~p~n",
                      [length(Isr), Seqs =:= lists:seq(1, length(Isr)),
                       lists:usort(Flags)])
    end.

decide(off, V) when V >= ?HIGH -> on;
decide(on, V) when V =< ?LOW -> off;
decide(State, _) -> State.
